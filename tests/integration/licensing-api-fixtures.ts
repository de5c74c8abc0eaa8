// Shared by the licence API tests: keys issued through the real grant modules, and the endpoints
// called through their real routes (a fresh client address per call, so the address limit stays out
// of the way unless a test wants it).
import { grantOrderEntitlements, revokeOrderEntitlements } from "~/modules/delivery/grants.server.ts";
import { applyTierActivationLimits, licenseKeyPrefixFor } from "~/modules/licensing/license-keys.server.ts";
import * as activateRoute from "~/routes/api.v1.licenses.activate/route.ts";
import * as deactivateRoute from "~/routes/api.v1.licenses.deactivate/route.ts";
import * as validateRoute from "~/routes/api.v1.licenses.validate/route.ts";
import * as verifyRoute from "~/routes/api.v1.licenses.verify/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser, requestAs } from "../support/fixtures.ts";
import { callRoute, expectResponse, testContext } from "../support/routes.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
let address = 0;
export const nextAddress = () => `198.51.${Math.floor(address / 250) % 250}.${(address++ % 250) + 1}`;

/**
 * A shop (its handle gives the key prefix), a published listing with one tier allowing
 * `activationLimit` activations (null: unlimited), and a buyer whose paid order of it was fulfilled
 * by the grant modules the checkout uses. Returns the key as issued.
 */
export async function purchasedKey(options: { activationLimit?: number | null; handle?: string } = {}) {
  const id = unique();
  const seller = await createUser(`seller-${id}@example.com`);
  const handle = options.handle ?? `acme-${id}`;
  const shop = await prisma.shop.create({
    data: { ownerId: seller.id, handle, name: `Acme ${id}`, licenseKeyPrefix: licenseKeyPrefixFor(handle) },
  });
  const listing = await prisma.listing.create({
    data: {
      shopId: shop.id,
      slug: `desk-tool-${id}`,
      type: "AGENT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      title: `Desk tool ${id}`,
      tagline: "A tool",
      description: "A tool with a licence key.",
      aiModels: [],
      category: "Productivity",
      priceAmount: 2900,
      currency: "EUR",
      tiers: {
        create: {
          name: "Commercial",
          position: 0,
          activationLimit: options.activationLimit === undefined ? 3 : options.activationLimit,
        },
      },
    },
    include: { tiers: true },
  });
  const tier = listing.tiers[0];
  if (!tier) throw new Error("no tier");
  const buyer = await prisma.user.create({ data: { email: `buyer-${id}@example.com`, name: "Ada Buyer" } });
  const order = await prisma.order.create({
    data: {
      shopId: shop.id,
      buyerId: buyer.id,
      email: buyer.email,
      status: "PAID",
      currency: "EUR",
      subtotalAmount: 2900,
      totalAmount: 2900,
      paidAt: new Date(),
      items: {
        create: {
          listingId: listing.id,
          title: listing.title,
          unitAmount: 2900,
          currency: "EUR",
          licenseTierId: tier.id,
          tierName: tier.name,
        },
      },
    },
    include: { items: true },
  });
  await prisma.$transaction(async (tx) => {
    await grantOrderEntitlements(tx, { buyerId: buyer.id, items: order.items });
    await applyTierActivationLimits(tx, order.items);
  });
  const key = await prisma.licenseKey.findFirstOrThrow({ where: { userId: buyer.id } });
  return { shop, listing, tier, buyer, order, key };
}

/** A full refund as the refund module ends it: the order refunded, its access (and key) revoked. */
export async function refundFully(orderId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: "REFUNDED" } });
    await revokeOrderEntitlements(tx, orderId, "REFUNDED");
  });
}

// Tests read answers loosely (reply.body.instance.id); the shapes are checked by the assertions.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = Record<string, any>;
export type Reply = { status: number; headers: Headers; body: Json };

const routes = {
  verify: verifyRoute.action,
  activate: activateRoute.action,
  validate: validateRoute.action,
  deactivate: deactivateRoute.action,
};

/** POSTs to /api/v1/licenses/<endpoint>: an object goes as a form (default) or as JSON. */
export async function callLicenseApi(
  endpoint: keyof typeof routes,
  fields: Record<string, unknown> | string,
  options: { as?: "form" | "json" | "vnd"; ip?: string } = {},
): Promise<Reply> {
  const as = options.as ?? "form";
  const contentType =
    as === "form"
      ? "application/x-www-form-urlencoded"
      : as === "json"
        ? "application/json"
        : "application/vnd.api+json";
  const body =
    typeof fields === "string"
      ? fields
      : as === "form"
        ? new URLSearchParams(fields as Record<string, string>).toString()
        : JSON.stringify(fields);
  const response = expectResponse(
    await callRoute(
      routes[endpoint],
      requestAs(null, `/api/v1/licenses/${endpoint}`, {
        method: "POST",
        headers: { "Content-Type": contentType, Accept: "application/json" },
        body,
      }),
      {},
      testContext({ clientAddress: options.ip ?? nextAddress() }),
    ),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  };
}
