import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Stars } from "~/components/reviews-reports/review-list.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { REVIEW_REPORT_REASON_MAX, ReviewReportSchema } from "~/modules/reviews/forms.ts";
import { findReportableReview, reportReview } from "~/modules/reviews/moderation.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This review does not exist.";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("reviewReport.metaTitle") },
  { name: "robots", content: "noindex" },
];

async function reviewFor(reviewId: string | undefined) {
  invariantResponse(/^[a-z0-9]{20,32}$/.test(reviewId ?? ""), NOT_FOUND, { status: 404 });
  const review = await findReportableReview(reviewId ?? "");
  invariantResponse(review, NOT_FOUND, { status: 404 });
  return review;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const review = await reviewFor(params.reviewId);
  return data(
    {
      review: {
        id: review.id,
        rating: review.rating,
        body: review.body,
        author: review.user.deletedAt ? "Deleted user" : (review.user.name ?? "A buyer"),
        listing: review.listing,
      },
    },
    { headers: privateNoStore },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const review = await reviewFor(params.reviewId);
  const submission = await parseSubmission(request, ReviewReportSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const limit = await consumeRateLimit("review-report", user.id);
  if (!limit.ok) return refuseRateLimited(submission, "reports", limit.retryAfterSeconds);
  const reported = await reportReview(user.id, review.id, submission.value.reason);
  if (!reported.ok) return refuseSubmission(submission, reported.status, reported.message);
  return data({ result: submission.reply({ resetForm: true }), done: true }, { headers: privateNoStore });
}

export const ErrorBoundary = GeneralErrorBoundary;

export default function ReportReview() {
  const { review } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "report-review",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewReportSchema }),
    shouldRevalidate: "onBlur",
  });
  const done = reply && "done" in reply && reply.done;
  const t = useT();
  const localize = useLocalize();
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <p className="text-sm">
        <Link to={`/p/${review.listing.slug}#reviews`} className="text-brand-700 underline">
          ← {review.listing.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("reviewReport.heading")}</h1>
      <blockquote className="rounded-lg bg-white p-4 text-sm ring-1 ring-gray-200">
        <p className="font-semibold">
          <Stars rating={review.rating} /> {localize(review.author)}
        </p>
        <p className="mt-1 whitespace-pre-line text-gray-800">{review.body}</p>
      </blockquote>
      {done ? (
        <Notice tone="success">{t("reviewReport.done")}</Notice>
      ) : (
        <>
          <FormErrors errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <TextAreaField
              field={fields.reason}
              label={t("reviewReport.reason")}
              hint={t("reviewReport.reasonHint")}
              rows={4}
              maxLength={REVIEW_REPORT_REASON_MAX}
              required
            />
            <Button disabled={busy}>{t("reviewReport.send")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
