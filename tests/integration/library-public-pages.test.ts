// Template links, agent guides, prompt texts and files are revealed only in the library: the public
// listing page, the shop page, the catalogue and search never carry them in their loader data (which is both
// the HTML's hydration data and the single-fetch `.data` answer), for any listing type and whoever
// looks, the buyer included. The library shows them to the entitled buyer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListingType } from "~/generated/prisma/enums.ts";
import * as catalogue from "~/routes/_index/route.tsx";
import * as itemPage from "~/routes/library.$entitlementId/route.tsx";
import * as listingPage from "~/routes/p.$slug/route.tsx";
import * as shopPage from "~/routes/s.$handle/route.tsx";
import * as searchPage from "~/routes/search/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { publishedListing, purchase, unique } from "./library-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const TYPES: ListingType[] = ["PROMPT", "TEMPLATE", "AGENT", "BUNDLE"];

describe("paid parts", () => {
  it("never reach a public page, for any type or visitor, and all reach the buyer's library", async () => {
    const sale = await createListingForSale();
    const buyer = await prisma.user.create({ data: { email: `owner-${unique()}@example.com` } });
    const stranger = await prisma.user.create({ data: { email: `visitor-${unique()}@example.com` } });
    const viewers = { anonymous: null, stranger: await signIn(stranger.id), buyer: await signIn(buyer.id) };

    for (const type of TYPES) {
      const { listing, paid } = await publishedListing(sale.shop.id, { type });
      const file = await prisma.listingFile.findFirstOrThrow({ where: { listingId: listing.id } });
      const { entitlements } = await purchase(buyer.id, sale.shop.id, [listing.id]);
      const secrets = [
        paid.body.split("\n")[0] as string,
        paid.instructions,
        paid.modelNotes,
        paid.guide,
        ...(paid.templateUrl ? [paid.templateUrl] : []),
        file.storageKey,
        `/downloads/${file.id}`,
      ];

      for (const [who, cookie] of Object.entries(viewers)) {
        const pages = {
          listing: await callRoute(listingPage.loader, requestAs(cookie, `/p/${listing.slug}`), {
            slug: listing.slug,
          }),
          shop: await callRoute(shopPage.loader, requestAs(cookie, `/s/${sale.shop.handle}`), {
            handle: sale.shop.handle,
          }),
          catalogue: await callRoute(catalogue.loader, requestAs(cookie, "/")),
          search: await callRoute(
            searchPage.loader,
            requestAs(cookie, `/search?q=${encodeURIComponent(listing.title)}`),
          ),
        };
        for (const [name, outcome] of Object.entries(pages)) {
          const serialized = JSON.stringify(expectData(outcome).data);
          if (name === "listing" || name === "search")
            expect(serialized, `${name} page of a ${type} for ${who}`).toContain(listing.title);
          for (const secret of secrets)
            expect(
              serialized.includes(secret),
              `${name} page of a ${type} for ${who} carries "${secret}"`,
            ).toBe(false);
        }
      }

      // The buyer's library has every part.
      const entitlementId = entitlements.find((row) => row.listingId === listing.id)?.id as string;
      const { data } = expectData(
        await callRoute(itemPage.loader, requestAs(viewers.buyer, `/library/${entitlementId}`), {
          entitlementId,
        }),
      );
      const library = JSON.stringify(data);
      for (const secret of secrets.filter((secret) => !secret.startsWith("listings/")))
        expect(library.includes(secret), `the library's ${type} lacks "${secret}"`).toBe(true);
      if (type === "TEMPLATE") expect(data.details.templateUrl).toBe(paid.templateUrl);
      expect(library.includes(file.storageKey), "the storage key stays on the server").toBe(false);
    }
  });
});
