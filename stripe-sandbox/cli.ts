/**
 * Runs the Stripe sandbox on its own:
 *
 *   PORT=12111 WEBHOOK_URL=http://127.0.0.1:3000/webhooks/stripe WEBHOOK_SECRET=whsec_… \
 *     STATE_PATH=data/stripe-sandbox.json npx tsx stripe-sandbox/cli.ts
 *
 * Optional: HOST (default 127.0.0.1), PUBLIC_BASE_URL (links shown to browsers),
 * CLOCK_PER_CHECKOUT_CUSTOMER=1 (demo: each Checkout customer gets a test clock, see /test-clocks).
 */
import { startStripeSandbox } from "./index.ts";

const env = process.env;
const sandbox = await startStripeSandbox({
  port: Number(env.PORT || 12111),
  host: env.HOST || undefined,
  webhookUrl: env.WEBHOOK_URL || undefined,
  webhookSecret: env.WEBHOOK_SECRET || undefined,
  statePath: env.STATE_PATH || undefined,
  publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
  billing: { clockPerCheckoutCustomer: env.CLOCK_PER_CHECKOUT_CUSTOMER === "1" },
});

console.info(`Stapel Stripe sandbox (test mode) listening on ${sandbox.url}`);
console.info(`  STRIPE_API_BASE=${sandbox.url}`);
console.info(`  STRIPE_SECRET_KEY=${sandbox.secretKey}   (any sk_test_ key is accepted)`);
console.info(`  STRIPE_WEBHOOK_SECRET=${sandbox.webhookSecret}`);
console.info(`  webhooks -> ${env.WEBHOOK_URL || "(none: events are only stored, see GET /v1/events)"}`);
console.info("  test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined");
console.info(`  test clocks: ${sandbox.url}/test-clocks`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(() => process.exit(0));
  });
}
