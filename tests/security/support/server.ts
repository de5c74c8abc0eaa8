// The security suite talks to the real HTTP server (server/http.ts serving the built app) over
// loopback, so headers, CSRF checks and body parsing run exactly as in production.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { startTestApp } from "../../support/app-env.ts";
import { freePort } from "../../support/free-port.ts";

export type SecurityServer = {
  /** `http://127.0.0.1:<port>`: where requests go. */
  url: string;
  /** The public origin the app believes it has (APP_URL); same as `url` unless overridden. */
  appUrl: string;
  sandbox: Awaited<ReturnType<typeof startTestApp>>["sandbox"];
  /** Points the sandbox's webhooks at the real server (they reach the route module directly before). */
  deliverWebhooksOverHttp(): void;
  stop(): Promise<void>;
};

export type ServerOptions = {
  /** APP_URL for this server; default its own loopback URL. */
  appUrl?: (loopbackUrl: string) => string;
  /** Extra settings, e.g. { TRUST_PROXY: "1" }. Unset ones are removed from the environment. */
  env?: Record<string, string | undefined>;
};

const BUILD = fileURLToPath(new URL("../../../build/server/index.js", import.meta.url));

/**
 * The built app must exist (`npm run build`). A build running at the same moment (another terminal,
 * the browser tests) empties build/ for a second: wait for it rather than fail.
 */
async function withBuild<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    for (let waited = 0; !existsSync(BUILD) && waited < 30_000; waited += 250) await sleep(250);
    if (!existsSync(BUILD))
      throw new Error(`${BUILD} is missing: run \`npm run build\` before the security tests`);
    warnIfStale();
    try {
      return await start();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("build/server")) throw error;
      await sleep(1000);
    }
  }
}

let warned = false;
/** A build older than the code it was made from tests yesterday's app: say so (once per file). */
function warnIfStale() {
  if (warned) return;
  warned = true;
  const built = statSync(BUILD).mtimeMs;
  const newer = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "generated") continue;
        const found = newer(path);
        if (found) return found;
      } else if (!entry.name.includes(".test.") && statSync(path).mtimeMs > built) return path;
    }
    return undefined;
  };
  const changed = newer(fileURLToPath(new URL("../../../app", import.meta.url)));
  if (changed) console.warn(`[security tests] ${changed} is newer than build/: run \`npm run build\` first`);
}

/**
 * Starts the built app in this process, the way `npm start` serves it after the launcher: this
 * file's own test database (DATABASE_URL, set by tests/setup), a Stripe sandbox, a private file store, the dev outbox page on, logs off.
 * NODE_ENV stays vitest's "test": the app's own modules run in this process too (seeding, the
 * webhook bridge), compiled for development, and React cannot mix its development and production
 * builds in one process. Needs `npm run build` first. The app reads its settings once per process, so a second
 * configuration (an https APP_URL, TRUST_PROXY) needs its own test file.
 */
export async function startSecurityServer(options: ServerOptions = {}): Promise<SecurityServer> {
  const app = await startTestApp();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const appUrl = options.appUrl?.(url) ?? url;
  const settings: Record<string, string | undefined> = {
    APP_URL: appUrl,
    LOG_LEVEL: "silent",
    DEV_OUTBOX_PAGE: "true",
    RESEND_API_KEY: undefined,
    TRUST_PROXY: undefined,
    ...options.env,
  };
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const { startHttpServer } = await import("../../../server/http.ts");
  const server = await withBuild(() => startHttpServer({ port, host: "127.0.0.1", devMode: false }));
  return {
    url,
    appUrl,
    sandbox: app.sandbox,
    deliverWebhooksOverHttp() {
      app.sandbox.setWebhookUrl(`${url}/webhooks/stripe`);
    },
    async stop() {
      await app.sandbox.deliveries();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await app.stop();
    },
  };
}
