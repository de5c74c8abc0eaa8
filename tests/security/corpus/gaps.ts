// Review proof images (issue 9, gaps): the review form as multipart, the way the page sends it, with
// a hostile value in the image's alt text, in the image field as text (an id, a path: never a file),
// in the remove box, and as the image file's name. Buyer B is not a buyer of shop A's listing, so even
// a valid value writes nothing; a hostile value must be a clear 4xx, never a 500 or markup.
import { add } from "../support/corpus.ts";
import { type Payload, SAMPLE } from "../support/payloads.ts";

const BOUNDARY = "----gapscorpusboundary";
const REVIEW: [string, string][] = [
  ["rating", "5"],
  ["body", "Worked on the first try for me."],
];
/** A tiny valid PNG (1×1), so the image part is a real image and only the hostile part differs. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==",
  "base64",
);

type Part = { name: string; value: string | Buffer; fileName?: string };

const multipartBody = (parts: Part[]) =>
  Buffer.concat([
    ...parts.map((part) =>
      Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${
            part.fileName === undefined ? "" : `; filename="${part.fileName}"\r\nContent-Type: image/png`
          }\r\n\r\n`,
        ),
        Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value),
        Buffer.from("\r\n"),
      ]),
    ),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);

const reviewPost = (slug: string, parts: Part[]) => {
  const body = multipartBody([...REVIEW.map(([name, value]) => ({ name, value })), ...parts]);
  return {
    method: "POST" as const,
    path: `/p/${slug}/review`,
    body,
    headers: {
      "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
      "Content-Length": String(body.byteLength),
    },
  };
};

/** Quotes and line breaks would end the part header: the file name carries what a header can hold. */
const asFileName = (payload: Payload) => payload.value.replace(/["\r\n]/g, "_");

const surfaces: [string, (payload: Payload) => Part[]][] = [
  [
    "proofImageAlt",
    (payload) => [
      { name: "proofImage", value: PNG, fileName: "proof.png" },
      { name: "proofImageAlt", value: payload.value },
    ],
  ],
  ["proofImage (text, not a file)", (payload) => [{ name: "proofImage", value: payload.value }]],
  ["removeProofImage", (payload) => [{ name: "removeProofImage", value: payload.value }]],
  [
    "proofImage (file name)",
    (payload) => [
      { name: "proofImage", value: PNG, fileName: asFileName(payload) },
      { name: "proofImageAlt", value: "A proof" },
    ],
  ],
];

for (const [field, parts] of surfaces) {
  add(
    `POST /p/:slug/review (multipart): ${field} (buyer B, not a buyer of shop A's listing)`,
    SAMPLE.filter((payload) => payload.encoded === undefined).map((payload) => ({
      name: payload.name,
      principal: "buyerB",
      payload,
      request: (world) => reviewPost(world.shopA.listing.slug, parts(payload)),
    })),
  );
}
