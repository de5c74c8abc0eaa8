// Pages that reach: Open Graph pictures (PNG 1200×630, ETag and 304, public fields only for every
// listing type), the listing's and shop's canonical/OG/Twitter tags, the paged sitemap, the embed
// page, and the HTTP layer's framing rule (only /embed/p/<slug> may be framed).
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListingType } from "~/generated/prisma/enums.ts";
import { fileStore } from "~/integrations/storage.server.ts";
import { listingSitemapPage, sitemapIndex } from "~/modules/catalog/sitemap.server.ts";
import { openImageVariant } from "~/modules/media/images.server.ts";
import { listingOgImage } from "~/modules/reach/og-image.server.ts";
import * as sitemapIndexRoute from "~/routes/[sitemap.xml]/route.ts";
import * as embedRoute from "~/routes/embed.p.$slug/route.ts";
import * as ogListingRoute from "~/routes/og.p.$slug/route.ts";
import * as ogShopRoute from "~/routes/og.s.$handle/route.ts";
import * as listingPage from "~/routes/p.$slug/route.tsx";
import * as shopPage from "~/routes/s.$handle/route.tsx";
import * as sitemapsRoute from "~/routes/sitemaps.$name/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { addDemoCovers } from "../../prisma/demo-covers.ts";
import { isFramablePath, securityHeaders } from "../../server/http/security-headers.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { publishedListing } from "./library-fixtures.ts";

const TYPES: ListingType[] = ["PROMPT", "TEMPLATE", "AGENT", "BUNDLE"];

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function paidSecrets(listingId: string) {
  const content = await prisma.listingContent.findUniqueOrThrow({ where: { listingId } });
  const listing = await prisma.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: { teaser: true },
  });
  const file = await prisma.listingFile.findFirst({ where: { listingId } });
  return [
    content.body.split("\n")[0] as string,
    content.instructions,
    content.modelNotes,
    content.guide,
    content.templateUrl,
    listing.teaser,
    file?.storageKey,
  ].filter((value): value is string => Boolean(value && value.length > 3));
}

describe("demo covers", () => {
  it("give a listing without a cover a drawn one, stored as webp variants, drawn again never", async () => {
    const { listing } = await createListingForSale();
    expect(await addDemoCovers(prisma, fileStore())).toBeGreaterThanOrEqual(1);
    const cover = await prisma.listing.findUniqueOrThrow({
      where: { id: listing.id },
      select: {
        updatedAt: true,
        coverImage: { select: { id: true, widths: true, width: true, height: true } },
      },
    });
    expect(cover.coverImage).toMatchObject({ widths: [320, 640, 960, 1280], width: 1280, height: 720 });
    expect(cover.updatedAt.getTime()).toBe(listing.updatedAt.getTime());
    const variant = await openImageVariant(cover.coverImage?.id as string, "640.webp");
    expect(variant.kind).toBe("variant");
    if (variant.kind === "variant") variant.stream.destroy();
    expect(await addDemoCovers(prisma, fileStore())).toBe(0);
    // The listing's Open Graph picture now carries the cover.
    expect(await (await listingOgImage(listing.slug))?.svg()).toContain("data:image/png;base64,");
  });
});

