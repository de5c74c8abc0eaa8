// Licence keys to manage, made through the real grants code without Stripe: a shop (with its key
// prefix), a purchase (an order item's grant, so the key page links the sale), a gift, and a plan
// subscription with its plan key. Activations are rows, as the licence API would store them.
import { grantEntitlements, grantKeys, revokeEntitlements } from "~/modules/delivery/grants.server.ts";
import { generateLicenseKey } from "~/modules/licensing/license-keys.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser, requestAs } from "../support/fixtures.ts";
import { addListing } from "../support/subscriptions.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A seller with a shop whose keys start with `prefix`, and one published listing. */
export async function sellerWithListing(prefix = "MANAGE") {
  const seller = await createUser(`seller-${unique()}@example.com`);
  const shop = await prisma.shop.create({
    data: { ownerId: seller.id, handle: `keys-${unique()}`, name: "Key shop", licenseKeyPrefix: prefix },
  });
  const listing = await addListing(shop.id);
  return { seller, shop, listing };
}

/** A buyer's paid order of the listing, fulfilled by the grants module: returns the order and its key. */
export async function purchase(shopId: string, listing: { id: string; title: string }, email?: string) {
  const buyer = await createUser(email);
  const order = await prisma.order.create({
    data: {
      shopId,
      buyerId: buyer.id,
      email: buyer.email,
      currency: "EUR",
      status: "PAID",
      paidAt: new Date(),
      subtotalAmount: 900,
      totalAmount: 900,
      items: { create: { listingId: listing.id, title: listing.title, unitAmount: 900, currency: "EUR" } },
    },
    include: { items: true },
  });
  const item = order.items[0];
  if (!item) throw new Error("no order item");
  const [entitlement] = await prisma.$transaction((tx) =>
    grantEntitlements(tx, [
      {
        userId: buyer.id,
        listingId: listing.id,
        source: "ORDER_ITEM",
        orderItemId: item.id,
        grantKey: grantKeys.orderItem(item.id, listing.id),
      },
    ]),
  );
  if (!entitlement) throw new Error("nothing granted");
  const key = await prisma.licenseKey.findFirstOrThrow({ where: { entitlementId: entitlement.id } });
  return { buyer, order, entitlement, key };
}

/** Ends a purchase as a refund does (revoke reason REFUNDED): its key is revoked with it. */
export const refund = (entitlementId: string) =>
  prisma.$transaction((tx) => revokeEntitlements(tx, [entitlementId], "REFUNDED"));

/**
 * A subscriber of a plan of the shop that includes the listing: the subscription (ACTIVE), the
 * entitlement it grants and the plan key. If the app issues plan keys itself, that key is used.
 */
export async function planSubscriber(shopId: string, listingId: string) {
  const buyer = await createUser();
  const plan = await prisma.plan.create({
    data: { shopId, name: `Members ${unique()}`, listings: { create: [{ listingId }] } },
  });
  const subscription = await prisma.subscription.create({
    data: {
      userId: buyer.id,
      planId: plan.id,
      stripeSubscriptionId: `sub_manage_${unique()}`,
      status: "ACTIVE",
      grantsAccess: true,
    },
  });
  const [entitlement] = await prisma.$transaction((tx) =>
    grantEntitlements(tx, [
      {
        userId: buyer.id,
        listingId,
        source: "SUBSCRIPTION",
        subscriptionId: subscription.id,
        grantKey: grantKeys.subscription(subscription.id, listingId),
      },
    ]),
  );
  if (!entitlement) throw new Error("nothing granted");
  const shop = await prisma.shop.findUniqueOrThrow({ where: { id: shopId } });
  const planKey =
    (await prisma.licenseKey.findUnique({ where: { subscriptionId: subscription.id } })) ??
    (await prisma.licenseKey.create({
      data: {
        key: generateLicenseKey(shop.licenseKeyPrefix),
        subscriptionId: subscription.id,
        planId: plan.id,
        userId: buyer.id,
        shopId,
      },
    }));
  return { buyer, plan, subscription, entitlement, planKey };
}

/** Activations of a key, as the licence API stores them. */
export async function activate(licenseKeyId: string, ...names: string[]) {
  const rows = [];
  for (const instanceName of names)
    rows.push(await prisma.licenseActivation.create({ data: { licenseKeyId, instanceName } }));
  return rows;
}

export function formBody(fields: Record<string, string>) {
  return new URLSearchParams(fields);
}

export const postAs = (cookie: string | null, path: string, fields: Record<string, string>) =>
  requestAs(cookie, path, { method: "POST", body: formBody(fields) });

export type FormReply = { result: { error?: Record<string, string[] | null> }; done?: string };
export const formErrors = (reply: FormReply) => Object.values(reply.result.error ?? {}).flat();
