/**
 * The launcher behind `npm start` (and `npm run dev`). It completes the configuration with local
 * stand-ins for whatever is not set (embedded PostgreSQL, the Stripe sandbox, generated secrets),
 * prepares the database, then serves the app. With every variable set it starts nothing extra:
 * the app itself cannot tell the difference.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { onEmbeddedNotification } from "./db/embedded-notifications.ts";
import { startEmbeddedPostgresWorker } from "./db/embedded-postgres-worker.ts";
import { deployMigrations } from "./db/schema-engine.ts";
import { startHttpServer } from "./http.ts";
import { loadLocalSecrets } from "./local-defaults.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
const devMode = process.argv.includes("--dev");
process.env.NODE_ENV ??= devMode ? "development" : "production";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const dataDir = resolve(process.env.STAPEL_DATA_DIR || "data");
const cleanups: (() => Promise<unknown>)[] = [];
const log = (line: string) => console.info(`[stapel] ${line}`);

async function main() {
  // Links in emails and Stripe redirects must use the same host name the browser uses, or the
  // session cookie is not sent; README and the console both say localhost.
  const publicHost = ["0.0.0.0", "127.0.0.1", "::", "::1"].includes(host) ? "localhost" : host;
  process.env.APP_URL ||= `http://${publicHost}:${port}`;
  process.env.FILE_STORAGE_DIR ||= join(dataDir, "files");
  const secrets = loadLocalSecrets(dataDir);
  process.env.SESSION_SECRET ||= secrets.SESSION_SECRET;
  process.env.DOWNLOAD_SIGNING_SECRET ||= secrets.DOWNLOAD_SIGNING_SECRET;

  if (!process.env.DATABASE_URL) {
    // In a worker thread, so that running a query does not hold up the requests this thread serves
    // (ADR 0034). If that thread fails, the process stops with its error.
    const database = await startEmbeddedPostgresWorker({ dataDir: join(dataDir, "pglite") });
    cleanups.unshift(() => database.close());
    process.env.DATABASE_URL = database.url;
    log(`embedded PostgreSQL (PGlite, own thread) with data in ${join(dataDir, "pglite")}`);
  }

  const usingSandbox = !process.env.STRIPE_SECRET_KEY;
  if (usingSandbox) {
    // A dev tool, loaded only here and only when no real Stripe key is configured.
    const { startStripeSandbox } = await import("../stripe-sandbox/index.ts");
    const sandbox = await startStripeSandbox({
      port: Number(process.env.STRIPE_SANDBOX_PORT || 0),
      webhookUrl: `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}/webhooks/stripe`,
      webhookSecret: secrets.STRIPE_WEBHOOK_SECRET,
      statePath: join(dataDir, "stripe-sandbox.json"),
      // Every customer Checkout creates gets a test clock of its own, so whoever tries the demo can
      // move a subscription's time (renewals, failed payments) on the sandbox's /test-clocks page. A
      // demo aid, not Stripe's behaviour: such subscriptions renew only when their clock is moved.
      billing: { clockPerCheckoutCustomer: true },
    });
    cleanups.unshift(() => sandbox.close());
    process.env.STRIPE_SECRET_KEY = sandbox.secretKey;
    process.env.STRIPE_WEBHOOK_SECRET = sandbox.webhookSecret;
    process.env.STRIPE_API_BASE = sandbox.url;
    log(`Stripe sandbox on ${sandbox.url} (test card 4242 4242 4242 4242; 4000 0000 0000 0002 is declined)`);
    log(`move subscriptions through time (renewals, failed payments) on ${sandbox.url}/test-clocks`);
  }

  const loopbackOnly = host === "127.0.0.1" || host === "localhost" || host === "::1";
  if (!process.env.RESEND_API_KEY && loopbackOnly) process.env.DEV_OUTBOX_PAGE ??= "true";

  // Validate the finished configuration before touching anything else.
  const { parseEnv } = await import("../app/utils/env.server.ts");
  const env = parseEnv(process.env);

  const applied = await deployMigrations({ databaseUrl: env.DATABASE_URL });
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  const { migrateJobQueue, startJobWorker } = await import("../app/modules/jobs/worker.server.ts");
  await migrateJobQueue(env.DATABASE_URL);

  const { prisma } = await import("../app/utils/db.server.ts");
  // Put in front: cleanups run first to last, so the pool lets go before the database closes.
  cleanups.unshift(() => prisma.$disconnect());
  const { seedDemoShop } = await import("../prisma/seed.ts");
  const { seeded } = await seedDemoShop(prisma, { log });
  if (seeded) log("seeded the demo shop");
  // Images stored before a variant width existed get that copy from a job (one query decides; the
  // job's key makes several servers starting together queue it once).
  const { queueImageBackfillIfNeeded } = await import("../app/modules/media/image-backfill.server.ts");
  await queueImageBackfillIfNeeded().then(
    (queued) => queued && log("queued a job to make missing image widths"),
    (error: unknown) => log(`missing image widths were not checked: ${describeError(error)}`),
  );

  if (env.RUN_JOB_WORKER) {
    // On the embedded database the worker's LISTEN hears nothing itself: new jobs reach it this way.
    const worker = await startJobWorker(env.DATABASE_URL, {
      notifications: (listener) => onEmbeddedNotification(env.DATABASE_URL, listener),
    });
    cleanups.unshift(() => worker.stop());
  }

  const server = await startHttpServer({ port, host, devMode });
  cleanups.unshift(() => new Promise((done) => server.close(done)));
  if (seeded) {
    // Demo cover images are drawn while the server already answers (a few seconds of CPU; cards show
    // text until then), beside the Stripe set-up below rather than before it.
    const { addDemoCovers } = await import("../prisma/demo-covers.ts");
    const { fileStore } = await import("../app/integrations/storage.server.ts");
    void addDemoCovers(prisma, fileStore(), log).catch((error: unknown) =>
      log(`demo covers could not be drawn: ${describeError(error)}`),
    );
  }
  // Plans without Stripe Products/Prices (the seeded ones, or saves while Stripe was unreachable)
  // get them now in the configured Stripe, once the webhook endpoint can hear about it; only what
  // is missing is created. Subscribing to a plan not synced yet syncs it first.
  const { syncPlansMissingFromStripe } = await import("../app/modules/plans/stripe-sync.server.ts");
  await syncPlansMissingFromStripe(log).catch((error: unknown) =>
    log(`plans could not be synced to Stripe: ${describeError(error)}`),
  );
  if (usingSandbox) {
    // The demo shops take payments through connected accounts: onboarded on the sandbox's hosted
    // page before anything is sold (idempotent; a failure leaves those shops unable to sell).
    const { connectDemoShops } = await import("../prisma/demo-connect.ts");
    await connectDemoShops(log).catch((error: unknown) =>
      log(`the demo shops could not be onboarded to Stripe Connect: ${describeError(error)}`),
    );
    // The demo buyer subscribes through the sandbox's Checkout, as a buyer does, once the webhook
    // endpoint listens. Does nothing once done; a failure leaves the demo without it, nothing more.
    const { subscribeDemoBuyer } = await import("../prisma/demo-subscription.ts");
    await subscribeDemoBuyer(log).catch((error: unknown) =>
      log(`the demo buyer's subscription was not created: ${describeError(error)}`),
    );
  }
  log(`Stapel is ready on ${env.APP_URL}`);
  if (env.DEV_OUTBOX_PAGE) await printDemoSignInLinks(prisma);
}

/** One-time links for the demo accounts, so a newcomer can look around at once. */
async function printDemoSignInLinks(prisma: typeof import("../app/utils/db.server.ts").prisma) {
  const { createSignInLink } = await import("../app/modules/accounts/magic-link.server.ts");
  const demoAccounts = [
    { email: "buyer@stapel.test", role: "demo buyer", landing: "/library" },
    { email: "seller@stapel.test", role: "demo seller", landing: "/dashboard" },
  ];
  for (const account of demoAccounts) {
    if (!(await prisma.user.findUnique({ where: { email: account.email } }))) continue;
    const link = await createSignInLink(account.email, account.landing, 24 * 60);
    log(`sign in as the ${account.role} (${account.email}), valid 24 h, once: ${link}`);
  }
  log("any other address: sign in at /login and open the link from /dev/outbox");
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  process.exit(1);
});
