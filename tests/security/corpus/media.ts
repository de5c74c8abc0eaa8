// Sellers' uploads and images: the fields that start an upload, the upload's intent, the bytes
// endpoint's offset and body, the image upload's alt text, and the ids in every path.
import { add, contentTypeEndpoints, formField, get, post, segment } from "../support/corpus.ts";
import { ALL, percentEncode, SAMPLE } from "../support/payloads.ts";

const valid = (listingId: string): [string, string][] => [
  ["listingId", listingId],
  ["fileName", "pack.zip"],
  ["sizeBytes", "1000"],
];

for (const field of ["listingId", "fileName", "sizeBytes"] as const) {
  add(
    `POST /dashboard/uploads: ${field} (seller A)`,
    ALL.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: (world) =>
        post(
          "/dashboard/uploads",
          formField(
            valid(world.shopA.listing.id).filter(([name]) => name !== field),
            payload,
            field,
          ),
        ),
      // A hostile name that cleans up to an allowed one (a traversal ending in .zip) starts an upload.
      mayAdd: field === "fileName" ? { Upload: 1 } : undefined,
    })),
  );
}
add(
  "POST /dashboard/uploads/:uploadId: intent (seller A's upload)",
  ALL.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) => post(`/dashboard/uploads/${world.mediaA.uploadId}`, formField([], payload, "intent")),
  })),
);
add(
  "POST /dashboard/uploads/:uploadId/bytes?offset= (seller A's upload)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        `/dashboard/uploads/${world.mediaA.uploadId}/bytes?offset=${percentEncode(payload)}`,
        // More than the 1,000 bytes declared: an offset that reads as 0 ("", spaces) is refused
        // by its Content-Length (413) before anything is stored.
        `%PDF-1.7\n${"x".repeat(1200)}`,
        "application/octet-stream",
      ),
  })),
);
add(
  "POST /dashboard/uploads/:uploadId/bytes: body (seller A's upload, a bad start)",
  ALL.filter((payload) => payload.value.length < 100_000).map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: (world) =>
      post(
        `/dashboard/uploads/${world.mediaA.uploadId}/bytes?offset=999`,
        payload.value,
        "application/octet-stream",
      ),
  })),
);
add(
  "GET /dashboard/uploads?listingId= (seller A)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "sellerA",
    payload,
    request: () => get(`/dashboard/uploads?listingId=${percentEncode(payload)}`),
  })),
);
for (const [path, label] of [
  ["/dashboard/uploads", "uploadId"],
  ["/dashboard/files", "fileId"],
] as const) {
  add(
    `GET ${path}/:${label} (seller A)`,
    SAMPLE.map((payload) => ({
      name: payload.name,
      principal: "sellerA",
      payload,
      request: () => get(`${path}/${segment(payload)}`),
    })),
  );
}
add(
  "GET /images/:imageId/:variant",
  SAMPLE.flatMap((payload) => [
    {
      name: `${payload.name} (id)`,
      principal: "anonymous" as const,
      payload,
      request: () => get(`/images/${segment(payload)}/320.webp`),
    },
    {
      name: `${payload.name} (variant)`,
      principal: "anonymous" as const,
      payload,
      request: (world: { mediaA: { imageId: string } }) =>
        get(`/images/${world.mediaA.imageId}/${segment(payload)}`),
    },
  ]),
);
contentTypeEndpoints.push({
  path: "/dashboard/uploads",
  principal: "sellerA",
  // Valid: a lenient parser would start an upload.
  fields: (world) => Object.fromEntries(valid(world.shopA.listing.id)),
});
contentTypeEndpoints.push({
  path: "/dashboard/uploads/:uploadId",
  at: (world) => `/dashboard/uploads/${world.mediaA.uploadId}`,
  principal: "sellerA",
  // Valid: a lenient parser would cancel seller A's upload.
  fields: () => ({ intent: "cancel" }),
});
