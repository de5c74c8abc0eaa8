import Stripe from "stripe";
import { runDueJobs } from "~/modules/jobs/worker.server.ts";
import type { StripeSandbox } from "../../stripe-sandbox/index.ts";

/** The tasks a Stripe event's job may start: the event's own, and the grant syncs it schedules. */
const WEBHOOK_TASKS = ["stripe-event:", "sync-subscription-access", "sync-plan-grants", "sync-shop-grants"];

/**
 * Runs the jobs that Stripe events queued and that are due now (and those they queue in turn).
 * The webhook endpoint only stores an event and enqueues its job; in the running app the job worker
 * picks it up when notified of it. Emails stay queued (`runDueJobs` sends them).
 */
export async function runWebhookJobs(): Promise<void> {
  await runDueJobs(process.env.DATABASE_URL as string, { only: WEBHOOK_TASKS });
}

/**
 * Waits until the sandbox has delivered every webhook, then runs the jobs they queued, and again
 * while those jobs made Stripe emit more events (a refund's job cancels the subscription at Stripe,
 * whose customer.subscription.deleted is what ends it here). Settling once left that second round
 * to chance: on a fast database the job's cancel raced the end of the first delivery wait.
 */
export async function settleWebhooks(sandbox: Pick<StripeSandbox, "deliveries" | "events">): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const eventsBefore = sandbox.events().length;
    await sandbox.deliveries();
    await runWebhookJobs();
    if (sandbox.events().length === eventsBefore) return;
  }
  throw new Error("webhook jobs kept making Stripe emit events after 10 rounds");
}

const signer = new Stripe("sk_test_signer");

/** Delivers an event to the webhook route exactly as Stripe would (signed now); returns the answer. */
export async function deliverEvent(
  event: Stripe.Event | string,
): Promise<{ status: number; result?: string }> {
  const { action } = await import("~/routes/webhooks.stripe/route.ts");
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const signature = signer.webhooks.generateTestHeaderString({
    payload,
    secret: process.env.STRIPE_WEBHOOK_SECRET as string,
  });
  const response = (await action({
    request: new Request("http://stapel.test/webhooks/stripe", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
      body: payload,
    }),
    params: {},
    context: { requestId: "test-delivery", nonce: "", clientAddress: "127.0.0.1" },
  })) as Response;
  const body = (await response.json()) as { result?: string };
  return { status: response.status, result: body.result };
}
