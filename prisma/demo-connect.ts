/**
 * Stripe Connect accounts for the demo shops, so they keep selling: since issue 7 a shop takes
 * payments only through its own connected account (destination charges). Each seeded shop without
 * a working account goes through Stapel's own onboarding (an Express account, an account link) and
 * the local Stripe sandbox's hosted onboarding page is submitted with "complete", as a seller would.
 *
 * Only for the local sandbox: with a real Stripe account a seller onboards on Stripe's pages. The
 * launcher (server/start.ts) calls it at every start; a shop whose account can take charges is left
 * alone, and one whose account the sandbox no longer knows (its state file was deleted) gets a new one.
 */
import { isStripeResourceMissing } from "../app/integrations/stripe.server.ts";
import { retrieveConnectAccount } from "../app/integrations/stripe-connect.server.ts";
import { applyAccountState, startOnboarding } from "../app/modules/payouts/onboarding.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { SHOPS } from "./seed-data/index.ts";

export async function connectDemoShops(log: (line: string) => void = () => {}): Promise<string[]> {
  const shops = await prisma.shop.findMany({
    where: { handle: { in: SHOPS.map((shop) => shop.handle) } },
    select: { id: true, handle: true, stripeAccountId: true },
  });
  const connected: string[] = [];
  for (const shop of shops) {
    const current = shop.stripeAccountId ? await accountStatus(shop.stripeAccountId) : "missing";
    if (current === "ready") continue;
    if (current === "missing" && shop.stripeAccountId) {
      await prisma.shop.update({ where: { id: shop.id }, data: { stripeAccountId: null } });
    }
    const started = await startOnboarding(shop.id);
    if (started.kind !== "redirect") {
      log(`the demo shop ${shop.handle} has no Stripe account (${started.kind})`);
      continue;
    }
    // The hosted onboarding page's own form, as a browser submits it.
    const done = await fetch(started.url, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ outcome: "complete" }),
    });
    const account = await prisma.shop.findUnique({
      where: { id: shop.id },
      select: { stripeAccountId: true },
    });
    if (done.status !== 303 || !account?.stripeAccountId) {
      log(`the demo shop ${shop.handle}'s onboarding was refused (${done.status})`);
      continue;
    }
    await applyAccountState(await retrieveConnectAccount(account.stripeAccountId));
    connected.push(shop.handle);
  }
  if (connected.length > 0)
    log(`demo shops onboarded to Stripe Connect on the sandbox: ${connected.join(", ")}`);
  return connected;
}

/** Whether this Stripe knows the account and it can take charges; its state is saved on the way. */
async function accountStatus(accountId: string): Promise<"ready" | "incomplete" | "missing"> {
  try {
    const state = await retrieveConnectAccount(accountId);
    await applyAccountState(state);
    return state.chargesEnabled ? "ready" : "incomplete";
  } catch (error) {
    if (isStripeResourceMissing(error)) return "missing";
    throw error;
  }
}
