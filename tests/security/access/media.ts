// Sellers' uploads and images: the upload API (JSON), the raw-bytes endpoint, image uploads, the
// seller's own file downloads, and the public image variants.
import {
  badRequest,
  clientError,
  everyone,
  MISSING_ID,
  notFound,
  ok,
  type Row,
  sellers,
} from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/dashboard.uploads": {
    private: true,
    probes: [
      {
        label: "the shop's unfinished uploads",
        method: "GET",
        path: () => "/dashboard/uploads",
        expect: sellers(ok),
      },
      {
        label: "starting an upload for shop A's listing",
        method: "POST",
        path: () => "/dashboard/uploads",
        body: (w) => ({ form: { listingId: w.shopA.listing.id, fileName: "pack.zip", sizeBytes: "1000" } }),
        expect: sellers(notFound, { sellerA: { status: 201 } }),
      },
      {
        label: "starting an upload for a listing that does not exist",
        method: "POST",
        path: () => "/dashboard/uploads",
        body: () => ({ form: { listingId: MISSING_ID, fileName: "pack.zip", sizeBytes: "1000" } }),
        expect: sellers(notFound),
      },
      {
        label: "starting an upload of a type that is not allowed",
        method: "POST",
        path: () => "/dashboard/uploads",
        body: (w) => ({ form: { listingId: w.shopA.listing.id, fileName: "setup.exe", sizeBytes: "1000" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.uploads.$uploadId": {
    private: true,
    probes: [
      {
        label: "where shop A's upload stands",
        method: "GET",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "an upload that does not exist",
        method: "GET",
        path: () => `/dashboard/uploads/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        label: "completing shop A's upload before its bytes arrived",
        method: "POST",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}`,
        body: () => ({ form: { intent: "complete" } }),
        expect: sellers(notFound, { sellerA: { status: 409 } }),
      },
      {
        label: "an unknown intent on shop A's upload",
        method: "POST",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}`,
        body: () => ({ form: { intent: "delete" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.uploads.$uploadId.bytes": {
    private: true,
    probes: [
      {
        label: "bytes for shop A's upload from the wrong offset",
        method: "POST",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}/bytes?offset=500`,
        body: () => ({ raw: "%PDF-1.7", contentType: "application/octet-stream" }),
        expect: sellers(notFound, { sellerA: { status: 409 } }),
      },
      {
        label: "bytes for an upload that does not exist",
        method: "POST",
        path: () => `/dashboard/uploads/${MISSING_ID}/bytes?offset=0`,
        body: () => ({ raw: "%PDF-1.7", contentType: "application/octet-stream" }),
        expect: sellers(notFound),
      },
      {
        label: "bytes sent as a form",
        method: "POST",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}/bytes?offset=0`,
        body: () => ({ form: { bytes: "%PDF-1.7" } }),
        expect: sellers({ status: 415 }),
      },
      {
        label: "the bytes endpoint read with GET",
        method: "GET",
        path: (w) => `/dashboard/uploads/${w.mediaA.uploadId}/bytes`,
        expect: everyone(clientError),
      },
    ],
  },
  "routes/dashboard.uploads.images": {
    private: true,
    probes: [
      {
        label: "an image upload that is not multipart",
        method: "POST",
        path: () => "/dashboard/uploads/images",
        body: () => ({ form: { alt: "A cover" } }),
        expect: sellers({ status: 415 }),
      },
      {
        label: "the image upload read with GET",
        method: "GET",
        path: () => "/dashboard/uploads/images",
        expect: everyone(clientError),
      },
    ],
  },
  "routes/dashboard.files.$fileId": {
    private: true,
    probes: [
      {
        label: "shop A's listing file, downloaded by its seller",
        method: "GET",
        path: (w) => `/dashboard/files/${w.shopA.file.id}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a file that does not exist",
        method: "GET",
        path: () => `/dashboard/files/${MISSING_ID}`,
        expect: sellers(notFound),
      },
    ],
  },
  "routes/images.$imageId.$variant": {
    shared: true,
    probes: [
      {
        label: "shop A's image at 320 px",
        method: "GET",
        path: (w) => `/images/${w.mediaA.imageId}/320.webp`,
        expect: everyone(ok),
      },
      {
        label: "a width that was not stored",
        method: "GET",
        path: (w) => `/images/${w.mediaA.imageId}/1280.webp`,
        expect: everyone(notFound),
      },
      {
        label: "an image that does not exist",
        method: "GET",
        path: () => `/images/${MISSING_ID}/320.webp`,
        expect: everyone(notFound),
      },
    ],
  },
};
