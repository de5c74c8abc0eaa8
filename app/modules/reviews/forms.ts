import { z } from "zod";
import { recordId, text } from "~/utils/schemas.ts";

/** The review form: shared by the page (conform) and the action. */
export const REVIEW_BODY_MAX = 2000;
export const REVIEW_PROOF_MAX = 4000;
export const REVIEW_REPLY_MAX = 2000;
export const REVIEW_REPORT_REASON_MAX = 500;
/** A reviewer's proof image: smaller than a seller's (10 MB), re-encoded to webp like theirs. */
export const REVIEW_PROOF_IMAGE_MAX_BYTES = 5_000_000;
export const REVIEW_PROOF_ALT_MAX = 300;

/** A file input left empty arrives as a nameless, empty file: that is "no image". */
const noEmptyFile = (value: unknown) =>
  typeof File !== "undefined" && value instanceof File && value.size === 0 && value.name === ""
    ? undefined
    : value;

export const ReviewSchema = z
  .object({
    rating: z.coerce
      .number({ error: "Choose from 1 to 5 stars" })
      .int("Choose from 1 to 5 stars")
      .min(1, "Choose from 1 to 5 stars")
      .max(5, "Choose from 1 to 5 stars"),
    body: text({ max: REVIEW_BODY_MAX, label: "Your review" })
      .trim()
      .min(10, "Your review needs at least 10 characters"),
    proofText: text({ max: REVIEW_PROOF_MAX, label: "The output" }).trim().optional(),
    /** An image made with the prompt (PNG, JPEG, WebP or GIF; the bytes decide), with its alt text. */
    proofImage: z.preprocess(
      noEmptyFile,
      z
        .instanceof(File, { message: "Choose an image file" })
        .refine((file) => file.size <= REVIEW_PROOF_IMAGE_MAX_BYTES, "The image can be at most 5 MB")
        .optional(),
    ),
    proofImageAlt: text({ max: REVIEW_PROOF_ALT_MAX, label: "The image description" }).trim().optional(),
    /** Ticked: the review's proof image is removed. */
    removeProofImage: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    if (value.proofImage && !value.proofImageAlt)
      context.addIssue({
        code: "custom",
        path: ["proofImageAlt"],
        message: "Describe the image in a few words (alt text), for people who cannot see it",
      });
  });
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const ReviewReplySchema = z.object({
  reviewId: recordId("review"),
  reply: text({ max: REVIEW_REPLY_MAX, label: "Your reply" }).trim().min(2, "Write a reply"),
});

export const ReviewReportSchema = z.object({
  reason: text({ max: REVIEW_REPORT_REASON_MAX, label: "The reason" })
    .trim()
    .min(5, "Say in a few words what is wrong with this review"),
});

export const ReviewModerationSchema = z.object({
  intent: z.enum(["hide", "unhide"], { error: "Choose hide or unhide" }),
  reviewId: recordId("review"),
});
