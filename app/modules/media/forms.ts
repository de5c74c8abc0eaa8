import { z } from "zod";
import { recordId, text } from "~/utils/schemas.ts";
import { checkFileName, formatBytes, MAX_FILE_BYTES, MAX_IMAGE_BYTES } from "./file-types.ts";

/** Starting a file upload: which listing, the file's name and its size, declared before any byte. */
export const CreateUploadSchema = z.object({
  listingId: recordId("listing"),
  fileName: text({ max: 1000, label: "The file name" }).superRefine((value, context) => {
    const checked = checkFileName(value);
    if (!checked.ok) context.addIssue({ code: "custom", message: checked.message });
  }),
  sizeBytes: z
    .number({ error: "The file's size must be a whole number of bytes" })
    .int("The file's size must be a whole number of bytes")
    .min(1, "The file is empty")
    .max(
      MAX_FILE_BYTES,
      `Files can be at most ${formatBytes(MAX_FILE_BYTES)} (${MAX_FILE_BYTES.toLocaleString("en")} bytes)`,
    ),
});

/** What to do with an upload once its bytes are there (or not wanted any more). */
export const UploadIntentSchema = z.object({ intent: z.enum(["complete", "cancel"]) });

/** Listing the shop's unfinished uploads of a listing, so a client can resume one after a reload. */
export const UploadListQuery = z.object({ listingId: recordId("listing").optional().catch(undefined) });

/** Where the bytes of this request start (`?offset=`): must equal what the server has. */
export const OffsetQuery = z.object({
  offset: z.coerce
    .number({ error: "offset must be a number of bytes" })
    .int("offset must be a whole number of bytes")
    .min(0, "offset cannot be negative")
    .max(MAX_FILE_BYTES, "offset is beyond the largest file"),
});

/** An image with its alt text (multipart/form-data). The bytes decide whether it is an image. */
export const ImageUploadSchema = z.object({
  alt: text({ max: 300, label: "The alt text" })
    .trim()
    .min(1, "Describe the image in a few words (alt text), for people who cannot see it"),
  image: z
    .instanceof(File, { message: "Choose an image file" })
    .refine((file) => file.size > 0, "The image file is empty")
    .refine((file) => file.size <= MAX_IMAGE_BYTES, `Images can be at most ${formatBytes(MAX_IMAGE_BYTES)}`),
});
