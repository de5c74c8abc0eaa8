import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Stars } from "~/components/reviews-reports/review-list.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { ReviewModerationSchema } from "~/modules/reviews/forms.ts";
import { listReportedReviews, setReviewHidden } from "~/modules/reviews/moderation.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireAdmin } from "~/utils/session.server.ts";

/** Reviews people reported, the latest report first, with hide and unhide. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return data({ reviews: await listReportedReviews() }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const submission = await parseSubmission(request, ReviewModerationSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { intent, reviewId } = submission.value;
  const outcome = await setReviewHidden(reviewId, intent === "hide");
  if (!outcome.ok) return refuseSubmission(submission, outcome.status, outcome.message);
  return data(
    { result: submission.reply(), done: intent === "hide" ? "Review hidden." : "Review shown again." },
    { headers: privateNoStore },
  );
}

export default function AdminReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section aria-labelledby="reported-heading" className="space-y-3">
      <h2 id="reported-heading" className="text-xl font-bold">
        Reported reviews
      </h2>
      <p className="text-sm text-gray-700">
        Hidden reviews disappear from the listing page and stop counting in its rating; showing one again
        counts it again.
      </p>
      {reply && "done" in reply && <Notice tone="success">{String(reply.done)}</Notice>}
      {reply && !("done" in reply) && reply.result.error?.[""] && (
        <Notice tone="error">{reply.result.error[""].join(" ")}</Notice>
      )}
      {reviews.length === 0 ? (
        <p className="text-gray-600">No reported reviews.</p>
      ) : (
        <ul className="space-y-3">
          {reviews.map((review) => (
            <li
              key={review.id}
              className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200"
              data-testid="reported-review"
            >
              <p className="flex flex-wrap items-center gap-x-2 text-sm">
                <Stars rating={review.rating} />
                <span>{review.user.email}</span>
                <span className="text-gray-600">
                  on{" "}
                  <Link to={`/p/${review.listing.slug}#reviews`} className="text-brand-700 underline">
                    {review.listing.title}
                  </Link>{" "}
                  · {formatDay(review.createdAt)}
                </span>
                {review.hiddenAt && (
                  <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold">Hidden</span>
                )}
              </p>
              <p className="whitespace-pre-line text-sm text-gray-800">{review.body}</p>
              <ul className="space-y-1 text-sm text-gray-700">
                {review.reports.map((report) => (
                  <li key={report.id}>
                    <span className="font-medium">{report.reporter.email}:</span> {report.reason}
                  </li>
                ))}
              </ul>
              <Form method="post">
                <input type="hidden" name="reviewId" value={review.id} />
                <Button name="intent" value={review.hiddenAt ? "unhide" : "hide"} variant="secondary">
                  {review.hiddenAt ? "Show again" : "Hide this review"}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
