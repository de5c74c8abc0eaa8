// Renders whole answers in the test process, as the app server does, without a build: Vite compiles
// the app for the server and Remix's request handler answers a web Request with the real HTML, the
// single-fetch `.data` stream, or a resource route's bytes (OG pictures, sitemaps, the licence API).
// The HTTP layer around it (security headers, the page cache) is the browser tests' business.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createServer } from "vite";

export type PageRenderer = {
  /** Answers `path` as the app would, for the visitor whose session cookie is given (or none). */
  fetch(path: string, cookie?: string | null, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

let requests = 0;

export async function startPageRenderer(): Promise<PageRenderer> {
  // Its own cache: test files run in parallel and must not share Vite's.
  const cacheDir = mkdtempSync(join(tmpdir(), "stapel-render-vite-"));
  const vite = await createServer({
    configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)),
    cacheDir,
    appType: "custom",
    logLevel: "error",
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  const handle = createRequestHandler(
    () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    "development",
  );
  return {
    fetch(path, cookie, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has("Accept")) headers.set("Accept", "text/html,*/*");
      if (cookie) headers.set("Cookie", cookie);
      // Each request from its own documentation address (192.0.2.0/24), so no rate limit answers
      // in a page's place.
      const context: AppLoadContext = {
        requestId: `render-${++requests}`,
        nonce: "render-nonce",
        clientAddress: `192.0.2.${requests % 250}`,
      };
      return handle(new Request(new URL(path, process.env.APP_URL), { ...init, headers }), context);
    },
    async close() {
      await vite.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
