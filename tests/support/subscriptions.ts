// Plans and subscriptions for tests, made through the real code paths: a plan synced to the Stripe
// sandbox by the plans module, a subscription started by its Checkout and paid on the hosted page.
import type Stripe from "stripe";
import { stripe } from "~/integrations/stripe.server.ts";
import { syncPlanToStripe } from "~/modules/plans/stripe-sync.server.ts";
import { startSubscriptionCheckout } from "~/modules/plans/subscribe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout } from "./app-env.ts";
import { createListingForSale } from "./fixtures.ts";

export const DAY = 24 * 60 * 60;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** One more published listing (paid text, no file) in a shop. */
export async function addListing(
  shopId: string,
  options: { category?: string; status?: "PUBLISHED" | "DRAFT" } = {},
) {
  const id = unique();
  return prisma.listing.create({
    data: {
      shopId,
      slug: `plan-listing-${id}`,
      type: "PROMPT",
      status: options.status ?? "PUBLISHED",
      publishedAt: options.status === "DRAFT" ? null : new Date(),
      title: `Plan prompt ${id}`,
      tagline: "In the plan",
      description: "A prompt included in a plan.",
      category: options.category ?? "Copywriting",
      priceAmount: 900,
      currency: "EUR",
      aiModels: ["Claude"],
      content: { create: { body: `PLAN PROMPT BODY ${id}` } },
    },
  });
}

/**
 * A seller whose shop sells one listing with a file (`listing`) and one more (`second`), and a plan
 * with a monthly EUR price on sale in Stripe. By default the plan includes the two listings chosen
 * one by one; `everything` includes every published listing of the shop.
 */
export async function createPlanForSale(
  options: { trialDays?: number; everything?: boolean; amount?: number; categories?: string[] } = {},
) {
  const { seller, shop, listing, file } = await createListingForSale();
  const second = await addListing(shop.id);
  const plan = await prisma.plan.create({
    data: {
      shopId: shop.id,
      name: `Members ${unique()}`,
      description: "Every prompt, every month",
      includesAllListings: options.everything ?? false,
      includedCategories: options.categories ?? [],
      trialDays: options.trialDays ?? 0,
      ...(!options.everything &&
        !options.categories && {
          listings: { create: [{ listingId: listing.id }, { listingId: second.id }] },
        }),
      prices: { create: { amount: options.amount ?? 900, currency: "EUR", interval: "MONTH" } },
    },
    include: { prices: true },
  });
  const synced = await syncPlanToStripe(plan.id);
  if (!synced.ok) throw new Error(`the plan did not reach the sandbox: ${synced.message}`);
  const price = await prisma.planPrice.findFirstOrThrow({ where: { planId: plan.id } });
  return { seller, shop, listing, file, second, plan, price };
}

/** Another plan of the same shop (for plan changes), including only `listingIds`. */
export async function createOtherPlan(shopId: string, listingIds: string[], amount = 1900) {
  const plan = await prisma.plan.create({
    data: {
      shopId,
      name: `Pro ${unique()}`,
      listings: { create: listingIds.map((listingId) => ({ listingId })) },
      prices: { create: { amount, currency: "EUR", interval: "MONTH" } },
    },
  });
  const synced = await syncPlanToStripe(plan.id);
  if (!synced.ok) throw new Error(synced.message);
  const price = await prisma.planPrice.findFirstOrThrow({ where: { planId: plan.id } });
  return { plan, price };
}

/** Starts the plan's Checkout as the user and pays it on the sandbox's hosted page. */
export async function subscribe(
  user: { id: string; email: string },
  planPriceId: string,
  card = "4242424242424242",
) {
  const started = await startSubscriptionCheckout(user, planPriceId);
  if (started.kind !== "redirect-to-stripe")
    throw new Error(`subscription checkout did not start: ${started.kind}`);
  const paid = await payHostedCheckout(started.url, card, user.email);
  if (paid.status !== 303) throw new Error(`the sandbox refused the payment: ${paid.status} ${paid.body}`);
  const sessionId = new URL(paid.location ?? "", "http://stapel.test").searchParams.get("session_id");
  if (!sessionId) throw new Error(`no session id in ${paid.location}`);
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  return { sessionId, stripeSubscriptionId: String(session.subscription) };
}

/** The user's Stripe customer lives on a new test clock frozen at `frozenTime`: time moves only when advanced. */
export async function putOnTestClock(user: { id: string; email: string }, frozenTime: number) {
  const clock = await stripe().testHelpers.testClocks.create({ frozen_time: frozenTime });
  const customer = await stripe().customers.create({ email: user.email, test_clock: clock.id });
  await prisma.user.update({ where: { id: user.id }, data: { stripeCustomerId: customer.id } });
  return { clock, customer };
}

/** Advances a test clock and waits until Stripe (the sandbox) has run everything up to then. */
export async function advanceClock(
  clockId: string,
  frozenTime: number,
): Promise<Stripe.TestHelpers.TestClock> {
  await stripe().testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
  for (let i = 0; i < 1000; i++) {
    const clock = await stripe().testHelpers.testClocks.retrieve(clockId);
    if (clock.status === "ready") return clock;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`test clock ${clockId} did not become ready`);
}

/** The subscription as Stapel stores it, with its entitlements. */
export async function storedSubscription(stripeSubscriptionId: string) {
  return prisma.subscription.findUniqueOrThrow({
    where: { stripeSubscriptionId },
    include: { entitlements: { include: { licenseKey: true }, orderBy: { listingId: "asc" } } },
  });
}

/** Emails in the outbox whose idempotency key starts with `prefix`, oldest first. */
export async function emailsTo(email: string, prefix = "") {
  return prisma.emailMessage.findMany({
    where: { to: email, idempotencyKey: { startsWith: prefix } },
    orderBy: { createdAt: "asc" },
    select: { idempotencyKey: true, subject: true, text: true, html: true },
  });
}
