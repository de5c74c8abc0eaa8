// Shared by the plans tests: a shop with listings in two categories, form bodies with repeated
// fields, and Stripe reads through the SDK the app itself uses.
import { stripe } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createListingForSale, requestAs } from "../support/fixtures.ts";

let counter = 0;

/** A seller whose shop has a Copywriting prompt (from the fixture), two Design templates and a draft. */
export async function createShopForPlans() {
  const base = await createListingForSale({ priceAmount: 1500, currency: "EUR" });
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const listing = (slug: string, category: string, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") =>
    prisma.listing.create({
      data: {
        shopId: base.shop.id,
        slug: `${slug}-${id}`,
        type: "TEMPLATE",
        status,
        publishedAt: status === "PUBLISHED" ? new Date() : null,
        title: `${slug} ${id}`,
        tagline: "A template",
        description: "A template for designers.",
        aiModels: ["Midjourney"],
        category,
        priceAmount: 900,
        currency: "EUR",
        content: { create: { body: `PAID BODY ${slug} ${id}` } },
      },
    });
  return {
    ...base,
    copywriting: base.listing,
    designA: await listing("design-a", "Design"),
    designB: await listing("design-b", "Design"),
    draft: await listing("draft", "Design", "DRAFT"),
  };
}

/** A form body; arrays become repeated fields, as checkboxes send them. */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body;
}

export const postAs = (cookie: string | null, path: string, fields: Record<string, string | string[]>) =>
  requestAs(cookie, path, { method: "POST", body: formBody(fields) });

export type FormReply = { result: { status?: string; error?: Record<string, string[] | null> } };
export const fieldErrors = (reply: FormReply) => reply.result.error ?? {};

/** Every Price of a Product as Stripe holds it. */
export async function stripePrices(productId: string) {
  const prices = [];
  for await (const price of stripe().prices.list({ product: productId, limit: 100 })) prices.push(price);
  return prices;
}

/** Everything plans-related in the database, to show that a refused request changed nothing. */
export async function planTables() {
  const [plans, prices, listings] = await Promise.all([
    prisma.plan.findMany({ orderBy: { id: "asc" } }),
    prisma.planPrice.findMany({ orderBy: { id: "asc" } }),
    prisma.planListing.findMany({ orderBy: [{ planId: "asc" }, { listingId: "asc" }] }),
  ]);
  return { plans, prices, listings };
}
