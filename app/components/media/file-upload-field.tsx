import { useId, useRef, useState } from "react";
import { buttonClass } from "~/components/ui/button.tsx";
import { ACCEPT_ATTRIBUTE, checkFileName, formatBytes, MAX_FILE_BYTES } from "~/modules/media/file-types.ts";
import { callApi, messagesOf, sendBytes } from "./upload-client.ts";

export type UploadedFile = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

type UploadView = { id: string; fileName: string; sizeBytes: number; receivedBytes: number; status: string };

type State =
  | { kind: "idle" }
  | { kind: "sending"; fileName: string; sent: number; total: number }
  | { kind: "interrupted"; fileName: string; received: number; total: number; message: string }
  | { kind: "completing"; fileName: string; total: number }
  | { kind: "done"; file: UploadedFile }
  | { kind: "failed"; messages: string[] };

/** Rounds without progress before a send gives up and offers Retry (a server that keeps nothing). */
const MAX_STALLED_ROUNDS = 3;

/**
 * Uploads one file to a listing of the seller's shop: the size and type are checked here first
 * (the server checks again), then the bytes go up with a progress bar. When the connection breaks
 * the server keeps what arrived: Retry asks it how much, and sends only the rest. A file picked
 * again after a reload (same name and size) continues its unfinished upload. At the end the file's
 * size and SHA-256 are shown. Failures are said in words.
 */
