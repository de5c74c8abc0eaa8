import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Markdown } from "~/components/markdown.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import type { PricingMode } from "~/generated/prisma/enums.ts";
import {
  ArchiveTierSchema,
  MAX_LICENSE_TEXT,
  ModeSchema,
  PRICING_MODES,
  pricingModeLabel,
  tierSchema,
} from "~/modules/pricing/forms.ts";
import { CURRENCIES } from "~/modules/pricing/money-input.ts";
import {
  archiveTier,
  getPricingPage,
  pricingRefusalMessage,
  saveTier,
  setPricingMode,
} from "~/modules/pricing/tiers.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { formatMoney, toDecimalString } from "~/utils/money.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireSeller } from "~/utils/session.server.ts";

const NOT_FOUND = "This listing does not exist.";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Pricing · ${data?.listing.title ?? "Listing"} · Stapel` },
];

async function ownListingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const seller = await requireSeller(request);
  const listingId = recordId().safeParse(params.listingId);
  return { seller, listingId: listingId.success ? listingId.data : null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { seller, listingId } = await ownListingId(request, params);
  const listing = listingId ? await getPricingPage(seller.shop.id, listingId) : null;
  // Another shop's listing looks exactly like a missing one.
  invariantResponse(listing, NOT_FOUND, { status: 404 });
  return data({ listing }, { headers: privateNoStore });
}

const refusalStatus = {
  "not-found": 404,
  "last-tier": 409,
  "too-many-tiers": 409,
  "tiers-need-prices": 409,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { seller, listingId } = await ownListingId(request, params);
  const page = listingId ? await getPricingPage(seller.shop.id, listingId) : null;
  invariantResponse(page && listingId, NOT_FOUND, { status: 404 });
  const intent = (
    await request
      .clone()
      .formData()
      .catch(() => null)
  )?.get("intent");
  if (intent === "mode") {
    const submission = await parseSubmission(request, ModeSchema);
    if (submission.status !== "success") return invalidSubmission(submission);
    const result = await setPricingMode(seller.shop.id, listingId, submission.value.mode);
    if (!result.ok)
      return refuseSubmission(
        submission,
        refusalStatus[result.refusal],
        pricingRefusalMessage[result.refusal],
      );
    return { result: submission.reply(), formId: "mode", saved: "mode" as const };
  }
  if (intent === "archive-tier") {
    const submission = await parseSubmission(request, ArchiveTierSchema);
    if (submission.status !== "success") return invalidSubmission(submission);
    const result = await archiveTier(seller.shop.id, listingId, submission.value.tierId);
    if (!result.ok)
      return refuseSubmission(
        submission,
        refusalStatus[result.refusal],
        pricingRefusalMessage[result.refusal],
      );
    return {
      result: submission.reply(),
      formId: `archive-${submission.value.tierId}`,
      saved: "archived" as const,
    };
  }
  const submission = await parseSubmission(request, tierSchema(page.pricingMode));
  const formId = tierFormId(submission.payload.tierId);
  if (submission.status !== "success") {
    const invalid = invalidSubmission(submission);
    return data({ ...invalid.data, formId }, invalid.init ?? undefined);
  }
  const result = await saveTier(seller.shop.id, listingId, submission.value);
  if (!result.ok) {
    const refused = refuseSubmission(
      submission,
      refusalStatus[result.refusal],
      pricingRefusalMessage[result.refusal],
    );
    return data({ ...refused.data, formId }, refused.init ?? undefined);
  }
  return {
    result: submission.reply({ resetForm: !submission.value.tierId }),
    formId,
    saved: "tier" as const,
  };
}

const tierFormId = (tierId: unknown) =>
  typeof tierId === "string" && tierId ? `tier-${tierId}` : "tier-new";

type PageTier = ReturnType<typeof useLoaderData<typeof loader>>["listing"]["tiers"][number];

export default function PricingPage() {
  const { listing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string) =>
    actionData && "formId" in actionData && actionData.formId === formId
      ? (actionData.result as SubmissionResult<string[]>)
      : undefined;
  const modeResult = resultFor("mode");
  const [modeForm] = useForm({ id: "mode", lastResult: modeResult });
  return (
    <section aria-labelledby="pricing-heading" className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to={`/dashboard/listings/${listing.id}`} className="text-brand-700 underline">
          ← {listing.title}
        </Link>
      </p>
      <header>
        <h2 id="pricing-heading" className="text-xl font-bold">
          Pricing and licences
        </h2>
        <p className="text-sm text-gray-700">
          Shown on the storefront as{" "}
          {listing.pricingMode === "FREE"
            ? "Free"
            : formatMoney({ amount: listing.priceAmount, currency: listing.currency })}{" "}
          (the first tier's price in {listing.shop.defaultCurrency}, your shop's currency). Buyers pay in EUR
          or USD by their language when a tier has both.
        </p>
      </header>
      {actionData && "saved" in actionData && <Notice tone="success">Saved.</Notice>}
      <Form
        method="post"
        {...getFormProps(modeForm)}
        className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
      >
        <input type="hidden" name="intent" value="mode" />
        <fieldset>
          <legend className="font-semibold">Pricing mode</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {PRICING_MODES.map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input type="radio" name="mode" value={mode} defaultChecked={listing.pricingMode === mode} />
                {pricingModeLabel[mode]}
              </label>
            ))}
          </div>
        </fieldset>
        {modeForm.errors && <Notice tone="error">{modeForm.errors.join(" ")}</Notice>}
        <Button>Change mode</Button>
      </Form>
      {listing.tiers.map((tier) => (
        <TierForm
          key={tier.id}
          tier={tier}
          mode={listing.pricingMode}
          lastResult={resultFor(tierFormId(tier.id))}
          archiveResult={resultFor(`archive-${tier.id}`)}
        />
      ))}
      <TierForm tier={null} mode={listing.pricingMode} lastResult={resultFor("tier-new")} />
    </section>
  );
}

function TierForm({
  tier,
  mode,
  lastResult,
  archiveResult,
}: {
  tier: PageTier | null;
  mode: PricingMode;
  lastResult?: SubmissionResult<string[]>;
  archiveResult?: SubmissionResult<string[]>;
}) {
  const formId = tierFormId(tier?.id);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tierSchema(mode) }),
    shouldRevalidate: "onBlur",
  });
  const prices = fields.prices.getFieldList();
  const heading = tier ? tier.name : "Add a tier";
  return (
    <div className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <Form method="post" {...getFormProps(form)} className="space-y-4" aria-labelledby={`${formId}-heading`}>
        <h3 id={`${formId}-heading`} className="font-semibold">
          {heading}
        </h3>
        <input type="hidden" name="intent" value="save-tier" />
        {tier && <input type="hidden" name="tierId" value={tier.id} />}
        {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
        <Field
          label="Tier name"
          defaultValue={tier?.name ?? ""}
          placeholder="Personal, Commercial, Team"
          meta={fields.name}
        />
        <div className="space-y-1">
          <label htmlFor={fields.licenseText.id} className="block text-sm font-medium text-ink">
            Licence text (markdown, delivered with each purchase)
          </label>
          <textarea
            id={fields.licenseText.id}
            name={fields.licenseText.name}
            defaultValue={tier?.licenseText ?? ""}
            rows={5}
            maxLength={MAX_LICENSE_TEXT}
            aria-invalid={fields.licenseText.errors ? true : undefined}
            aria-describedby={fields.licenseText.errors ? fields.licenseText.errorId : undefined}
            className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
          />
          {fields.licenseText.errors && (
            <p id={fields.licenseText.errorId} className="text-sm text-red-700">
              {fields.licenseText.errors.join(" ")}
            </p>
          )}
        </div>
        {tier?.licenseText && (
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-700">Preview the licence as buyers see it</summary>
            <Markdown html={tier.licenseHtml} className="mt-2" />
          </details>
        )}
        <Field
          label="Activations per licence key (empty: no limit)"
          inputMode="numeric"
          defaultValue={tier?.activationLimit?.toString() ?? ""}
          meta={fields.activationLimit}
        />
        {mode === "FREE" ? (
          <p className="text-sm text-gray-600">Free listing: buyers claim it without paying.</p>
        ) : (
          <fieldset
            className="space-y-2"
            aria-describedby={fields.prices.errors ? fields.prices.errorId : undefined}
          >
            <legend className="text-sm font-medium text-ink">
              {mode === "FIXED"
                ? "Price per currency (leave empty to not sell in it)"
                : "Minimum and suggested amount per currency"}
            </legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {CURRENCIES.map((currency, index) => {
                const row = prices[index]?.getFieldset();
                const existing = tier?.prices.find((price) => price.currency === currency);
                const name = `${fields.prices.name}[${index}]`;
                return (
                  <div key={currency} className="space-y-2">
                    <input type="hidden" name={`${name}.currency`} value={currency} />
                    <Field
                      id={`${formId}-${currency}-amount`}
                      name={`${name}.amount`}
                      label={mode === "FIXED" ? `Price in ${currency}` : `Minimum in ${currency}`}
                      inputMode="decimal"
                      placeholder="9.00"
                      defaultValue={existing ? toDecimalString({ amount: existing.amount, currency }) : ""}
                      errors={[...(row?.amount.errors ?? []), ...(row?.currency.errors ?? [])]}
                    />
                    {mode === "PAY_WHAT_YOU_WANT" && (
                      <Field
                        id={`${formId}-${currency}-suggested`}
                        name={`${name}.suggested`}
                        label={`Suggested in ${currency}`}
                        inputMode="decimal"
                        defaultValue={
                          existing?.suggestedAmount
                            ? toDecimalString({ amount: existing.suggestedAmount, currency })
                            : ""
                        }
                        errors={row?.suggested.errors}
                      />
                    )}
                  </div>
                );
              })}
            </div>
            {fields.prices.errors && (
              <p id={fields.prices.errorId} className="text-sm text-red-700">
                {fields.prices.errors.join(" ")}
              </p>
            )}
          </fieldset>
        )}
        <Button disabled={navigation.state === "submitting"}>{tier ? "Save tier" : "Add tier"}</Button>
      </Form>
      {tier && (
        <Form method="post">
          <input type="hidden" name="intent" value="archive-tier" />
          <input type="hidden" name="tierId" value={tier.id} />
          {archiveResult && "error" in archiveResult && archiveResult.error?.[""] && (
            <Notice tone="error">{archiveResult.error[""].join(" ")}</Notice>
          )}
          <Button variant="secondary">Archive this tier</Button>
        </Form>
      )}
    </div>
  );
}
