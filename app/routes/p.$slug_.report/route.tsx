import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import {
  ListingReportSchema,
  REPORT_DETAILS_MAX,
  type ReportKind,
  reportKindLabel,
} from "~/modules/reports/forms.ts";
import { findPublicListing, reportListing } from "~/modules/reports/listing-reports.server.ts";
import { clientIp } from "~/utils/client-ip.ts";
import { invalidSubmission, parseSubmission, refuseRateLimited } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { getSessionUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This listing does not exist or is no longer for sale.";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [
    { title: data ? t("report.metaTitle", { title: data.listing.title }) : t("report.metaTitleBare") },
    { name: "robots", content: "noindex" },
  ];
};

async function listingFor(slug: string | undefined) {
  invariantResponse(SLUG_PATTERN.test(slug ?? ""), NOT_FOUND, { status: 404 });
  const listing = await findPublicListing(slug ?? "");
  invariantResponse(listing, NOT_FOUND, { status: 404 });
  return listing;
}

/** "Report this listing": anyone, signed in or with an email address for questions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [listing, user] = await Promise.all([listingFor(params.slug), getSessionUser(request)]);
  return data({ listing, signedInAs: user?.email ?? null }, { headers: privateNoStore });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const [listing, user] = await Promise.all([listingFor(params.slug), getSessionUser(request)]);
  const submission = await parseSubmission(request, ListingReportSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  if (!user && !submission.value.email) {
    const message = "Enter an email address we can reach you at, or sign in";
    return data({ result: submission.reply({ fieldErrors: { email: [message] } }) }, { status: 400 });
  }
  // Counted per signed-in user, and per address for everyone: a new account does not reset it.
  for (const key of [user ? `user:${user.id}` : null, `ip:${clientIp(context)}`]) {
    if (!key) continue;
    const limit = await consumeRateLimit("listing-report", key);
    if (!limit.ok) return refuseRateLimited(submission, "reports", limit.retryAfterSeconds);
  }
  await reportListing({
    listingId: listing.id,
    reporter: user,
    email: submission.value.email,
    kind: submission.value.kind,
    details: submission.value.details,
  });
  return data({ result: submission.reply({ resetForm: true }), done: true }, { headers: privateNoStore });
}

export const ErrorBoundary = GeneralErrorBoundary;

export default function ReportListing() {
  const { listing, signedInAs } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "report-listing",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ListingReportSchema }),
    shouldRevalidate: "onBlur",
  });
  const done = reply && "done" in reply && reply.done;
  const t = useT();
  const localize = useLocalize();
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <p className="text-sm">
        <Link to={`/p/${listing.slug}`} className="text-brand-700 underline">
          ← {listing.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("report.heading")}</h1>
      {done ? (
        <Notice tone="success">{t("report.done")}</Notice>
      ) : (
        <>
          <p className="text-sm text-gray-700">
            {t("report.intro", { title: listing.title, shop: listing.shop.name })}
          </p>
          <FormErrors errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <fieldset>
              <legend className="text-sm font-medium text-ink">{t("report.what")}</legend>
              <div className="mt-2 space-y-2">
                {(Object.keys(reportKindLabel) as ReportKind[]).map((kind) => (
                  <label key={kind} className="flex items-center gap-2 text-sm">
                    <input {...getInputProps(fields.kind, { type: "radio", value: kind })} key={kind} />
                    {t(`report.kind.${kind}`)}
                  </label>
                ))}
              </div>
              {fields.kind.errors?.length ? (
                <p id={fields.kind.errorId} className="mt-1 text-sm text-red-700">
                  {fields.kind.errors.map(localize).join(" ")}
                </p>
              ) : null}
            </fieldset>
            <TextAreaField
              field={fields.details}
              label={t("report.details")}
              hint={t("report.detailsHint")}
              rows={5}
              maxLength={REPORT_DETAILS_MAX}
              required
            />
            {signedInAs ? (
              <p className="text-sm text-gray-600">{t("report.replyTo", { email: signedInAs })}</p>
            ) : (
              <Field
                label={t("report.email")}
                meta={fields.email}
                type="email"
                autoComplete="email"
                inputMode="email"
                maxLength={254}
                required
              />
            )}
            <Button disabled={busy}>{t("report.send")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
