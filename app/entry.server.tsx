import { PassThrough } from "node:stream";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce.tsx";
import { viewerCookies } from "~/modules/i18n/viewer.server.ts";
import { logger } from "~/utils/logger.server.ts";

export const streamTimeout = 5_000;

/** Remix's Node entry: bots get the whole document at once, browsers get it streamed. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  for (const cookie of viewerCookies(request)) responseHeaders.append("Set-Cookie", cookie);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError: reject,
        onError(error) {
          responseStatusCode = 500;
          // Errors after the shell are reported by React; before it, onShellError rejects.
          if (shellRendered)
            logger().error({ requestId: loadContext.requestId, err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** A switcher's `?lang=` / `?currency=` reached by client navigation is remembered too. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  for (const cookie of viewerCookies(request)) response.headers.append("Set-Cookie", cookie);
  return response;
}

/**
 * Unexpected errors only, once each, with the request id the error page shows. A 404 or any other
 * Response a loader throws on purpose is an answer, not an error: the request log has its line.
 */
const LEGACY_DATA_WARNING = "Warning: Single fetch-enabled apps should not be making ?_data requests";

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) || error instanceof Response) return;
  // Remix still answers the old `?_data=` protocol (anyone can send it) and reports it as an error
  // first; it is not one of ours.
  if (error instanceof Error && error.message.startsWith(LEGACY_DATA_WARNING)) return;
  logger().error(
    {
      requestId: (context as Partial<AppLoadContext>).requestId,
      path: new URL(request.url).pathname,
      err: error,
    },
    "unexpected error",
  );
};
