import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { PlanEditFormSchema, PlanFormSchema, PRICE_SLOTS } from "~/modules/plans/forms.ts";

/** What the form starts with: a saved plan's values, or an empty new plan. */
export type PlanFormDefaults = {
  name: string;
  description: string;
  grants: "everything" | "selection";
  categories: string[];
  listingIds: string[];
  trialDays: string;
  moveSubscribers?: string;
} & Partial<Record<(typeof PRICE_SLOTS)[number]["field"], string>>;

export type PlanFormChoices = {
  listings: { id: string; title: string; category: string }[];
  categories: string[];
};

const slotLabel = {
  priceMonthEur: "Monthly, EUR",
  priceMonthUsd: "Monthly, USD",
  priceYearEur: "Yearly, EUR",
  priceYearUsd: "Yearly, USD",
} as const;

/**
 * The seller's plan form (new and edit pages): name, description, what it includes, prices per
 * interval and currency, trial. Validated in the browser with the same schema the action uses;
 * the action's answer (field errors, form errors) comes back through `lastResult`.
 */
export function PlanForm({
  mode,
  defaults,
  choices,
  lastResult,
  hasSubscribers = false,
  submitLabel,
}: {
  mode: "new" | "edit";
  defaults: PlanFormDefaults;
  choices: PlanFormChoices;
  lastResult?: SubmissionResult<string[]> | null;
  hasSubscribers?: boolean;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `plan-${mode}`,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: mode === "edit" ? PlanEditFormSchema : PlanFormSchema }),
  });
  const grants = fields.grants.value ?? fields.grants.initialValue ?? defaults.grants;
  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      {mode === "edit" && <input type="hidden" name="intent" value="save" />}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      <Field
        label="Name"
        errors={fields.name.errors}
        maxLength={80}
        {...getInputProps(fields.name, { type: "text" })}
        id={fields.name.id}
      />
      <div className="space-y-1">
        <label htmlFor={fields.description.id} className="block text-sm font-medium text-ink">
          Description
        </label>
        <textarea
          rows={4}
          maxLength={2000}
          className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
          {...getTextareaProps(fields.description)}
        />
        <Errors field={fields.description} />
      </div>

      <fieldset className="space-y-3" aria-describedby={fields.grants.errorId}>
        <legend className="text-sm font-medium text-ink">What subscribers get</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name={fields.grants.name}
            value="everything"
            key={`${fields.grants.key}-everything`}
            defaultChecked={fields.grants.initialValue === "everything"}
            className="mt-1"
          />
          <span>Everything in my shop, including listings I publish later</span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name={fields.grants.name}
            value="selection"
            key={`${fields.grants.key}-selection`}
            defaultChecked={fields.grants.initialValue === "selection"}
            className="mt-1"
          />
          <span>Whole categories and chosen listings</span>
        </label>
        <Errors field={fields.grants} />
        <div className={`space-y-4 rounded-lg bg-gray-50 p-4 ${grants === "selection" ? "" : "opacity-60"}`}>
          <Checklist
            legend="Whole categories (listings published in them later are included too)"
            field={fields.categories}
            options={choices.categories.map((category) => ({ value: category, label: category }))}
          />
          <Checklist
            legend="Chosen listings"
            field={fields.listingIds}
            options={choices.listings.map((listing) => ({
              value: listing.id,
              label: `${listing.title} (${listing.category})`,
            }))}
          />
          {choices.listings.length === 0 && (
            <p className="text-sm text-gray-600">Your shop has no published listings yet.</p>
          )}
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">
          Prices (leave empty for intervals you do not offer)
        </legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {PRICE_SLOTS.map((slot) => (
            <div key={slot.field}>
              <Field
                label={slotLabel[slot.field]}
                inputMode="decimal"
                placeholder="9.00"
                errors={fields[slot.field].errors}
                {...getInputProps(fields[slot.field], { type: "text" })}
                id={fields[slot.field].id}
              />
            </div>
          ))}
        </div>
        {mode === "edit" && (
          <p className="text-sm text-gray-600">
            A new amount becomes a new price in Stripe; the old one is archived and current subscribers keep
            paying it, unless you move them below.
          </p>
        )}
      </fieldset>

      <Field
        label="Free trial (days, 0 for none)"
        inputMode="numeric"
        errors={fields.trialDays.errors}
        {...getInputProps(fields.trialDays, { type: "text" })}
        id={fields.trialDays.id}
      />

      {mode === "edit" && hasSubscribers && (
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name={fields.moveSubscribers.name}
            value="on"
            key={fields.moveSubscribers.key}
            defaultChecked={fields.moveSubscribers.initialValue === "on"}
            className="mt-1"
          />
          <span>
            Move existing subscribers to the new price. Stripe prorates: the difference for the rest of the
            current period is added to (or credited on) their next invoice.
          </span>
        </label>
      )}

      <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
    </Form>
  );
}

function Errors({ field }: { field: FieldMetadata<unknown> }): ReactNode {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="text-sm text-red-700">
      {field.errors.join(" ")}
    </p>
  );
}

function Checklist({
  legend,
  field,
  options,
}: {
  legend: string;
  field: FieldMetadata<string[] | undefined>;
  options: { value: string; label: string }[];
}) {
  if (options.length === 0) return null;
  const initial = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial : typeof initial === "string" ? [initial] : []);
  return (
    <fieldset aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.value}>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name={field.name}
                value={option.value}
                key={`${field.key}-${option.value}`}
                defaultChecked={checked.has(option.value)}
                className="mt-0.5"
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <Errors field={field} />
    </fieldset>
  );
}
