/**
 * The demo buyer's subscription, so the subscriber's side of the demo is not empty at first look.
 * The demo buyer subscribes to a seeded plan exactly as a buyer does: Stapel opens its subscription
 * Checkout Session, the test card 4242 pays it on the local Stripe sandbox's hosted page, and the
 * subscription is recorded from Stripe (the success page's fulfilment here, then the webhooks), so
 * Stripe and Stapel agree on it.
 *
 * Only for the local sandbox: with a real Stripe account a person pays on Stripe's page. The
 * launcher (server/start.ts) calls it at every start; it does nothing when the demo buyer already
 * subscribes to the plan, nor when their subscription to it has ended (whoever tried the demo
 * cancelled it or let it lapse: a restart does not undo that).
 */
import { fulfilSubscriptionCheckout } from "../app/modules/billing/subscriptions/checkout.server.ts";
import { activateLicense } from "../app/modules/licensing/lemon-squeezy.server.ts";
import { startSubscriptionCheckout } from "../app/modules/plans/subscribe.server.ts";
import { LIVE_SUBSCRIPTION_STATUSES } from "../app/modules/plans/subscription-status.ts";
import { prisma } from "../app/utils/db.server.ts";
import { DEMO_SUBSCRIPTION } from "./seed-data/index.ts";

export type DemoSubscriptionResult =
  | { kind: "subscribed"; subscriptionId: string }
  | { kind: "already-subscribed" }
  /** Someone ended the demo subscription (cancelled it, or let it lapse on the test clock): it stays ended. */
  | { kind: "ended-before" }
  | { kind: "skipped"; reason: string };

export async function subscribeDemoBuyer(
  log: (line: string) => void = () => {},
): Promise<DemoSubscriptionResult> {
  const { buyerEmail, shopHandle, planName, interval, currency } = DEMO_SUBSCRIPTION;
  const buyer = await prisma.user.findUnique({
    where: { email: buyerEmail },
    select: { id: true, email: true },
  });
  const price = await prisma.planPrice.findFirst({
    where: {
      interval,
      currency,
      archivedAt: null,
      plan: { name: planName, archivedAt: null, shop: { handle: shopHandle } },
    },
    select: { id: true, planId: true },
  });
  if (!buyer || !price) return skipped(log, `no ${buyerEmail} or no "${planName}" plan in ${shopHandle}`);
  const earlier = await prisma.subscription.findFirst({
    where: { userId: buyer.id, planId: price.planId },
    orderBy: { createdAt: "desc" },
    select: { status: true },
  });
  if (earlier)
    return (LIVE_SUBSCRIPTION_STATUSES as readonly string[]).includes(earlier.status)
      ? { kind: "already-subscribed" }
      : { kind: "ended-before" };

  const started = await startSubscriptionCheckout(buyer, price.id);
  if (started.kind !== "redirect-to-stripe") return skipped(log, `checkout did not start (${started.kind})`);
  // The hosted test page's own form, as a browser submits it.
  const paid = await fetch(started.url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: buyer.email,
      cardNumber: "4242424242424242",
      expiry: "12 / 34",
      cvc: "123",
      name: "Demo Buyer",
    }),
  });
  const sessionId = new URL(paid.headers.get("Location") ?? "", "http://stapel.invalid").searchParams.get(
    "session_id",
  );
  if (paid.status !== 303 || !sessionId) return skipped(log, `the test card was refused (${paid.status})`);
  const fulfilled = await fulfilSubscriptionCheckout(sessionId);
  if (fulfilled.status !== "fulfilled")
    return skipped(log, `Stripe has not confirmed it (${fulfilled.status})`);
  log(`the demo buyer (${buyerEmail}) subscribes to ${planName} (Checkout on the sandbox, test card 4242)`);
  await activateDemoDevice(fulfilled.subscriptionId, log);
  return { kind: "subscribed", subscriptionId: fulfilled.subscriptionId };
}

/**
 * The plan's licence key in use on one device, through the same licence API a seller's app calls,
 * so the library and the seller's key page show an activation at first look.
 */
async function activateDemoDevice(subscriptionId: string, log: (line: string) => void) {
  const key = await prisma.licenseKey.findUnique({ where: { subscriptionId }, select: { key: true } });
  if (!key) return log("the demo buyer's plan has no licence key to activate");
  const activated = await activateLicense(
    { license_key: key.key, instance_name: "Demo laptop" },
    "127.0.0.1",
  );
  if (activated.status !== 200) log(`the demo plan key was not activated (${activated.status})`);
}

function skipped(log: (line: string) => void, reason: string): DemoSubscriptionResult {
  log(`the demo buyer's subscription was not created: ${reason}`);
  return { kind: "skipped", reason };
}
