import { type FieldMetadata, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { findPublicListing } from "~/modules/reports/listing-reports.server.ts";
import {
  REVIEW_BODY_MAX,
  REVIEW_PROOF_ALT_MAX,
  REVIEW_PROOF_IMAGE_MAX_BYTES,
  REVIEW_PROOF_MAX,
  ReviewSchema,
} from "~/modules/reviews/forms.ts";
import { findOwnReview, reviewEligibility, saveReview } from "~/modules/reviews/reviews.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { SLUG_PATTERN } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

const NOT_FOUND = "This listing does not exist or is no longer for sale.";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [
    {
      title: data ? t("reviewForm.metaTitle", { title: data.listing.title }) : t("reviewForm.metaTitleBare"),
    },
    { name: "robots", content: "noindex" },
  ];
};

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
        proofImage: review.proofImage,
        hidden: review.hiddenAt !== null,
      },
    },
    { status: eligibility.ok ? 200 : eligibility.status, headers: privateNoStore },
  );
}

/** Room for the texts and the multipart framing around a proof image. */
const MAX_MULTIPART_BYTES = REVIEW_PROOF_IMAGE_MAX_BYTES + 64 * 1024;
const IMAGE_TOO_LARGE = "The image can be at most 5 MB";

/**
 * The form, as multipart (with a proof image: its size is checked before a byte is read, and the
 * image is held in memory, at most 5 MB) or as a plain form (the contract's own reader).
 */
async function parseReviewForm(request: Request) {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("Content-Type") ?? ""))
    return parseSubmission(request, ReviewSchema);
  const tooLarge = (fieldErrors: Record<string, string[]>) =>
    data(
      { result: parseWithZod(new FormData(), { schema: ReviewSchema }).reply({ fieldErrors }) },
      { status: 413 },
    );
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_MULTIPART_BYTES)
    return tooLarge({ proofImage: [IMAGE_TOO_LARGE] });
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: REVIEW_PROOF_IMAGE_MAX_BYTES }),
    );
    return parseWithZod(formData, { schema: ReviewSchema });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge({ proofImage: [IMAGE_TOO_LARGE] });
    return data(
      {
        result: parseWithZod(new FormData(), { schema: ReviewSchema }).reply({
          formErrors: ["This form could not be read: its body is malformed."],
        }),
      },
      { status: 400 },
    );
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const listing = await listingFor(params.slug);
  const submission = await parseReviewForm(request);
  if (!("status" in submission)) return submission;
  if (submission.status !== "success") return invalidSubmission(submission);
  const saved = await saveReview(user.id, listing.id, submission.value);
  if (!saved.ok && saved.status === 400)
    return data(
      { result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) },
      { status: 400 },
    );
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
  const t = useT();
  const localize = useLocalize();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <p className="text-sm">
          <Link to={`/p/${listing.slug}`} className="text-brand-700 underline">
            ← {listing.title}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{t(review ? "reviews.edit" : "reviews.write")}</h1>
        <p className="mt-1 text-sm text-gray-700">
          {t("reviewForm.intro", { title: listing.title, shop: listing.shop.name })}
        </p>
      </div>
      {refusal ? (
        <Notice tone="error">{localize(refusal)}</Notice>
      ) : (
        <>
          {review?.hidden && <Notice>{t("reviewForm.hidden")}</Notice>}
          <FormErrors errors={form.errors} />
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-5">
            <fieldset aria-describedby={fields.rating.errors?.length ? fields.rating.errorId : undefined}>
              <legend className="text-sm font-medium text-ink">{t("reviewForm.rating")}</legend>
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
                    <span className="sr-only">{t("reviews.stars", { rating: stars })}</span>
                  </label>
                ))}
              </div>
              {fields.rating.errors?.length ? (
                <p id={fields.rating.errorId} className="mt-1 text-sm text-red-700">
                  {fields.rating.errors.map(localize).join(" ")}
                </p>
              ) : null}
            </fieldset>
            <TextAreaField
              field={fields.body}
              label={t("reviewForm.body")}
              hint={t("reviewForm.bodyHint", { max: REVIEW_BODY_MAX })}
              rows={6}
              maxLength={REVIEW_BODY_MAX}
              required
            />
            <TextAreaField
              field={fields.proofText}
              label={t("reviewForm.proof")}
              hint={t("reviewForm.proofHint")}
              rows={5}
              maxLength={REVIEW_PROOF_MAX}
              mono
            />
            <ProofImageFields fields={fields} current={review?.proofImage ?? null} />
            <Button disabled={busy}>{t(review ? "reviewForm.save" : "reviewForm.post")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}

/** The optional proof image: a file, its alt text, and (when there is one) a box to remove it. */
function ProofImageFields({
  fields,
  current,
}: {
  fields: {
    proofImage: FieldMetadata<unknown>;
    proofImageAlt: FieldMetadata<string | undefined>;
    removeProofImage: FieldMetadata<boolean | undefined>;
  };
  current: { id: string; alt: string; width: number; height: number; widths: number[] } | null;
}) {
  const hintId = `${fields.proofImage.id}-hint`;
  const t = useT();
  const localize = useLocalize();
  return (
    <fieldset className="space-y-3 rounded-lg p-3 ring-1 ring-gray-200">
      <legend className="px-1 text-sm font-medium text-ink">{t("reviewForm.image")}</legend>
      {current && (
        <figure className="space-y-1">
          <ResponsiveImage
            image={current}
            sizes="200px"
            loading="eager"
            className="max-h-40 w-auto rounded ring-1 ring-gray-200"
          />
          <figcaption className="text-xs text-gray-600">{t("reviewForm.imageNow")}</figcaption>
        </figure>
      )}
      <div className="space-y-1">
        <label htmlFor={fields.proofImage.id} className="block text-sm font-medium text-ink">
          {t("reviewForm.imageFile")}
        </label>
        <p id={hintId} className="text-xs text-gray-600">
          {t("reviewForm.imageHint")}
        </p>
        <input
          {...getInputProps(fields.proofImage, { type: "file" })}
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={[hintId, fields.proofImage.errors?.length ? fields.proofImage.errorId : null]
            .filter(Boolean)
            .join(" ")}
          className="block w-full text-sm"
        />
        {fields.proofImage.errors?.length ? (
          <p id={fields.proofImage.errorId} className="text-sm text-red-700">
            {fields.proofImage.errors.map(localize).join(" ")}
          </p>
        ) : null}
      </div>
      <Field
        meta={fields.proofImageAlt}
        label={t("reviewForm.imageAlt")}
        maxLength={REVIEW_PROOF_ALT_MAX}
        defaultValue={current?.alt}
      />
      {current && (
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.removeProofImage, { type: "checkbox" })} />
          {t("reviewForm.imageRemove")}
        </label>
      )}
    </fieldset>
  );
}
