// Shared by the listings tests: a seller's shop, the editor's routes called as the browser would,
// and a snapshot of every table the editor writes (to show a refused request stored nothing).
import * as editRoute from "~/routes/dashboard.listings.$listingId/route.tsx";
import * as newRoute from "~/routes/dashboard.listings.new/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createListingForSale, signIn } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import { type FormReply, postAs } from "./plans-fixtures.ts";

export { type FormReply, fieldErrors, postAs } from "./plans-fixtures.ts";

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * A seller (signed in) whose shop already sells one published prompt. The fixture onboards the shop
 * on the sandbox's Connect; `chargesEnabled: false` makes it a shop whose onboarding was left open.
 */
export async function sellerShop(options: { chargesEnabled?: boolean } = {}) {
  const sale = await createListingForSale();
  if (options.chargesEnabled === false) {
    const { connectShop } = await import("../support/fixtures.ts");
    const shop = await prisma.shop.create({
      data: {
        ownerId: (await prisma.user.create({ data: { email: `open-${unique()}@example.com` } })).id,
        handle: `open-${unique()}`,
        name: "Open shop",
      },
    });
    await connectShop(shop.id, "leave-open");
    const owner = await prisma.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { ownerId: true } });
    return { ...sale, shop, cookie: await signIn(owner.ownerId) };
  }
  return { ...sale, cookie: await signIn(sale.seller.id) };
}

export const promptFields = (overrides: Record<string, string | string[]> = {}) => ({
  type: "PROMPT",
  title: `Blog post outliner ${unique()}`,
  tagline: "Outlines that write themselves",
  description: "Turns a topic into an outline.\n\n- headings\n- **key points**",
  category: "Writing",
  aiModels: "ChatGPT, Claude",
  price: "12.00",
  body: "Outline a post about {{topic}} in a {{tone:enum(formal,casual)}} tone, about {{length:number}} words.\nSources:\n{{source:text}}",
  instructions: "Paste it into a new chat.",
  modelNotes: "Tested with GPT-4o and Claude 3.5 Sonnet.",
  exampleInput0: "Topic: tea",
  exampleOutput0: "1. Why tea\n2. How to brew",
  ...overrides,
});

/** Creates a listing through the new-listing action; returns its id. */
export async function createThroughEditor(cookie: string, fields: Record<string, string | string[]>) {
  const response = expectResponse(
    await callRoute(newRoute.action, postAs(cookie, "/dashboard/listings/new", fields)),
  );
  if (response.status !== 302) throw new Error(`expected a redirect, got ${response.status}`);
  const location = response.headers.get("Location") ?? "";
  return location.split("/")[3]?.split("?")[0] as string;
}

export const newListing = (cookie: string | null, fields: Record<string, string | string[]>) =>
  callRoute<FormReply>(newRoute.action, postAs(cookie, "/dashboard/listings/new", fields));

export const editListing = (
  cookie: string | null,
  listingId: string,
  fields: Record<string, string | string[]>,
) =>
  callRoute<FormReply & { done?: { kind: string; version?: number | null; emailed?: number } }>(
    editRoute.action,
    postAs(cookie, `/dashboard/listings/${listingId}`, fields),
    { listingId },
  );

/** Everything the editor writes, to show that a refused request changed nothing. */
export async function editorTables() {
  const [listings, contents, examples, bundleItems, tiers, prices, slugs, versions, emails] =
    await Promise.all([
      prisma.listing.findMany({ orderBy: { id: "asc" } }),
      prisma.listingContent.findMany({ orderBy: { listingId: "asc" } }),
      prisma.listingExample.findMany({ orderBy: { id: "asc" } }),
      prisma.bundleItem.findMany({ orderBy: [{ bundleId: "asc" }, { listingId: "asc" }] }),
      prisma.licenseTier.findMany({ orderBy: { id: "asc" } }),
      prisma.tierPrice.findMany({ orderBy: [{ tierId: "asc" }, { currency: "asc" }] }),
      prisma.listingSlug.findMany({ orderBy: { slug: "asc" } }),
      prisma.listingVersion.findMany({ orderBy: { id: "asc" } }),
      prisma.emailMessage.count(),
    ]);
  return { listings, contents, examples, bundleItems, tiers, prices, slugs, versions, emails };
}

/** Gives a user access to a listing as a gift would (the simplest grant). */
export async function grantAccess(userId: string, listingId: string) {
  return prisma.entitlement.create({
    data: { userId, listingId, source: "GIFT", grantKey: `test-gift:${listingId}:${userId}` },
  });
}
