// After a review: the seller replies once (the buyer is emailed through the outbox), signed-in
// visitors report it once each, and an admin hides it (off the page, out of the rating).
import { describe, expect, it } from "vitest";
import * as adminReviewsRoute from "~/routes/admin.reviews/route.tsx";
import * as shopReviewsRoute from "~/routes/dashboard.reviews/route.tsx";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import * as reportReviewRoute from "~/routes/reviews.$reviewId.report/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { expectData, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import { type FormReply, formErrors } from "./licensing-manage-fixtures.ts";
import {
  admin,
  aReview,
  callRoute,
  createUser,
  kept,
  listingWithBuyer,
  postAs,
  postReview,
  requestAs,
  sellerWithListing,
  signIn,
  testContext,
} from "./reviews-fixtures.ts";

Object.assign(process.env, testEnv);

async function reviewed() {
  const setup = await listingWithBuyer();
  expectResponse(
    await postReview(setup.buyerCookie, setup.listing.slug, aReview(2, "It missed the tone I asked for.")),
  );
  const review = await prisma.review.findFirstOrThrow({ where: { listingId: setup.listing.id } });
  return { ...setup, review, sellerCookie: await signIn(setup.seller.id) };
}

const reply = (cookie: string, fields: Record<string, string>) =>
  callRoute(shopReviewsRoute.action, postAs(cookie, "/dashboard/reviews", fields));

describe("the seller's reply", () => {
  it("is written once, shown under the review, and emailed to the buyer", async () => {
    const { listing, sale, review, sellerCookie } = await reviewed();
    const list = expectData(
      await callRoute(shopReviewsRoute.loader, requestAs(sellerCookie, "/dashboard/reviews")),
    ).data;
    expect(list.reviews).toEqual([expect.objectContaining({ id: review.id, sellerReply: null })]);

    const first = expectData<FormReply>(
      await reply(sellerCookie, { reviewId: review.id, reply: "Thanks: version 2 has a tone setting." }),
    );
    expect(first.status).toBe(200);
    const email = await prisma.emailMessage.findFirstOrThrow({
      where: { idempotencyKey: `review-reply:${review.id}` },
    });
    expect(email.to).toBe(sale.buyer.email);
    expect(email.text).toContain("version 2 has a tone setting");

    const again = expectData<FormReply>(
      await reply(sellerCookie, { reviewId: review.id, reply: "Changed my mind." }),
    );
    expect(again.status).toBe(409);
    expect(formErrors(again.data).join(" ")).toMatch(/already replied/);
    expect((await prisma.review.findUniqueOrThrow({ where: { id: review.id } })).sellerReply).toBe(
      "Thanks: version 2 has a tone setting.",
    );
    expect(await prisma.emailMessage.count({ where: { idempotencyKey: `review-reply:${review.id}` } })).toBe(
      1,
    );

    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    expect(page.reviews.shown[0]).toMatchObject({ sellerReply: "Thanks: version 2 has a tone setting." });
  });

  it("is refused for another shop's review like a missing one (404), and for bad input (400)", async () => {
    const { review } = await reviewed();
    const other = await sellerWithListing("OTHER");
    const otherCookie = await signIn(other.seller.id);
    const foreign = expectData<FormReply>(
      await reply(otherCookie, { reviewId: review.id, reply: "Not my review." }),
    );
    expect(foreign.status).toBe(404);
    const missing = expectData<FormReply>(
      await reply(otherCookie, { reviewId: "cmissing00000000000000000", reply: "Nobody's review." }),
    );
    expect(missing.status).toBe(404);
    for (const fields of [
      { reviewId: review.id, reply: "" },
      { reviewId: "../x", reply: "Hello there" },
      { reviewId: review.id, reply: "x".repeat(2001) },
    ]) {
      expect(expectData(await reply(otherCookie, fields)).status).toBe(400);
    }
    expect((await prisma.review.findUniqueOrThrow({ where: { id: review.id } })).sellerReply).toBeNull();
    // A buyer has no dashboard.
    const buyer = await signIn((await createUser()).id);
    expect(expectResponse(await reply(buyer, { reviewId: review.id, reply: "Hi" })).status).toBe(403);
  });
});

describe("reporting a review and hiding it", () => {
  it("takes one report per visitor, never the author's, and the admin hides it out of the rating", async () => {
    const { listing, review, buyerCookie } = await reviewed();
    const visitor = await signIn((await createUser()).id);
    const report = (cookie: string | null, reason: string, address = "192.0.2.50") =>
      callRoute(
        reportReviewRoute.action,
        postAs(cookie, `/reviews/${review.id}/report`, { reason }),
        { reviewId: review.id },
        testContext({ clientAddress: address }),
      );

    const sent = expectData<{ done?: boolean }>(await report(visitor, "Spam: it advertises another shop."));
    expect(sent.status).toBe(200);
    expect(sent.data.done).toBe(true);
    const twice = expectData<FormReply>(await report(visitor, "Again, it is spam."));
    expect(twice.status).toBe(409);
    expect(formErrors(twice.data).join(" ")).toMatch(/already reported/);
    const own = expectData<FormReply>(await report(buyerCookie, "My own review is wrong."));
    expect(own.status).toBe(409);
    expect(expectResponse(await report(null, "Anonymous reports need an account.")).status).toBe(302);
    expect(await prisma.reviewReport.count({ where: { reviewId: review.id } })).toBe(1);

    const { cookie: adminCookie } = await admin();
    const queue = expectData(
      await callRoute(adminReviewsRoute.loader, requestAs(adminCookie, "/admin/reviews")),
    ).data;
    expect(queue.reviews).toContainEqual(
      expect.objectContaining({
        id: review.id,
        reports: [expect.objectContaining({ reason: "Spam: it advertises another shop." })],
      }),
    );
    expect(await kept(listing.id)).toEqual({ ratingCount: 1, ratingSum: 2 });
    const hide = await callRoute(
      adminReviewsRoute.action,
      postAs(adminCookie, "/admin/reviews", { intent: "hide", reviewId: review.id }),
    );
    expect(expectData(hide).status).toBe(200);
    expect(await kept(listing.id)).toEqual({ ratingCount: 0, ratingSum: 0 });
    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    expect(page.reviews.shown).toEqual([]);
    expect(page.listing.rating).toEqual({ average: null, count: 0 });
    // A hidden review cannot be reported any more (it is not there).
    expect(expectResponse(await report(visitor, "Still there?")).status).toBe(404);

    await callRoute(
      adminReviewsRoute.action,
      postAs(adminCookie, "/admin/reviews", { intent: "unhide", reviewId: review.id }),
    );
    expect(await kept(listing.id)).toEqual({ ratingCount: 1, ratingSum: 2 });

    // Only admins: everyone else gets the page-not-found answer.
    for (const cookie of [null, visitor, buyerCookie]) {
      const outcome = await callRoute(
        adminReviewsRoute.action,
        postAs(cookie, "/admin/reviews", { intent: "hide", reviewId: review.id }),
      );
      expect(expectResponse(outcome).status).toBe(404);
    }
    expect((await prisma.review.findUniqueOrThrow({ where: { id: review.id } })).hiddenAt).toBeNull();
  });
});
