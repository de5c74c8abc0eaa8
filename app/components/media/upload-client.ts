/**
 * The browser's side of the upload API (README, "Images and files"): JSON answers in the form
 * contract's shape, and the raw-bytes request with XMLHttpRequest, the only browser API that reports
 * upload progress.
 */

export type ApiAnswer = { status: number; body: Record<string, unknown> };

/** A form POST (or GET) to the upload API, answered with JSON. Network failures become status 0. */
export async function callApi(url: string, fields?: Record<string, string>): Promise<ApiAnswer> {
  try {
    const response = await fetch(url, {
      method: fields ? "POST" : "GET",
      headers: { Accept: "application/json" },
      body: fields ? new URLSearchParams(fields) : undefined,
      credentials: "same-origin",
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, body };
  } catch {
    return {
      status: 0,
      body: { message: "The server could not be reached. Check your connection and try again." },
    };
  }
}

/** Every message an answer carries, field errors first, in words for the seller. */
export function messagesOf(answer: ApiAnswer): string[] {
  const body = answer.body as { message?: unknown; result?: { error?: Record<string, string[] | null> } };
  const messages: string[] = [];
  for (const [field, errors] of Object.entries(body.result?.error ?? {})) {
    if (field !== "") messages.push(...(errors ?? []));
  }
  messages.push(...(body.result?.error?.[""] ?? []));
  if (typeof body.message === "string") messages.push(body.message);
  if (messages.length === 0 && answer.status >= 400) {
    messages.push(
      answer.status === 403
        ? "Only the shop's seller can upload here. Are you still signed in?"
        : `The server refused this (HTTP ${answer.status}). Please try again.`,
    );
  }
  return messages;
}

export type SentBytes =
  | { kind: "answered"; answer: ApiAnswer }
  /** The connection broke or was aborted: the server kept what arrived; ask it where to continue. */
  | { kind: "interrupted"; aborted: boolean };

/**
 * Sends `blob` (the rest of a file, from `offset`) as the raw body, reporting progress as bytes of
 * the whole file. `Content-Type: application/octet-stream` is what the endpoint requires.
 */
export function sendBytes(
  uploadId: string,
  offset: number,
  blob: Blob,
  onProgress: (sentOfWholeFile: number) => void,
  signal: AbortSignal,
): Promise<SentBytes> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/dashboard/uploads/${encodeURIComponent(uploadId)}/bytes?offset=${offset}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => onProgress(offset + event.loaded);
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      resolve({ kind: "answered", answer: { status: xhr.status, body } });
    };
    xhr.onerror = () => resolve({ kind: "interrupted", aborted: false });
    xhr.ontimeout = () => resolve({ kind: "interrupted", aborted: false });
    xhr.onabort = () => resolve({ kind: "interrupted", aborted: true });
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(blob);
  });
}
