import { type SubmissionResult, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import type { GiftSchema } from "~/modules/sellers/forms.ts";

/** Give a published listing to an email address: it lands in their library with a licence key. */
export function GiftForm({
  listings,
  lastResult,
}: {
  listings: { id: string; title: string }[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm<z.input<typeof GiftSchema>>({ id: "gift", lastResult });
  const navigation = useNavigation();
  if (listings.length === 0) return null;
  return (
    <section
      aria-labelledby="gift-heading"
      className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
    >
      <h3 id="gift-heading" className="text-lg font-semibold">
        Give a listing
      </h3>
      <p className="text-sm text-gray-700">
        The recipient gets it in their library, with a licence key, and an email with a sign-in link. Giving
        the same listing to the same address twice does nothing the second time.
      </p>
      {form.errors && form.errors.length > 0 && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      <Form method="post" id={form.id} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <input type="hidden" name="intent" value="gift" />
        <div className="space-y-1">
          <label htmlFor="gift-listing" className="block text-sm font-medium">
            Listing
          </label>
          <select
            id="gift-listing"
            name={fields.listingId.name}
            defaultValue={fields.listingId.initialValue ?? listings[0]?.id}
            className="block w-full rounded-lg border-0 py-2.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300"
          >
            {listings.map((listing) => (
              <option key={listing.id} value={listing.id}>
                {listing.title}
              </option>
            ))}
          </select>
          {fields.listingId.errors && (
            <p className="text-sm text-red-700">{fields.listingId.errors.join(" ")}</p>
          )}
        </div>
        <Field
          label="Recipient's email"
          id="gift-email"
          name={fields.email.name}
          type="email"
          autoComplete="off"
          defaultValue={fields.email.initialValue ?? ""}
          errors={fields.email.errors}
        />
        <Button disabled={navigation.state !== "idle"}>Give</Button>
      </Form>
    </section>
  );
}
