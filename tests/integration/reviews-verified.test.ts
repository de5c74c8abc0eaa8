// Reviews by verified buyers, through the real routes: who may review (a paid buyer; not a plan
// subscriber, a refunded buyer, a stranger or the seller), one review per buyer and listing that its
// author edits, the listing's kept rating exact after every write, and the listing page's section.
import { describe, expect, it } from "vitest";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import * as reviewRoute from "~/routes/p.$slug_.review/route.tsx";
import * as allReviewsRoute from "~/routes/p.$slug_.reviews/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { expectData, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import { type FormReply, formErrors } from "./licensing-manage-fixtures.ts";
import {
  anotherBuyer,
  aReview,
  callRoute,
  createUser,
  kept,
  listingWithBuyer,
  planSubscriber,
  postReview,
  recount,
  refund,
  requestAs,
  signIn,
} from "./reviews-fixtures.ts";

Object.assign(process.env, testEnv);

const refused = (outcome: Awaited<ReturnType<typeof postReview>>) => {
  const { data, status } = expectData<FormReply>(outcome);
  return { status, messages: formErrors(data) };
};

describe("who may review", () => {
  it("lets a paid buyer review once, with the purchase, and shows it with the new rating", async () => {
    const { listing, sale, buyerCookie } = await listingWithBuyer();
    const form = await callRoute(reviewRoute.loader, requestAs(buyerCookie, `/p/${listing.slug}/review`), {
      slug: listing.slug,
    });
    expect(expectData(form).status).toBe(200);
    expect(expectData(form).data).toMatchObject({ refusal: null, review: null });

    const posted = expectResponse(
      await postReview(buyerCookie, listing.slug, { ...aReview(4), proofText: "Hi Sam, saw your launch…" }),
    );
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toBe(`/p/${listing.slug}?review=posted#reviews`);
    const review = await prisma.review.findUniqueOrThrow({
      where: { listingId_userId: { listingId: listing.id, userId: sale.buyer.id } },
    });
    expect(review).toMatchObject({
      rating: 4,
      orderItemId: sale.order.items[0]?.id,
      proofText: "Hi Sam, saw your launch…",
    });
    expect(await kept(listing.id)).toEqual({ ratingCount: 1, ratingSum: 4 });

    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    expect(page.listing.rating).toEqual({ average: 4, count: 1 });
    expect(page.reviews.shown).toEqual([
      expect.objectContaining({
        rating: 4,
        verified: true,
        proofText: "Hi Sam, saw your launch…",
        sellerReply: null,
      }),
    ]);
    expect(page.reviews.distribution).toEqual([
      { stars: 5, count: 0 },
      { stars: 4, count: 1 },
      { stars: 3, count: 0 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
    ]);
  });

  it("refuses a stranger, the seller, a plan subscriber and a refunded buyer, with a message and nothing written", async () => {
    const { seller, shop, listing } = await listingWithBuyer();
    const stranger = await signIn((await createUser()).id);
    const sellerCookie = await signIn(seller.id);
    const member = await planSubscriber(shop.id, listing.id);
    const memberCookie = await signIn(member.buyer.id);
    const refunded = await anotherBuyer(shop.id, listing);
    await refund(refunded.entitlement.id);

    const cases: [string, string, RegExp][] = [
      ["stranger", stranger, /Only buyers of this listing can review it/],
      ["seller", sellerCookie, /cannot review your own listing/],
      ["plan subscriber", memberCookie, /through a plan/],
      ["refunded buyer", refunded.cookie, /refunded or disputed/],
    ];
    for (const [who, cookie, message] of cases) {
      const { status, messages } = refused(await postReview(cookie, listing.slug, aReview(1)));
      expect(status, who).toBe(403);
      expect(messages.join(" "), who).toMatch(message);
      const page = await callRoute(reviewRoute.loader, requestAs(cookie, `/p/${listing.slug}/review`), {
        slug: listing.slug,
      });
      expect(expectData(page).status, who).toBe(403);
      expect(expectData(page).data.refusal, who).toMatch(message);
    }
    expect(await prisma.review.count({ where: { listingId: listing.id } })).toBe(0);
    expect(await kept(listing.id)).toEqual({ ratingCount: 0, ratingSum: 0 });
    // Signed out: sent to sign in first.
    const anonymous = expectResponse(await postReview(null, listing.slug, aReview(5)));
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("keeps one review per buyer: posting again edits it, and a second purchase does not add one", async () => {
    const { shop, listing, sale, buyerCookie } = await listingWithBuyer();
    expectResponse(await postReview(buyerCookie, listing.slug, aReview(2)));
    // The same buyer buys again: still one review, now edited.
    const order = await prisma.order.create({
      data: {
        shopId: shop.id,
        buyerId: sale.buyer.id,
        email: sale.buyer.email,
        currency: "EUR",
        status: "PAID",
        subtotalAmount: 900,
        totalAmount: 900,
        items: { create: { listingId: listing.id, title: listing.title, unitAmount: 900, currency: "EUR" } },
      },
    });
    expect(order.status).toBe("PAID");
    const edited = expectResponse(
      await postReview(buyerCookie, listing.slug, aReview(5, "Better after the update: 5 stars.")),
    );
    expect(edited.headers.get("Location")).toBe(`/p/${listing.slug}?review=updated#reviews`);
    const rows = await prisma.review.findMany({ where: { listingId: listing.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 5, body: "Better after the update: 5 stars." });
    expect(await kept(listing.id)).toEqual({ ratingCount: 1, ratingSum: 5 });
    const form = expectData(
      await callRoute(reviewRoute.loader, requestAs(buyerCookie, `/p/${listing.slug}/review`), {
        slug: listing.slug,
      }),
    ).data;
    expect(form.review).toMatchObject({
      rating: 5,
      body: "Better after the update: 5 stars.",
      hidden: false,
    });
  });

  it("answers bad input with 400 and field messages, writing nothing", async () => {
    const { listing, buyerCookie } = await listingWithBuyer();
    for (const fields of [
      { rating: "0", body: "Long enough to count as a review." },
      { rating: "6", body: "Long enough to count as a review." },
      { rating: "four", body: "Long enough to count as a review." },
      { rating: "4", body: "short" },
      { rating: "4", body: "x".repeat(2001) },
      { rating: "4", body: "Long enough to count as a review.", proofText: "y".repeat(4001) },
      { rating: "4", body: "Null \u0000 byte in the middle of it." },
    ]) {
      const { status, messages } = refused(await postReview(buyerCookie, listing.slug, fields));
      expect(status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(messages.length).toBeGreaterThan(0);
    }
    expect(await prisma.review.count({ where: { listingId: listing.id } })).toBe(0);
    // A listing that does not exist is a 404, like any missing page.
    const missing = await postReview(buyerCookie, "no-such-listing", aReview(3));
    expect(expectResponse(missing).status).toBe(404);
  });
});

describe("the kept rating", () => {
  it("stays equal to a recount after creates, edits, hiding and showing again", async () => {
    const { shop, listing, buyerCookie } = await listingWithBuyer();
    const second = await anotherBuyer(shop.id, listing);
    const third = await anotherBuyer(shop.id, listing);
    expectResponse(await postReview(buyerCookie, listing.slug, aReview(5)));
    expectResponse(await postReview(second.cookie, listing.slug, aReview(3)));
    expectResponse(await postReview(third.cookie, listing.slug, aReview(4)));
    expect(await kept(listing.id)).toEqual({ ratingCount: 3, ratingSum: 12 });
    expectResponse(await postReview(second.cookie, listing.slug, aReview(1)));
    expect(await kept(listing.id)).toEqual({ ratingCount: 3, ratingSum: 10 });
    expect(await kept(listing.id)).toEqual(await recount(listing.id));

    const { setReviewHidden } = await import("~/modules/reviews/moderation.server.ts");
    const hidden = await prisma.review.findFirstOrThrow({ where: { listingId: listing.id, rating: 1 } });
    await setReviewHidden(hidden.id, true);
    await setReviewHidden(hidden.id, true); // twice counts once
    expect(await kept(listing.id)).toEqual({ ratingCount: 2, ratingSum: 9 });
    // The hidden review's author edits it: still hidden, still not counted.
    expectResponse(await postReview(second.cookie, listing.slug, aReview(2)));
    expect(await kept(listing.id)).toEqual({ ratingCount: 2, ratingSum: 9 });
    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    expect(page.listing.rating).toEqual({ average: 4.5, count: 2 });
    expect(page.reviews.shown.map((review: { rating: number }) => review.rating).sort()).toEqual([4, 5]);

    await setReviewHidden(hidden.id, false);
    expect(await kept(listing.id)).toEqual({ ratingCount: 3, ratingSum: 11 });
    expect(await kept(listing.id)).toEqual(await recount(listing.id));
  });

  it("counts two first reviews sent at once both (the increment is atomic)", async () => {
    const { shop, listing, buyerCookie } = await listingWithBuyer();
    const second = await anotherBuyer(shop.id, listing);
    await Promise.all([
      postReview(buyerCookie, listing.slug, aReview(5)),
      postReview(second.cookie, listing.slug, aReview(2)),
    ]);
    expect(await kept(listing.id)).toEqual({ ratingCount: 2, ratingSum: 7 });
  });
});

describe("the listing page", () => {
  it("shows the newest five with a link to all, pages the rest, and puts the rating in JSON-LD", async () => {
    const { shop, listing, buyerCookie } = await listingWithBuyer();
    expectResponse(
      await postReview(buyerCookie, listing.slug, aReview(5, "The first review </script><b>x</b>")),
    );
    for (let index = 0; index < 11; index++) {
      const buyer = await anotherBuyer(shop.id, listing);
      expectResponse(await postReview(buyer.cookie, listing.slug, aReview(index % 2 === 0 ? 4 : 3)));
    }
    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    expect(page.reviews.shown).toHaveLength(5);
    expect(page.listing.rating.count).toBe(12);
    expect(page.listing.rating.average).toBe(Math.round(((5 + 6 * 4 + 5 * 3) / 12) * 10) / 10);

    const meta = listingRoute.meta({ data: page } as never) as Record<string, unknown>[];
    const jsonLd = meta.find((tag) => "script:ld+json" in tag)?.["script:ld+json"] as Record<string, unknown>;
    expect(jsonLd.aggregateRating).toMatchObject({
      ratingValue: page.listing.rating.average,
      reviewCount: 12,
    });
    expect(jsonLd.review).toHaveLength(3);

    const first = expectData(
      await callRoute(allReviewsRoute.loader, requestAs(null, `/p/${listing.slug}/reviews`), {
        slug: listing.slug,
      }),
    ).data;
    expect(first.reviews).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    const second = expectData(
      await callRoute(allReviewsRoute.loader, requestAs(null, `/p/${listing.slug}/reviews?page=2`), {
        slug: listing.slug,
      }),
    ).data;
    expect(second.reviews).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    expect(second.reviews.at(-1).body).toContain("The first review");
    const ids = new Set([...first.reviews, ...second.reviews].map((review: { id: string }) => review.id));
    expect(ids.size).toBe(12);
  });

  it("has no aggregateRating without reviews", async () => {
    const { listing } = await listingWithBuyer();
    const page = expectData(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    ).data;
    const meta = listingRoute.meta({ data: page } as never) as Record<string, unknown>[];
    const jsonLd = meta.find((tag) => "script:ld+json" in tag)?.["script:ld+json"] as Record<string, unknown>;
    expect(jsonLd).not.toHaveProperty("aggregateRating");
    expect(jsonLd).not.toHaveProperty("review");
  });
});
