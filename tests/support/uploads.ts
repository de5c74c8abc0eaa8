// Sellers' uploads through the real routes: create, send bytes (resumable), ask the status, complete
// or cancel. Shared by the disk and S3 upload tests.
import * as uploadsRoute from "~/routes/dashboard.uploads/route.ts";
import * as uploadRoute from "~/routes/dashboard.uploads.$uploadId/route.ts";
import * as bytesRoute from "~/routes/dashboard.uploads.$uploadId.bytes/route.ts";
import { requestAs } from "./fixtures.ts";
import { callRoute, expectResponse } from "./routes.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read answers loosely
export type Json = Record<string, any>;

export async function answer(
  outcome: Awaited<ReturnType<typeof callRoute>>,
): Promise<{ status: number; body: Json }> {
  const response = expectResponse(outcome);
  return { status: response.status, body: (await response.json()) as Json };
}

/** A body that delivers `bytes` in chunks, then (if `breakAfter`) breaks off like a lost connection. */
export function bodyOf(
  bytes: Buffer,
  breakAfter?: number,
  chunkBytes = 64 * 1024,
): ReadableStream<Uint8Array> {
  let position = 0;
  const end = breakAfter ?? bytes.byteLength;
  return new ReadableStream({
    pull(controller) {
      if (position >= end) {
        if (breakAfter !== undefined) controller.error(new Error("aborted"));
        else controller.close();
        return;
      }
      const next = Math.min(end, position + chunkBytes);
      controller.enqueue(new Uint8Array(bytes.subarray(position, next)));
      position = next;
    },
  });
}

export const createUpload = async (cookie: string, fields: Record<string, string>) =>
  answer(
    await callRoute(
      uploadsRoute.action,
      requestAs(cookie, "/dashboard/uploads", { method: "POST", body: new URLSearchParams(fields) }),
    ),
  );

export const sendBytes = async (
  cookie: string,
  uploadId: string,
  offset: number,
  body: ReadableStream<Uint8Array> | Buffer,
  headers: Record<string, string> = {},
) =>
  answer(
    await callRoute(
      bytesRoute.action,
      requestAs(cookie, `/dashboard/uploads/${uploadId}/bytes?offset=${offset}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream", ...headers },
        body,
        duplex: "half",
      } as RequestInit),
      { uploadId },
    ),
  );

export const uploadStatus = async (cookie: string, uploadId: string) =>
  answer(
    await callRoute(uploadRoute.loader, requestAs(cookie, `/dashboard/uploads/${uploadId}`), { uploadId }),
  );

export const uploadIntent = async (cookie: string, uploadId: string, value: "complete" | "cancel") =>
  answer(
    await callRoute(
      uploadRoute.action,
      requestAs(cookie, `/dashboard/uploads/${uploadId}`, {
        method: "POST",
        body: new URLSearchParams({ intent: value }),
      }),
      { uploadId },
    ),
  );
