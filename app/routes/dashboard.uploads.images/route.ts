import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { formatBytes, MAX_IMAGE_BYTES } from "~/modules/media/file-types.ts";
import { ImageUploadSchema } from "~/modules/media/forms.ts";
import { uploadImage } from "~/modules/media/images.server.ts";
import { fieldRefusedJson, invalidJson, messageJson, noStore } from "~/modules/media/replies.server.ts";
import { requireSeller } from "~/utils/session.server.ts";

/** Room for the alt text and the multipart framing around the image. */
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

/**
 * An image upload (multipart/form-data: `image` and `alt`) for the seller's shop, answered with the
 * stored image (id, widths) for the ImageField component; attaching it (a cover, an avatar, an
 * example) is the page's own form, through setListingCover / setShopAvatar / setExampleImage.
 * Images are at most 10 MB and read into memory (sharp decodes them whole); the body's size is
 * checked before it is read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const tooLarge = `Images can be at most ${formatBytes(MAX_IMAGE_BYTES)}.`;
  if (!/^multipart\/form-data\b/i.test(request.headers.get("Content-Type") ?? "")) {
    return messageJson(415, "Send the image as multipart/form-data with the fields image and alt.");
  }
  const length = Number(request.headers.get("Content-Length") ?? Number.NaN);
  if (!Number.isFinite(length)) return messageJson(411, "Say how large the upload is (Content-Length).");
  if (length > MAX_BODY_BYTES) return messageJson(413, tooLarge);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return messageJson(413, tooLarge);
    return messageJson(400, "This form could not be read: its body is malformed.");
  }
  const submission = parseWithZod(formData, { schema: ImageUploadSchema });
  if (submission.status !== "success") return invalidJson(submission);
  const bytes = Buffer.from(await submission.value.image.arrayBuffer());
  const outcome = await uploadImage(seller.shop.id, { bytes, alt: submission.value.alt });
  if (!outcome.ok) return fieldRefusedJson(submission, "image", outcome.message);
  return Response.json(
    { result: submission.reply({ resetForm: true }), image: outcome.image },
    { status: 201, headers: noStore },
  );
}
