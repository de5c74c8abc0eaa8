// Listings for the search tests, made straight in the database (no Stripe: search never pays).
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { testEnv } from "../support/test-env.ts";

// Search needs only the database; the app's settings check still wants the rest.
for (const [name, value] of Object.entries(testEnv)) process.env[name] ??= value;

export const unique = () => randomBytes(5).toString("hex");

export async function createSearchShop(name = `Search shop ${unique()}`) {
  const id = unique();
  const owner = await prisma.user.create({ data: { email: `search-${id}@example.com`, role: "SELLER" } });
  return prisma.shop.create({ data: { ownerId: owner.id, handle: `search-${id}`, name } });
}

export type SearchListingInput = Partial<
  Pick<
    Prisma.ListingUncheckedCreateInput,
    | "type"
    | "status"
    | "tagline"
    | "description"
    | "aiModels"
    | "category"
    | "priceAmount"
    | "currency"
    | "language"
    | "tags"
    | "ratingCount"
    | "ratingSum"
    | "salesCount"
    | "takenDownAt"
    | "publishedAt"
  >
> & { title: string; prices?: { currency: string; amount: number }[] };

/** A published listing (unless told otherwise) with one licence tier priced as given. */
export async function createSearchListing(shopId: string, input: SearchListingInput) {
  const { prices, ...fields } = input;
  const id = unique();
  const priceAmount = fields.priceAmount ?? prices?.[0]?.amount ?? 900;
  const currency = fields.currency ?? prices?.[0]?.currency ?? "EUR";
  return prisma.listing.create({
    data: {
      shopId,
      slug: `search-${id}`,
      type: "PROMPT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      tagline: "A ready-made prompt",
      description: "Use it as it is or change it to fit.",
      aiModels: ["ChatGPT"],
      category: "Marketing",
      ...fields,
      priceAmount,
      currency,
      tiers: {
        create: {
          name: "Personal",
          position: 0,
          prices: { create: prices ?? [{ currency, amount: priceAmount }] },
        },
      },
    },
  });
}
