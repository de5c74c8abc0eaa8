// Reviews and reports through the real routes: a shop with a listing, buyers made by the real
// grants code (a paid order item, a plan, a gift), and helpers that post the pages' forms.
import * as reviewRoute from "~/routes/p.$slug_.review/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, testContext } from "../support/routes.ts";
import { postAs, purchase, sellerWithListing } from "./licensing-manage-fixtures.ts";

export { planSubscriber, postAs, purchase, refund, sellerWithListing } from "./licensing-manage-fixtures.ts";

/** A seller's published listing and a buyer who paid for it (signed in). */
export async function listingWithBuyer() {
  const { seller, shop, listing } = await sellerWithListing("REVIEW");
  const sale = await purchase(shop.id, listing);
  return { seller, shop, listing, sale, buyerCookie: await signIn(sale.buyer.id) };
}

/** Another paid buyer of the same listing, signed in. */
export async function anotherBuyer(shopId: string, listing: { id: string; title: string }) {
  const sale = await purchase(shopId, listing);
  return { ...sale, cookie: await signIn(sale.buyer.id) };
}

export function postReview(
  cookie: string | null,
  slug: string,
  fields: { rating: string; body: string; proofText?: string },
) {
  return callRoute(reviewRoute.action, postAs(cookie, `/p/${slug}/review`, fields), { slug });
}

export const aReview = (rating: number, body = `Rated ${rating}: it wrote openers that got replies.`) => ({
  rating: String(rating),
  body,
});

export async function kept(listingId: string) {
  return prisma.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: { ratingCount: true, ratingSum: true },
  });
}

/** The kept numbers must equal a recount of visible reviews, always. */
export async function recount(listingId: string) {
  const visible = await prisma.review.aggregate({
    where: { listingId, hiddenAt: null },
    _count: { _all: true },
    _sum: { rating: true },
  });
  return { ratingCount: visible._count._all, ratingSum: visible._sum.rating ?? 0 };
}

export async function admin() {
  const user = await prisma.user.create({
    data: {
      email: `admin-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`,
      role: "ADMIN",
    },
  });
  return { user, cookie: await signIn(user.id) };
}

export { callRoute, createUser, requestAs, signIn, testContext };
