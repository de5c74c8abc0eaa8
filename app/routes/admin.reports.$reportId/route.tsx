import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { RESOLUTION_NOTE_MAX, ReportDecisionSchema, reportKindLabel } from "~/modules/reports/forms.ts";
import {
  dismissReport,
  getReportForAdmin,
  restoreListing,
  takeDownListing,
} from "~/modules/reports/listing-reports.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireAdmin } from "~/utils/session.server.ts";

const NOT_FOUND = "This report does not exist.";

export const meta: MetaFunction = () => [
  { title: "Report · Admin · Stapel" },
  { name: "robots", content: "noindex" },
];

function reportIdOf(params: { reportId?: string }) {
  const parsed = recordId("report").safeParse(params.reportId);
  invariantResponse(parsed.success, NOT_FOUND, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const report = await getReportForAdmin(reportIdOf(params));
  invariantResponse(report, NOT_FOUND, { status: 404 });
  return data({ report }, { headers: privateNoStore });
}

/** Dismiss (with a note), take the listing down (with the reason the seller is told), or restore it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const reportId = reportIdOf(params);
  const submission = await parseSubmission(request, ReportDecisionSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const decision = submission.value;
  const outcome =
    decision.intent === "dismiss"
      ? await dismissReport(admin.id, reportId, decision.note)
      : decision.intent === "take-down"
        ? await takeDownListing(admin.id, reportId, decision.note)
        : await restoreListing(reportId);
  if (!outcome.ok) return refuseSubmission(submission, outcome.status, outcome.message);
  const done = {
    dismiss: "Report dismissed.",
    "take-down": "The listing is taken down and the seller has been emailed the reason.",
    restore: "The listing is back on the storefront and the seller has been told.",
  }[decision.intent];
  return data({ result: submission.reply({ resetForm: true }), done }, { headers: privateNoStore });
}

export const ErrorBoundary = GeneralErrorBoundary;

export default function AdminReport() {
  const { report } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "decision",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportDecisionSchema }),
  });
  const { listing } = report;
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/admin/reports" className="text-brand-700 underline">
          ← Open reports
        </Link>
      </p>
      {reply && "done" in reply && <Notice tone="success">{String(reply.done)}</Notice>}
      <FormErrors errors={form.errors} />
      <section
        aria-labelledby="report-heading"
        className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-gray-200"
      >
        <h2 id="report-heading" className="text-xl font-bold">
          {reportKindLabel[report.kind]}
        </h2>
        <p className="text-sm text-gray-600">
          Reported {formatDay(report.createdAt)} by {report.reporterEmail ?? "someone without an email"} ·
          status <strong>{report.status.replace("_", " ").toLowerCase()}</strong>
          {report.resolvedAt && ` on ${formatDay(report.resolvedAt)}`}
          {report.resolvedBy && ` by ${report.resolvedBy.email}`}
        </p>
        <p className="whitespace-pre-line text-gray-800">{report.details}</p>
        {report.resolutionNote && (
          <p className="text-sm">
            <span className="font-semibold">Note:</span> {report.resolutionNote}
          </p>
        )}
      </section>
      <section
        aria-labelledby="listing-heading"
        className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-gray-200"
      >
        <h2 id="listing-heading" className="text-lg font-bold">
          {listing.title}
        </h2>
        <p className="text-sm text-gray-700">
          {listing.tagline} · by {listing.shop.name} ·{" "}
          {listing.takenDownAt ? (
            <strong className="text-red-700">taken down {formatDay(listing.takenDownAt)}</strong>
          ) : (
            <Link to={`/p/${listing.slug}`} className="text-brand-700 underline">
              open the listing
            </Link>
          )}
        </p>
        {listing.takedownReason && (
          <p className="text-sm">
            <span className="font-semibold">Takedown reason:</span> {listing.takedownReason}
          </p>
        )}
        {report.sellerResponse && (
          <div className="border-l-4 border-brand-100 pl-3 text-sm" data-testid="seller-response">
            <p className="font-semibold">
              The seller's response{report.sellerRespondedAt && `, ${formatDay(report.sellerRespondedAt)}`}
            </p>
            <p className="whitespace-pre-line text-gray-800">{report.sellerResponse}</p>
          </div>
        )}
        {report.others.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">
              {report.others.length} other report{report.others.length > 1 ? "s" : ""} of this listing
            </summary>
            <ul className="mt-2 space-y-2">
              {report.others.map((other) => (
                <li key={other.id}>
                  <Link to={`/admin/reports/${other.id}`} className="text-brand-700 underline">
                    {reportKindLabel[other.kind]}
                  </Link>{" "}
                  · {formatDay(other.createdAt)} · {other.status.replace("_", " ").toLowerCase()}
                  <p className="line-clamp-2 text-gray-700">{other.details}</p>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {report.status === "OPEN" && !listing.takenDownAt && (
        <Form
          method="post"
          {...getFormProps(form)}
          className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
        >
          <h2 className="text-lg font-bold">Decide</h2>
          <TextAreaField
            field={fields.note}
            label="Reason or note"
            hint="Taking down: the seller is emailed this reason (required). Dismissing: a note for the record (optional)."
            rows={4}
            maxLength={RESOLUTION_NOTE_MAX}
          />
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="take-down" variant="danger" disabled={busy}>
              Take the listing down
            </Button>
            <Button name="intent" value="dismiss" variant="secondary" disabled={busy}>
              Dismiss the report
            </Button>
          </div>
        </Form>
      )}
      {listing.takenDownAt && (
        <Form method="post" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
          <p className="mb-3 text-sm text-gray-700">
            Restoring puts the listing back on the storefront (search, shop, its page) and emails the seller.
          </p>
          <Button name="intent" value="restore" variant="secondary" disabled={busy}>
            Restore the listing
          </Button>
        </Form>
      )}
    </div>
  );
}
