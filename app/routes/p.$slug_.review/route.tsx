import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { findPublicListing } from "~/modules/reports/listing-reports.server.ts";
import { REVIEW_BODY_MAX, REVIEW_PROOF_MAX, ReviewSchema } from "~/modules/reviews/forms.ts";
import { findOwnReview, reviewEligibility, saveReview } from "~/modules/reviews/reviews.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This listing does not exist or is no longer for sale.";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Review ${data.listing.title} · Stapel` : "Review · Stapel" },
  { name: "robots", content: "noindex" },
];

async function listingFor(slug: string | undefined) {
  invariantResponse(SLUG_PATTERN.test(slug ?? ""), NOT_FOUND, { status: 404 });
  const listing = await findPublicListing(slug ?? "");
  invariantResponse(listing, NOT_FOUND, { status: 404 });
  return listing;
}

/** The review form for a verified buyer; anyone else sees why they cannot review (403). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const listing = await listingFor(params.slug);
  const [eligibility, review] = await Promise.all([
    reviewEligibility(user.id, listing.id),
    findOwnReview(user.id, listing.id),
  ]);
  return data(
    {
      listing,
      refusal: eligibility.ok ? null : eligibility.message,
      review: review && {
        rating: review.rating,
        body: review.body,
        proofText: review.proofText,
        hidden: review.hiddenAt !== null,
      },
    },
    { status: eligibility.ok ? 200 : eligibility.status, headers: privateNoStore },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const listing = await listingFor(params.slug);
  const submission = await parseSubmission(request, ReviewSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const saved = await saveReview(user.id, listing.id, submission.value);
  if (!saved.ok) return refuseSubmission(submission, saved.status, saved.message);
  return redirect(`/p/${listing.slug}?review=${saved.created ? "posted" : "updated"}#reviews`);
}

export const ErrorBoundary = GeneralErrorBoundary;

export default function ReviewPage() {
  const { listing, refusal, review } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "review",
    lastResult: reply?.result,
    defaultValue: review
      ? { rating: String(review.rating), body: review.body, proofText: review.proofText ?? "" }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <p className="text-sm">
          <Link to={`/p/${listing.slug}`} className="text-brand-700 underline">
            ← {listing.title}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{review ? "Edit your review" : "Write a review"}</h1>
        <p className="mt-1 text-sm text-gray-700">
          of {listing.title} by {listing.shop.name}. Your name and review are shown on the listing page with a
          "Verified purchase" badge; the seller can reply once.
        </p>
      </div>
      {refusal ? (
        <Notice tone="error">{refusal}</Notice>
      ) : (
        <>
          {review?.hidden && (
            <Notice>
              An admin has hidden this review after reports: it is not shown and does not count.
            </Notice>
          )}
          <FormErrors errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <fieldset aria-describedby={fields.rating.errors?.length ? fields.rating.errorId : undefined}>
              <legend className="text-sm font-medium text-ink">Your rating</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {[5, 4, 3, 2, 1].map((stars) => (
                  <label
                    key={stars}
                    className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 ring-1 ring-gray-300 has-[:checked]:bg-amber-50 has-[:checked]:ring-amber-500"
                  >
                    <input
                      {...getInputProps(fields.rating, { type: "radio", value: String(stars) })}
                      key={`rating-${stars}`}
                    />
                    <span aria-hidden="true" className="text-amber-700">
                      {"★".repeat(stars)}
                    </span>
                    <span className="sr-only">{stars} out of 5 stars</span>
                  </label>
                ))}
              </div>
              {fields.rating.errors?.length ? (
                <p id={fields.rating.errorId} className="mt-1 text-sm text-red-700">
                  {fields.rating.errors.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <TextAreaField
              field={fields.body}
              label="Your review"
              hint={`What did it do for you? 10 to ${REVIEW_BODY_MAX} characters.`}
              rows={6}
              maxLength={REVIEW_BODY_MAX}
              required
            />
            <TextAreaField
              field={fields.proofText}
              label="An output you made with it (optional)"
              hint="Paste a result as proof for other buyers. Text only; leave out anything private."
              rows={5}
              maxLength={REVIEW_PROOF_MAX}
              mono
            />
            <Button disabled={busy}>{review ? "Save your review" : "Post your review"}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