export function FileUploadField({
  listingId,
  label = "Add a file",
  onUploaded,
}: {
  listingId: string;
  label?: string;
  /** The file is now a ListingFile of the listing: the page may revalidate its list. */
  onUploaded?: (file: UploadedFile) => void;
}) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const current = useRef<{ file: File; fileName: string; uploadId: string; abort: AbortController } | null>(
    null,
  );

  async function start(file: File | undefined) {
    if (!file) return;
    const name = checkFileName(file.name);
    if (!name.ok) return setState({ kind: "failed", messages: [name.message] });
    if (file.size === 0) return setState({ kind: "failed", messages: [`${name.fileName} is empty.`] });
    if (file.size > MAX_FILE_BYTES) {
      return setState({
        kind: "failed",
        messages: [
          `${name.fileName} is ${formatBytes(file.size)}; files can be at most ${formatBytes(MAX_FILE_BYTES)}.`,
        ],
      });
    }
    setState({ kind: "sending", fileName: name.fileName, sent: 0, total: file.size });
    // The same file picked again (after a reload or a lost connection) continues where it stopped.
    const open = await callApi(`/dashboard/uploads?listingId=${encodeURIComponent(listingId)}`);
    const uploads = (open.body.uploads ?? []) as UploadView[];
    let upload = uploads.find(
      (candidate) =>
        candidate.status === "RECEIVING" &&
        candidate.fileName === name.fileName &&
        candidate.sizeBytes === file.size,
    );
    if (!upload) {
      const created = await callApi("/dashboard/uploads", {
        listingId,
        fileName: file.name,
        sizeBytes: String(file.size),
      });
      if (created.status !== 201) return setState({ kind: "failed", messages: messagesOf(created) });
      upload = created.body.upload as UploadView;
    }
    current.current = { file, fileName: name.fileName, uploadId: upload.id, abort: new AbortController() };
    await sendFrom(upload.receivedBytes);
  }

  async function sendFrom(offset: number) {
    const upload = current.current;
    if (!upload) return;
    const { file, uploadId, fileName } = upload;
    let position = offset;
    let stalled = 0;
    while (position < file.size) {
      setState({ kind: "sending", fileName, sent: position, total: file.size });
      const sent = await sendBytes(
        uploadId,
        position,
        file.slice(position),
        (sentOfWholeFile) => setState({ kind: "sending", fileName, sent: sentOfWholeFile, total: file.size }),
        upload.abort.signal,
      );
      if (sent.kind === "interrupted") {
        if (sent.aborted) return;
        const where = await callApi(`/dashboard/uploads/${encodeURIComponent(uploadId)}`);
        const received = (where.body.upload as UploadView | undefined)?.receivedBytes ?? position;
        return setState({
          kind: "interrupted",
          fileName,
          received,
          total: file.size,
          message: `The upload was interrupted after ${formatBytes(received)} of ${formatBytes(file.size)}. Those bytes are safe on the server: Retry sends only the rest.`,
        });
      }
      const { answer } = sent;
      const view = answer.body.upload as UploadView | undefined;
      // A 409 that names an upload still receiving is "continue from my offset" (another tab or an
      // earlier attempt got further): go on from there. Anything else is said to the seller.
      const canContinue = answer.status === 200 || (answer.status === 409 && view?.status === "RECEIVING");
      if (!canContinue || !view) return setState({ kind: "failed", messages: messagesOf(answer) });
      const received = view.receivedBytes;
      stalled = received > position ? 0 : stalled + 1;
      if (stalled >= MAX_STALLED_ROUNDS) {
        return setState({
          kind: "interrupted",
          fileName,
          received,
          total: file.size,
          message: "The server is not taking more of this file right now. Retry in a moment.",
        });
      }
      position = received;
    }
    setState({ kind: "completing", fileName, total: file.size });
    const completed = await callApi(`/dashboard/uploads/${encodeURIComponent(uploadId)}`, {
      intent: "complete",
    });
    if (completed.status !== 200) return setState({ kind: "failed", messages: messagesOf(completed) });
    const uploaded = completed.body.file as UploadedFile;
    current.current = null;
    setState({ kind: "done", file: uploaded });
    onUploaded?.(uploaded);
  }

  async function retry() {
    const upload = current.current;
    if (!upload) return;
    upload.abort = new AbortController();
    const where = await callApi(`/dashboard/uploads/${encodeURIComponent(upload.uploadId)}`);
    if (where.status !== 200) return setState({ kind: "failed", messages: messagesOf(where) });
    await sendFrom((where.body.upload as UploadView).receivedBytes);
  }

  async function cancel() {
    const upload = current.current;
    if (!upload) return;
    upload.abort.abort();
    current.current = null;
    await callApi(`/dashboard/uploads/${encodeURIComponent(upload.uploadId)}`, { intent: "cancel" });
    setState({ kind: "idle" });
  }

  const busy = state.kind === "sending" || state.kind === "completing";
  return (
    <div className="space-y-3 rounded-lg p-4 ring-1 ring-gray-200">
      <label htmlFor={`${id}-file`} className="block text-sm font-medium text-ink">
        {label} (up to {formatBytes(MAX_FILE_BYTES)}: ZIP, PDF, JSON, text, Markdown, CSV, Office, images,
        MP4, …)
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        disabled={busy}
        onChange={(event) => {
          void start(event.currentTarget.files?.[0]);
        }}
        className="block text-sm"
      />
      {(state.kind === "sending" || state.kind === "interrupted" || state.kind === "completing") && (
        <div className="space-y-1">
          <progress
            className="h-2 w-full"
            max={state.total}
            value={
              state.kind === "sending"
                ? state.sent
                : state.kind === "interrupted"
                  ? state.received
                  : state.total
            }
            aria-label={`Upload of ${state.fileName}`}
          />
          <p className="text-sm text-gray-700" aria-live="polite">
            {state.kind === "sending" &&
              `${state.fileName}: ${formatBytes(state.sent)} of ${formatBytes(state.total)} (${Math.floor((state.sent / state.total) * 100)}%)`}
            {state.kind === "completing" && `${state.fileName}: checking the file (computing its SHA-256)…`}
          </p>
        </div>
      )}
      {state.kind === "interrupted" && (
        <div role="alert" className="space-y-2 text-sm text-red-800">
          <p>{state.message}</p>
          <div className="flex gap-2">
            <button type="button" className={buttonClass("primary")} onClick={() => void retry()}>
              Retry
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => void cancel()}>
              Cancel upload
            </button>
          </div>
        </div>
      )}
      {state.kind === "sending" && (
        <button type="button" className={buttonClass("secondary")} onClick={() => void cancel()}>
          Cancel upload
        </button>
      )}
      {state.kind === "failed" && (
        <div role="alert" className="text-sm text-red-800">
          {state.messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {state.kind === "done" && (
        <div role="status" className="space-y-1 text-sm text-emerald-800">
          <p>
            Uploaded {state.file.fileName} ({formatBytes(state.file.sizeBytes)},{" "}
            {state.file.sizeBytes.toLocaleString("en")} bytes).
          </p>
          <p className="break-all">
            SHA-256: <code>{state.file.sha256}</code>
          </p>
        </div>
      )}
    </div>
  );
}
