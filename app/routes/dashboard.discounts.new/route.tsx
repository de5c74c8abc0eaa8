import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { CheckboxChoices, RadioChoices, SelectField } from "~/components/ui/choices.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { createDiscount, discountChoices, discountRefusalMessage } from "~/modules/discounts/codes.server.ts";
import { DiscountSchema } from "~/modules/discounts/forms.ts";
import { CURRENCIES } from "~/modules/pricing/money-input.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "New discount code · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ choices: await discountChoices(seller.shop.id) }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, DiscountSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await createDiscount(seller.shop.id, submission.value);
  if (!result.ok) {
    if (result.refusal === "code-taken" || result.refusal === "ends-in-past") {
      const field = result.refusal === "code-taken" ? "code" : "endsAt";
      return data(
        { result: submission.reply({ fieldErrors: { [field]: [discountRefusalMessage[result.refusal]] } }) },
        { status: 400 },
      );
    }
    return refuseSubmission(
      submission,
      result.refusal === "not-found" ? 404 : 503,
      discountRefusalMessage[result.refusal],
    );
  }
  return redirect(
    `/dashboard/discounts/${result.discountId}?created=1${result.mirrored ? "" : "&stripe=pending"}`,
  );
}

export default function NewDiscount() {
  const { choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DiscountSchema }),
    shouldRevalidate: "onBlur",
  });
  const [kind, setKind] = useState<"PERCENT" | "FIXED">("PERCENT");
  const [scope, setScope] = useState<"shop" | "selected">("shop");
  return (
    <section aria-labelledby="new-discount-heading" className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/dashboard/discounts" className="text-brand-700 underline">
          Discount codes
        </Link>
      </p>
      <h2 id="new-discount-heading" className="text-xl font-bold">
        New discount code
      </h2>
      <p className="text-sm text-gray-700">
        A code's terms cannot change once it is made (Stripe keeps them fixed): deactivate it and make a new
        one instead.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="space-y-5 rounded-xl bg-white p-5 ring-1 ring-gray-200"
      >
        {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
        <Field label="Code" placeholder="SPRING-25" meta={fields.code} />
        <RadioChoices
          legend="Discount"
          meta={fields.kind}
          inline
          options={[
            { value: "PERCENT", label: "Percentage off" },
            { value: "FIXED", label: "Fixed amount off" },
          ]}
          value={kind}
          onChange={setKind}
        />
        {kind === "PERCENT" ? (
          <Field label="Percent off (1 to 100)" inputMode="numeric" meta={fields.percentOff} />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Amount off" inputMode="decimal" placeholder="5.00" meta={fields.amountOff} />
            <SelectField label="Currency" meta={fields.currency} options={CURRENCIES} />
          </div>
        )}
        <RadioChoices
          legend="Applies to"
          meta={fields.scope}
          options={[
            { value: "shop", label: "The whole shop (its listings and plans as they are today)" },
            { value: "selected", label: "Some listings and plans" },
          ]}
          value={scope}
          onChange={setScope}
        >
          {scope === "selected" && (
            <div className="grid gap-4 rounded-lg bg-gray-50 p-4 sm:grid-cols-2">
              <CheckboxChoices
                legend="Listings"
                meta={fields.listingIds}
                options={choices.listings.map((listing) => ({ value: listing.id, label: listing.title }))}
              />
              <CheckboxChoices
                legend="Plans"
                meta={fields.planIds}
                options={choices.plans.map((plan) => ({ value: plan.id, label: plan.name }))}
                empty="No plans."
              />
            </div>
          )}
        </RadioChoices>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Maximum redemptions (empty: no limit)"
            inputMode="numeric"
            meta={fields.maxRedemptions}
          />
          <Field
            label="Plans: billing cycles discounted (empty: the first only)"
            inputMode="numeric"
            meta={fields.durationInMonths}
          />
          <Field type="date" label="Starts on (UTC, optional)" meta={fields.startsAt} />
          <Field type="date" label="Last day (UTC, optional)" meta={fields.endsAt} />
        </div>
        <Button>Create code</Button>
      </Form>
    </section>
  );
}
