import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Field } from "~/components/ui/field.tsx";
import { CURRENCIES, MAX_LINKS } from "~/modules/shops/forms.ts";

const inputClass =
  "block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500";

type ShopFieldSet = {
  name: FieldMetadata<string>;
  bio: FieldMetadata<string | undefined>;
  links: FieldMetadata<string | undefined>;
  defaultCurrency: FieldMetadata<string>;
};

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/** Name, bio, links and default currency: the same fields when opening a shop and in its settings. */
export function ShopFields({ fields }: { fields: ShopFieldSet }) {
  // A bad link is reported on `links[i]`: show those with the field.
  const linkErrors = Object.values(fields.links.allErrors ?? {}).flat();
  // A form that sent the field twice comes back with a list; a single select takes one value.
  const currency = getSelectProps(fields.defaultCurrency);
  const currencyDefault = typeof currency.defaultValue === "string" ? currency.defaultValue : undefined;
  return (
    <>
      <Field
        label="Shop name"
        errors={fields.name.errors}
        maxLength={80}
        {...getInputProps(fields.name, { type: "text" })}
        id={fields.name.id}
      />
      <div className="space-y-1">
        <label htmlFor={fields.bio.id} className="block text-sm font-medium text-ink">
          Bio <span className="font-normal text-gray-600">(optional, up to 500 characters)</span>
        </label>
        <textarea rows={3} maxLength={500} className={inputClass} {...getTextareaProps(fields.bio)} />
        <Errors id={fields.bio.errorId} errors={fields.bio.errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor={fields.links.id} className="block text-sm font-medium text-ink">
          Links{" "}
          <span className="font-normal text-gray-600">
            (optional: up to {MAX_LINKS}, one https:// address per line)
          </span>
        </label>
        <textarea
          rows={3}
          className={inputClass}
          {...getTextareaProps(fields.links)}
          aria-invalid={linkErrors.length > 0 || undefined}
          aria-describedby={linkErrors.length > 0 ? fields.links.errorId : undefined}
        />
        <Errors id={fields.links.errorId} errors={linkErrors} />
      </div>
      <div className="space-y-1">
        <label htmlFor={fields.defaultCurrency.id} className="block text-sm font-medium text-ink">
          Default currency
        </label>
        <select className={inputClass} {...currency} defaultValue={currencyDefault}>
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
        <Errors id={fields.defaultCurrency.errorId} errors={fields.defaultCurrency.errors} />
      </div>
    </>
  );
}
