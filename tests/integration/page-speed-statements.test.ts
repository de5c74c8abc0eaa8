// The listing page and the shop page each read the database in ONE statement (ADR 33), plus the
// session lookup for a signed-in visitor, and give exactly what the Prisma reads they replaced gave
// (page-speed-reference.ts). A count, not a timing: a change that adds a query per page fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { findReviewsPage } from "~/modules/listings/storefront.server.ts";
import { listingReviews, ratingDistribution } from "~/modules/reviews/reviews.server.ts";
import * as listingPage from "~/routes/p.$slug/route.tsx";
import * as reviewsPage from "~/routes/p.$slug_.reviews/route.tsx";
import * as shopPage from "~/routes/s.$handle/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { getSessionUser } from "~/utils/session.server.ts";
import { requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { countStatements, type PageSpeedWorld, pageSpeedWorld } from "./page-speed-fixtures.ts";
import { referenceListingPage, referenceShopPage } from "./page-speed-reference.ts";

let world: PageSpeedWorld;
let cookies: Record<"buyer" | "itemOwner" | "stranger" | "owner", string>;
beforeAll(async () => {
  world = await pageSpeedWorld();
  cookies = {
    buyer: await signIn(world.users.buyer.id),
    itemOwner: await signIn(world.users.itemOwner.id),
    stranger: await signIn(world.users.stranger.id),
    owner: await signIn(world.owner.id),
  };
});

const listingUrl = (slug: string) => `http://stapel.test/p/${slug}`;

async function listingLoader(slug: string, cookie: string | null, headers: Record<string, string> = {}) {
  const request = requestAs(cookie, listingUrl(slug), { headers });
  return countStatements(async () => expectData(await callRoute(listingPage.loader, request, { slug })).data);
}

describe("the listing page", () => {
  it("is one statement for an anonymous visitor, and two (the session) when signed in", async () => {
    const anonymous = await listingLoader(world.main.slug, null);
    expect(anonymous.statements).toHaveLength(1);
    expect(anonymous.statements[0]).toContain("json_build_object");

    for (const cookie of Object.values(cookies)) {
      // The session lookup reads session, user and shop in one statement.
      const lookup = await countStatements(() =>
        getSessionUser(requestAs(cookie, listingUrl(world.main.slug))),
      );
      expect(lookup.result).not.toBeNull();
      expect(lookup.statements).toHaveLength(1);
      const signedIn = await listingLoader(world.main.slug, cookie);
      expect(signedIn.statements).toHaveLength(2);
    }
  });

  it("gives what the Prisma reads gave, for every kind of visitor, listing and currency", async () => {
    const viewers = [
      { cookie: null, user: null },
      { cookie: cookies.buyer, user: world.users.buyer },
      { cookie: cookies.itemOwner, user: world.users.itemOwner },
      { cookie: cookies.stranger, user: world.users.stranger },
      { cookie: cookies.owner, user: world.owner },
    ];
    const listings = [world.main, world.bundle, ...world.items];
    const languages: {
      headers: Record<string, string>;
      buyer: { chosenCurrency: null; acceptLanguage: string | null };
    }[] = [
      { headers: {}, buyer: { chosenCurrency: null, acceptLanguage: null } },
      { headers: { "Accept-Language": "en-US" }, buyer: { chosenCurrency: null, acceptLanguage: "en-US" } },
    ];
    // Every viewer on every listing; the currencies on the main listing (the one with two).
    const cases = listings.flatMap((listing) =>
      viewers.flatMap((viewer) =>
        (listing === world.main ? languages : languages.slice(0, 1)).map((language) => ({
          listing,
          viewer,
          language,
        })),
      ),
    );
    for (const { listing, viewer, language } of cases) {
      const { result } = await listingLoader(listing.slug, viewer.cookie, language.headers);
      const expected = await referenceListingPage(
        listing.slug,
        viewer.user,
        language.buyer,
        `http://stapel.test/p/${listing.slug}`,
      );
      expect(result, `${listing.title} for ${viewer.user?.id ?? "anonymous"}`).toEqual(expected);
    }
  }, 120_000);

  it("shows what the world holds: first reviews, bars, plans, tiers, owned bundle items", async () => {
    const { result } = await listingLoader(world.main.slug, cookies.buyer);
    expect(result.reviews.shown.map((review: { author: string }) => review.author)).toEqual([
      "Reviewer 8",
      "Reviewer 7",
      "Reviewer 6",
      "Reviewer 5",
      "Deleted user",
    ]);
    expect(result.reviews.distribution).toEqual([
      { stars: 5, count: 4 },
      { stars: 4, count: 2 },
      { stars: 3, count: 1 },
      { stars: 2, count: 1 },
      { stars: 1, count: 1 },
    ]);
    expect(result.reviews.hasOwnReview).toBe(true);
    expect(result.owned).toBe(true);
    expect(result.plans.map((plan: { name: string }) => plan.name)).toEqual([
      "Everything",
      "Marketing club",
      "Hand-picked",
    ]);
    expect(result.offer.tiers.map((tier: { name: string }) => tier.name)).toEqual(["Personal", "Commercial"]);
    expect(result.listing.publishedAt).toBeInstanceOf(Date);

    const bundle = await listingLoader(world.bundle.slug, cookies.itemOwner);
    expect(bundle.result.ownedBundleItemSlugs).toEqual([world.items[0]?.slug]);
  });

  it("never carries the paid content or licence texts", async () => {
    const { result } = await listingLoader(world.main.slug, cookies.buyer);
    const text = JSON.stringify(result);
    for (const secret of ["PAID-PROMPT-BODY", "PAID-GUIDE", "PAID-LICENCE-TEXT", "storageKey", "k/"])
      expect(text).not.toContain(secret);
  });

  it("answers a moved address with 301 and a taken-down listing with 410, as before", async () => {
    await prisma.listingSlug.create({
      data: { slug: `old-${world.items[0]?.slug}`, listingId: world.items[0]?.id as string },
    });
    const moved = await callRoute(
      listingPage.loader,
      requestAs(null, listingUrl(`old-${world.items[0]?.slug}`)),
      {
        slug: `old-${world.items[0]?.slug}`,
      },
    );
    expect(moved.kind === "response" && moved.response.status).toBe(301);
    const gone = await callRoute(listingPage.loader, requestAs(null, listingUrl(world.hidden.slug)), {
      slug: world.hidden.slug,
    });
    expect(gone.kind === "response" && gone.response.status).toBe(410);
  });
});

describe("the shop page", () => {
  it("is one statement and gives what the Prisma reads gave", async () => {
    for (const cookie of [null, cookies.buyer]) {
      const request = requestAs(cookie, `http://stapel.test/s/${world.shop.handle}`);
      const { result, statements } = await countStatements(async () =>
        expectData(await callRoute(shopPage.loader, request, { handle: world.shop.handle })),
      );
      expect(statements).toHaveLength(1);
      expect(result.data).toEqual(
        await referenceShopPage(world.shop.handle, `http://stapel.test/s/${world.shop.handle}`),
      );
      expect(
        result.data.plans.map((plan: { name: string; listingCount: number }) => [
          plan.name,
          plan.listingCount,
        ]),
      ).toEqual([
        ["Everything", 4],
        ["Marketing club", 3],
        ["Hand-picked", 2],
        ["Writing club", 1],
      ]);
    }
  });
});

describe("all reviews", () => {
  it("is one statement a page for an anonymous visitor", async () => {
    const request = requestAs(null, `http://stapel.test/p/${world.main.slug}/reviews`);
    const { result, statements } = await countStatements(async () =>
      expectData(await callRoute(reviewsPage.loader, request, { slug: world.main.slug })),
    );
    expect(statements).toHaveLength(1);
    expect(result.data.reviews).toHaveLength(9);
    expect(result.data.hasMore).toBe(false);
    expect(result.data.listing.rating).toEqual({ average: 3.8, count: 9 });
  });

  it("pages like the Prisma reads did", async () => {
    for (const page of [1, 2, 3, 4]) {
      const found = await findReviewsPage(world.main.slug, page, 4);
      const expected = await listingReviews(world.main.id, page, 4);
      expect(found?.reviews).toEqual(expected.reviews);
      expect(found?.hasMore).toBe(expected.hasMore);
      expect(found?.distribution).toEqual(await ratingDistribution(world.main.id));
    }
    expect(await findReviewsPage(world.hidden.slug, 1, 4)).toBeNull();
  });
});
