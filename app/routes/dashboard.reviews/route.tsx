import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Stars } from "~/components/reviews-reports/review-list.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { REVIEW_REPLY_MAX, ReviewReplySchema } from "~/modules/reviews/forms.ts";
import { listShopReviews, replyToReview } from "~/modules/reviews/moderation.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Reviews · Dashboard · Stapel" }];

/** The shop's reviews, newest first, each with the seller's one reply or the form to write it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const reviews = await listShopReviews(seller.shop.id);
  return data(
    {
      reviews: reviews.map(({ user, ...review }) => ({
        ...review,
        author: user.deletedAt ? "Deleted user" : (user.name ?? "A buyer"),
      })),
    },
    { headers: privateNoStore },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, ReviewReplySchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const replied = await replyToReview(seller.shop.id, submission.value.reviewId, submission.value.reply);
  if (!replied.ok) return refuseSubmission(submission, replied.status, replied.message);
  return data(
    { result: submission.reply({ resetForm: true }), repliedTo: submission.value.reviewId },
    { headers: privateNoStore },
  );
}

type Review = ReturnType<typeof useLoaderData<typeof loader>>["reviews"][number];

export default function DashboardReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="reviews-heading" className="space-y-4">
      <div>
        <h2 id="reviews-heading" className="text-xl font-bold">
          Reviews
        </h2>
        <p className="text-sm text-gray-700">
          Reviews of your listings by verified buyers. You can reply once to each; the buyer is emailed your
          reply and it is shown under their review. Replies cannot be edited, so read yours twice.
        </p>
      </div>
      {reviews.length === 0 ? (
        <p className="text-gray-600">No reviews yet.</p>
      ) : (
        <ul className="space-y-3">
          {reviews.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ review }: { review: Review }) {
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const own = navigation.formData?.get("reviewId") === review.id;
  const mine =
    reply &&
    (("repliedTo" in reply && reply.repliedTo === review.id) ||
      reply.result.initialValue?.reviewId === review.id);
  const [form, fields] = useForm({
    id: `reply-${review.id}`,
    lastResult: mine ? reply.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewReplySchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <li className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200" data-testid="shop-review">
      <p className="flex flex-wrap items-center gap-x-2 text-sm">
        <Stars rating={review.rating} />
        <span className="font-semibold">{review.author}</span>
        <span className="text-gray-600">
          on{" "}
          <Link to={`/p/${review.listing.slug}#reviews`} className="text-brand-700 underline">
            {review.listing.title}
          </Link>{" "}
          · {formatDay(review.createdAt)}
        </span>
        {review.hiddenAt && (
          <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-700">
            Hidden by an admin
          </span>
        )}
      </p>
      <p className="whitespace-pre-line text-sm text-gray-800">{review.body}</p>
      {review.proofText && (
        <p className="whitespace-pre-line rounded bg-gray-50 p-2 font-mono text-xs text-gray-800">
          {review.proofText}
        </p>
      )}
      {review.sellerReply ? (
        <div className="border-l-4 border-brand-100 pl-3 text-sm">
          <p className="font-semibold">
            Your reply{review.sellerRepliedAt && `, ${formatDay(review.sellerRepliedAt)}`}
          </p>
          <p className="whitespace-pre-line text-gray-700">{review.sellerReply}</p>
        </div>
      ) : (
        <>
          <FormErrors errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="space-y-2">
            <input type="hidden" name="reviewId" value={review.id} />
            <TextAreaField
              field={fields.reply}
              label="Your reply"
              rows={3}
              maxLength={REVIEW_REPLY_MAX}
              required
            />
            <Button variant="secondary" disabled={own && navigation.state !== "idle"}>
              Reply once
            </Button>
          </Form>
        </>
      )}
      {mine && "repliedTo" in reply && <Notice tone="success">Replied. The buyer has been emailed.</Notice>}
    </li>
  );
}