describe("Open Graph images", () => {
  it("are 1200×630 PNGs with an ETag that answers 304, for listings and shops", async () => {
    const { listing, shop } = await createListingForSale();
    const url = `/og/p/${listing.slug}.png`;
    const response = expectResponse(
      await callRoute(ogListingRoute.loader, requestAs(null, url), { slug: `${listing.slug}.png` }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get("ETag") as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);

    const again = expectResponse(
      await callRoute(ogListingRoute.loader, requestAs(null, url, { headers: { "If-None-Match": etag } }), {
        slug: `${listing.slug}.png`,
      }),
    );
    expect(again.status).toBe(304);
    // A price change is a new picture.
    await prisma.listing.update({ where: { id: listing.id }, data: { priceAmount: 1900 } });
    const changed = expectResponse(
      await callRoute(ogListingRoute.loader, requestAs(null, url, { headers: { "If-None-Match": etag } }), {
        slug: `${listing.slug}.png`,
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);

    const shopImage = expectResponse(
      await callRoute(ogShopRoute.loader, requestAs(null, `/og/s/${shop.handle}.png`), {
        handle: `${shop.handle}.png`,
      }),
    );
    const shopMeta = await sharp(Buffer.from(await shopImage.arrayBuffer())).metadata();
    expect([shopImage.status, shopMeta.width, shopMeta.height]).toEqual([200, 1200, 630]);
  });

  it("404 for drafts, taken-down, unknown listings and names without .png", async () => {
    const { listing, shop } = await createListingForSale();
    const status = async (slug: string) =>
      expectResponse(await callRoute(ogListingRoute.loader, requestAs(null, `/og/p/${slug}`), { slug }))
        .status;
    expect(await status(listing.slug)).toBe(404);
    expect(await status("no-such-listing.png")).toBe(404);
    expect(await status("..%2F.png")).toBe(404);
    await prisma.listing.update({ where: { id: listing.id }, data: { takenDownAt: new Date() } });
    expect(await status(`${listing.slug}.png`)).toBe(404);
    await prisma.listing.update({ where: { id: listing.id }, data: { takenDownAt: null, status: "DRAFT" } });
    expect(await status(`${listing.slug}.png`)).toBe(404);
    const shopStatus = expectResponse(
      await callRoute(ogShopRoute.loader, requestAs(null, "/og/s/nobody-here.png"), {
        handle: "nobody-here.png",
      }),
    ).status;
    expect(shopStatus).toBe(404);
    expect(shop.handle).toBeTruthy();
  });

  it("draw public fields only: no paid part or teaser of any listing type, in the picture or the embed page", async () => {
    const { shop } = await createListingForSale();
    for (const type of TYPES) {
      const { listing } = await publishedListing(shop.id, { type });
      const secrets = await paidSecrets(listing.id);
      expect(secrets.length, type).toBeGreaterThan(2);
      const image = await listingOgImage(listing.slug);
      const svg = (await image?.svg()) as string;
      expect(svg, type).toContain(listing.title.split(" ")[0]);
      const embed = expectResponse(
        await callRoute(embedRoute.loader, requestAs(null, `/embed/p/${listing.slug}`), {
          slug: listing.slug,
        }),
      );
      const html = await embed.text();
      expect(html, type).toContain(listing.title);
      for (const secret of secrets) {
        expect(svg.includes(secret), `${type} OG image carries "${secret}"`).toBe(false);
        expect(html.includes(secret), `${type} embed page carries "${secret}"`).toBe(false);
      }
    }
  });
});

describe("listing and shop pages", () => {
  it("name their canonical address and an Open Graph and Twitter card with the generated picture", async () => {
    const { listing, shop } = await createListingForSale();
    const { data } = expectData(
      await callRoute(listingPage.loader, requestAs(null, `/p/${listing.slug}?lang=de&currency=USD`), {
        slug: listing.slug,
      }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the meta function's full argument is not needed here
    const tags = (listingPage.meta as any)({ data }) as Array<Record<string, string>>;
    const find = (key: string, value: string) => tags.find((tag) => tag[key] === value);
    expect(find("rel", "canonical")?.href).toBe(`http://stapel.test/p/${listing.slug}`);
    expect(find("property", "og:image")?.content).toBe(`http://stapel.test/og/p/${listing.slug}.png`);
    expect(find("property", "og:url")?.content).toBe(`http://stapel.test/p/${listing.slug}`);
    expect(find("name", "twitter:card")?.content).toBe("summary_large_image");
    expect(find("property", "og:title")?.content).toContain(listing.title);

    const shopData = expectData(
      await callRoute(shopPage.loader, requestAs(null, `/s/${shop.handle}`), { handle: shop.handle }),
    ).data;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const shopTags = (shopPage.meta as any)({ data: shopData }) as Array<Record<string, string>>;
    expect(shopTags.find((tag) => tag.rel === "canonical")?.href).toBe(`http://stapel.test/s/${shop.handle}`);
    expect(shopTags.find((tag) => tag.property === "og:image")?.content).toBe(
      `http://stapel.test/og/s/${shop.handle}.png`,
    );
  });
});

describe("the sitemap", () => {
  it("is an index of a pages sitemap and listing sitemaps that page through every visible listing", async () => {
    const first = await createListingForSale();
    const second = await createListingForSale();
    const hidden = await createListingForSale();
    await prisma.listing.update({ where: { id: hidden.listing.id }, data: { takenDownAt: new Date() } });

    const index = await (await sitemapIndexRoute.loader()).text();
    expect(index).toContain("<sitemapindex");
    expect(index).toContain("<loc>http://stapel.test/sitemaps/pages.xml</loc>");
    expect(index).toContain("<loc>http://stapel.test/sitemaps/listings-1.xml</loc>");

    // Paging, with pages of 1: every visible listing on exactly one page, none past the end.
    const { listingPages } = await sitemapIndex(1);
    const visible = await prisma.listing.count({ where: { status: "PUBLISHED", takenDownAt: null } });
    expect(listingPages).toBe(visible);
    const seen: string[] = [];
    for (let page = 1; page <= listingPages; page++)
      seen.push(...((await listingSitemapPage(page, 1)) ?? []).map((entry) => entry.path));
    expect(new Set(seen).size).toBe(visible);
    expect(seen).toContain(`/p/${first.listing.slug}`);
    expect(seen).toContain(`/p/${second.listing.slug}`);
    expect(seen).not.toContain(`/p/${hidden.listing.slug}`);
    expect(await listingSitemapPage(listingPages + 1, 1)).toBeNull();

    const listings = await expectResponse(
      await callRoute(sitemapsRoute.loader, requestAs(null, "/sitemaps/listings-1.xml"), {
        name: "listings-1.xml",
      }),
    ).text();
    expect(listings).toContain(`<loc>http://stapel.test/p/${first.listing.slug}</loc>`);
    expect(listings).toContain(`hreflang="de" href="http://stapel.test/p/${first.listing.slug}?lang=de"`);
    expect(listings).toContain(`hreflang="x-default" href="http://stapel.test/p/${first.listing.slug}"`);
    const pages = await expectResponse(
      await callRoute(sitemapsRoute.loader, requestAs(null, "/sitemaps/pages.xml"), { name: "pages.xml" }),
    ).text();
    expect(pages).toContain(`<loc>http://stapel.test/s/${first.shop.handle}</loc>`);
    expect(pages).toContain("<loc>http://stapel.test/c/copywriting</loc>");
    expect(pages).toContain("<loc>http://stapel.test/m/chatgpt</loc>");
    for (const name of ["listings-0.xml", "listings-99999.xml", "other.xml", "listings-1.xml.gz"]) {
      const response = expectResponse(
        await callRoute(sitemapsRoute.loader, requestAs(null, `/sitemaps/${name}`), { name }),
      );
      expect(response.status, name).toBe(404);
    }
  });
});

describe("framing", () => {
  const options = { nonce: "n", https: true, formTargets: [], devMode: false };
  it("lets any site frame the embed page and nothing else", () => {
    expect(isFramablePath("/embed/p/some-listing")).toBe(true);
    expect(isFramablePath("/embed/p/some-listing.data")).toBe(true);
    for (const path of ["/p/some-listing", "/embed/p/a/b", "/embed.js", "/checkout", "/", "/embed/p/"])
      expect(isFramablePath(path), path).toBe(false);
    const embed = securityHeaders({ ...options, framable: true });
    expect(embed["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(embed["X-Frame-Options"]).toBeUndefined();
    const page = securityHeaders(options);
    expect(page["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(page["X-Frame-Options"]).toBe("DENY");
  });

  it("the embed page posts a simple purchase to checkout in a new tab, and 404s for what is not on sale", async () => {
    const { listing } = await createListingForSale();
    const html = await expectResponse(
      await callRoute(embedRoute.loader, requestAs(null, `/embed/p/${listing.slug}`), { slug: listing.slug }),
    ).text();
    expect(html).toContain('action="/checkout" target="_blank"');
    expect(html).toContain(`name="listingId" value="${listing.id}"`);
    expect(html).toContain("€12.00");
    await prisma.listing.update({ where: { id: listing.id }, data: { status: "DRAFT" } });
    const gone = expectResponse(
      await callRoute(embedRoute.loader, requestAs(null, `/embed/p/${listing.slug}`), { slug: listing.slug }),
    );
    expect(gone.status).toBe(404);
  });
});
