import type { SubscriptionStatus } from "~/generated/prisma/enums.ts";
import { isStripeResourceMissing } from "~/integrations/stripe.server.ts";
import { cancelSubscriptionNow, forgetCustomerContact } from "~/integrations/stripe-billing.server.ts";
import { describeStripeFailure } from "~/integrations/stripe-catalog.server.ts";
import { syncSubscriptionFromStripe } from "~/modules/billing/subscriptions/apply.server.ts";
import { prisma } from "~/utils/db.server.ts";

/** The address a deleted account keeps: unique, and undeliverable by definition (RFC 2606 `.invalid`). */
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/** Subscriptions that may still charge or grant: cancelled at Stripe before the account goes. */
const RUNNING: SubscriptionStatus[] = ["ACTIVE", "TRIALING", "PAST_DUE", "UNPAID", "INCOMPLETE", "PAUSED"];

export type DeleteAccountResult =
  | { ok: true; cancelledSubscriptions: number }
  | { ok: false; refusal: "not-found" | "mismatch" | "seller" | "payments-unavailable"; message: string };

/**
 * Deletes the account of `userId`, confirmed by typing its email address (`confirmEmail`, already
 * lower-cased). See ADR 0026 for what is kept and why. In short:
 *
 * 1. Stripe first, each call safe to repeat: running subscriptions are cancelled now (no proration)
 *    and their state applied at once, which ends their access and expires plan keys; the Stripe
 *    customer loses its email and name. If Stripe cannot be reached nothing in Stapel changes and
 *    the person can try again (a subscription cancelled by the first attempt stays cancelled).
 * 2. One transaction: the user row stays (orders, invoices and entitlements point to it, and the
 *    law keeps order records) but becomes `deleted-<id>@deleted.invalid` with no name and
 *    `deletedAt`; orders keep amounts, currency, tax, country and dates, their email anonymised;
 *    licence keys are disabled, so software stops accepting them; sessions, sign-in links to the
 *    old address and email change links are deleted; download log rows lose their IP
 *    address and browser; reviews stay, shown as by "Deleted user".
 *
 * Sellers with a shop are refused: a shop has buyers, payouts and listings of its own.
 */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<DeleteAccountResult> {
  const user = await prisma.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: {
      id: true,
      email: true,
      stripeCustomerId: true,
      shop: { select: { id: true } },
      subscriptions: {
        where: { status: { in: RUNNING } },
        select: { stripeSubscriptionId: true, stripeCustomerId: true },
      },
    },
  });
  if (!user) return { ok: false, refusal: "not-found", message: "This account no longer exists." };
  if (confirmEmail !== user.email) {
    return {
      ok: false,
      refusal: "mismatch",
      message: `Type your account's email address, ${user.email}, exactly as shown to confirm.`,
    };
  }
  if (user.shop) {
    return {
      ok: false,
      refusal: "seller",
      message:
        "Close your shop first: your account runs a shop, with buyers, listings and payouts that depend on it. Stapel does not delete shops from this page; write to support to close it, then delete your account.",
    };
  }

  const customers = new Set<string>();
  if (user.stripeCustomerId) customers.add(user.stripeCustomerId);
  try {
    for (const subscription of user.subscriptions) {
      if (subscription.stripeCustomerId) customers.add(subscription.stripeCustomerId);
      try {
        await cancelSubscriptionNow(
          subscription.stripeSubscriptionId,
          "The subscriber deleted their Stapel account.",
        );
      } catch (error) {
        // A subscription Stripe does not know cannot charge anyone: nothing to cancel.
        if (!isStripeResourceMissing(error)) throw error;
      }
      await syncSubscriptionFromStripe(subscription.stripeSubscriptionId);
    }
    for (const customer of customers) {
      try {
        await forgetCustomerContact(customer);
      } catch (error) {
        if (!isStripeResourceMissing(error)) throw error;
      }
    }
  } catch (error) {
    console.warn(`Deleting account ${user.id}: Stripe refused a call: ${describeStripeFailure(error)}`);
    return {
      ok: false,
      refusal: "payments-unavailable",
      message:
        "Stripe could not be reached, so your account was not deleted. Please try again shortly; any subscription already cancelled stays cancelled.",
    };
  }

  const anonymous = deletedEmail(user.id);
  const done = await prisma.$transaction(async (tx) => {
    const marked = await tx.user.updateMany({
      where: { id: user.id, deletedAt: null },
      data: { email: anonymous, name: null, deletedAt: new Date() },
    });
    if (marked.count === 0) return false;
    await tx.order.updateMany({ where: { buyerId: user.id }, data: { email: anonymous } });
    await tx.licenseKey.updateMany({
      where: { userId: user.id, status: { in: ["ACTIVE", "EXPIRED"] } },
      data: { status: "DISABLED" },
    });
    await tx.downloadLog.updateMany({ where: { userId: user.id }, data: { ip: null, userAgent: null } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.emailChangeToken.deleteMany({ where: { userId: user.id } });
    await tx.signInToken.deleteMany({ where: { email: user.email } });
    await tx.shopUnsubscribe.deleteMany({ where: { userId: user.id } });
    return true;
  });
  if (!done) return { ok: false, refusal: "not-found", message: "This account no longer exists." };
  return { ok: true, cancelledSubscriptions: user.subscriptions.length };
}
