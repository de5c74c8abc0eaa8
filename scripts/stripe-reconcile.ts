// `npm run stripe:reconcile [-- --days 7]`: compares Stapel with Stripe and repairs what lost
// webhooks left behind (app/modules/billing/reconcile.server.ts), printing each repair. The running
// app does the same every hour; this is for now, by hand.
//
// Targets DATABASE_URL and STRIPE_SECRET_KEY (+ STRIPE_API_BASE) when set, as in production.
// Locally, with neither set, it opens the embedded database in ./data/pglite and the Stripe
// sandbox's saved state (./data/stripe-sandbox.json) for the duration of the command: stop
// `npm start` first, as both belong to the running server while it runs.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import { loadLocalSecrets } from "../server/local-defaults.ts";

const USAGE = `Usage: npm run stripe:reconcile [-- --days N]
  --days N   how far back to look at Checkout Sessions, invoices and new subscriptions (default 7);
             live subscriptions are compared whatever their age`;

if (existsSync(".env")) process.loadEnvFile(".env");
const { values } = parseArgs({
  options: { days: { type: "string", default: "7" }, help: { type: "boolean", short: "h", default: false } },
});

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1) {
    console.error(`--days must be a whole number of days, 1 or more\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(process.env.STAPEL_DATA_DIR || "data");
  const cleanups: (() => Promise<unknown>)[] = [];
  const closeAll = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  };
  const onSignal = () => void closeAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const secrets = loadLocalSecrets(dataDir);
    process.env.APP_URL ||= `http://localhost:${process.env.PORT || 3000}`;
    process.env.SESSION_SECRET ||= secrets.SESSION_SECRET;
    process.env.DOWNLOAD_SIGNING_SECRET ||= secrets.DOWNLOAD_SIGNING_SECRET;
    process.env.LOG_LEVEL ||= "warn";
    if (!process.env.DATABASE_URL) {
      const database = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite") });
      cleanups.push(() => database.close());
      process.env.DATABASE_URL = database.url;
      console.log(`Embedded database (${join(dataDir, "pglite")})`);
    }
    if (!process.env.STRIPE_SECRET_KEY) {
      const { startStripeSandbox } = await import("../stripe-sandbox/index.ts");
      const sandbox = await startStripeSandbox({
        statePath: join(dataDir, "stripe-sandbox.json"),
        webhookSecret: secrets.STRIPE_WEBHOOK_SECRET,
      });
      cleanups.unshift(() => sandbox.close());
      process.env.STRIPE_SECRET_KEY = sandbox.secretKey;
      process.env.STRIPE_WEBHOOK_SECRET = sandbox.webhookSecret;
      process.env.STRIPE_API_BASE = sandbox.url;
      console.log(`Stripe sandbox state (${join(dataDir, "stripe-sandbox.json")})`);
    }

    const { prisma } = await import("../app/utils/db.server.ts");
    cleanups.unshift(() => prisma.$disconnect());
    const { reconcileStripe } = await import("../app/modules/billing/reconcile.server.ts");
    const report = await reconcileStripe({ days });
    const { checkoutSessions, subscriptions, invoices } = report.checked;
    console.log(
      `Checked ${checkoutSessions} Checkout Session(s) and ${invoices} invoice(s) of the last ${days} day(s), ` +
        `${subscriptions} subscription(s).`,
    );
    for (const repair of report.repairs) console.log(`  repaired: ${repair}`);
    console.log(report.repairs.length ? `${report.repairs.length} repair(s).` : "Nothing to repair.");
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await closeAll();
  }
}

process.exitCode = await main();
