// Issue 9's "done means": no paid content in any public answer, for every listing type. Each listing
// carries a secret marker in every part only a buyer's library may show (prompt text, instructions,
// model notes, template link, guide, the file's storage key and bytes, the licence text, the
// published version's snapshot and changelog, the licence text an order kept). Then the whole answers
// (HTML, single-fetch `.data`, XML, PNG, JSON) of every public page, rendered by the real app, are read
// by an anonymous visitor, a signed-in stranger, a buyer of something else and the buyer of the
// listings themselves: no marker anywhere. Searching a word that only paid parts contain finds nothing.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListingType } from "~/generated/prisma/enums.ts";
import { fileStore } from "~/integrations/storage.server.ts";
import { slugify } from "~/modules/catalog/search.ts";
import { listingOgImage, shopOgImage } from "~/modules/reach/og-image.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, signIn } from "../support/fixtures.ts";
import { type PageRenderer, startPageRenderer } from "../support/storefront-render.ts";
import { purchase, unique } from "./library-fixtures.ts";

const TYPES = Object.values(ListingType);
const run = unique();
const CATEGORY = `Probe Category ${run}`;
const MODEL = `ProbeModel ${run}`;

let app: Awaited<ReturnType<typeof startTestApp>>;
let pages: PageRenderer;
beforeAll(async () => {
  app = await startTestApp();
  pages = await startPageRenderer();
}, 120_000);
afterAll(async () => {
  await pages?.close();
  await app?.stop();
});

type Probe = {
  type: ListingType;
  id: string;
  slug: string;
  title: string;
  /** In every paid part and nowhere public. */
  marker: string;
  /** A word only the paid parts contain (search must not find the listing by it). */
  paidWord: string;
  fileId: string;
};

/** A published listing of `type` whose paid parts all carry its marker; public words match searches. */
async function probeListing(shopId: string, type: ListingType, bundled: string[]): Promise<Probe> {
  const id = unique();
  const marker = `ZQPAID${type}${id}`.toUpperCase();
  // Letters no public word of the catalogue is near (the typo correction would otherwise match ids).
  const paidWord = `quixoticzephyr${"abcd"[TYPES.indexOf(type)] ?? "e"}`;
  // Paid parts repeat the public words, so a snippet or highlight drawn from them would show the marker.
  const paid = (part: string) => `${marker} ${part} storefront probe ${paidWord} copywriting email`;
  const slug = `probe-${type.toLowerCase()}-${id}`;
  const title = `Storefront probe ${type.toLowerCase()} ${id}`;
  const listing = await prisma.listing.create({
    data: {
      shopId,
      slug,
      type,
      status: "PUBLISHED",
      publishedAt: new Date(),
      title,
      tagline: "A storefront probe for copywriting email",
      description: "Public description of the storefront probe: copywriting email help.",
      teaser: "Public teaser of the storefront probe…",
      aiModels: ["ChatGPT", MODEL],
      category: CATEGORY,
      tags: ["probe", "email"],
      priceAmount: 900,
      currency: "EUR",
      agentPlatform: type === "AGENT" ? "N8N" : null,
      compatibleApps: type === "TEMPLATE" ? ["Notion"] : [],
      currentVersion: 1,
      content: {
        create: {
          body: paid("body"),
          instructions: paid("instructions"),
          modelNotes: paid("model notes"),
          templateUrl: `https://www.notion.so/${marker}`,
          guide: paid("guide"),
        },
      },
      examples: { create: [{ position: 0, input: "Public example input", output: "Public example output" }] },
      tiers: {
        create: {
          name: "Personal",
          position: 0,
          licenseText: paid("licence text"),
          prices: { create: [{ currency: "EUR", amount: 900 }] },
        },
      },
      versions: {
        create: {
          number: 1,
          changelog: paid("changelog"),
          snapshot: { body: paid("snapshot"), guide: paid("snapshot guide") },
        },
      },
      ...(bundled.length > 0 && {
        bundleItems: { create: bundled.map((listingId) => ({ listingId })) },
      }),
    },
  });
  // The file's name and size are public ("what you get"); its storage key and bytes are not.
  const bytes = Buffer.from(paid("file bytes"));
  const storageKey = `listings/${listing.id}/${marker}.md`;
  const stored = await fileStore().put(storageKey, bytes, "text/markdown");
  const file = await prisma.listingFile.create({
    data: {
      listingId: listing.id,
      fileName: "pack.md",
      contentType: "text/markdown",
      storageKey,
      ...stored,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  });
  return { type, id: listing.id, slug, title, marker, paidWord, fileId: file.id };
}

function leakedMarkers(text: string, probes: Probe[]) {
  return probes.filter((probe) => text.toUpperCase().includes(probe.marker)).map((probe) => probe.type);
}

/** Status, headers and body of an answer as one text (PNG bytes as latin1: a marker would show). */
async function answerText(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get("Content-Type") ?? "";
  const body = type.startsWith("image/") ? bytes.toString("latin1") : bytes.toString("utf8");
  return { status: response.status, type, text: `${[...response.headers].join("\n")}\n${body}` };
}

describe("paid content", () => {
  it("appears in no public answer (HTML, .data, search snippets, XML, OG picture, embed, licence API) for any type or visitor", async () => {
    const sale = await createListingForSale();
    const shop = await prisma.shop.findUniqueOrThrow({ where: { id: sale.shop.id } });
    const probes: Probe[] = [];
    for (const type of TYPES.filter((type) => type !== "BUNDLE"))
      probes.push(await probeListing(shop.id, type, []));
    for (const type of TYPES.filter((type) => type === "BUNDLE"))
      probes.push(
        await probeListing(
          shop.id,
          type,
          probes.map((probe) => probe.id),
        ),
      );
    expect(probes.map((probe) => probe.type).sort()).toEqual([...TYPES].sort());

    const plan = await prisma.plan.create({
      data: {
        shopId: shop.id,
        name: `Everything ${run}`,
        description: "Every storefront probe",
        includesAllListings: true,
        prices: { create: { amount: 1900, currency: "EUR", interval: "MONTH" } },
      },
    });

    // The owner bought every probe (keys, orders keeping the licence text); another buyer bought
    // only the shop's first prompt.
    const owner = await prisma.user.create({ data: { email: `owner-${run}@example.com`, name: "Owner" } });
    const other = await prisma.user.create({ data: { email: `other-${run}@example.com` } });
    const stranger = await prisma.user.create({ data: { email: `stranger-${run}@example.com` } });
    const bought = await purchase(
      owner.id,
      shop.id,
      probes.filter((probe) => probe.type !== "BUNDLE").map((probe) => probe.id),
    );
    const bundle = probes.find((probe) => probe.type === "BUNDLE") as Probe;
    await purchase(owner.id, shop.id, [bundle.id]);
    await prisma.orderItem.updateMany({
      where: { orderId: bought.order.id },
      data: { licenseText: `kept ${probes[0]?.marker}` },
    });
    await purchase(other.id, shop.id, [sale.listing.id]);
    for (const probe of probes) {
      const orderItem = await prisma.orderItem.findFirst({
        where: { listingId: probe.id, order: { buyerId: owner.id } },
      });
      await prisma.review.create({
        data: {
          listingId: probe.id,
          userId: owner.id,
          orderItemId: orderItem?.id ?? null,
          rating: 5,
          body: "Public review: the storefront probe works.",
          sellerReply: "Public reply: thank you.",
          sellerRepliedAt: new Date(),
        },
      });
    }
    const keys = await prisma.licenseKey.findMany({ where: { userId: owner.id } });
    expect(keys.length).toBeGreaterThanOrEqual(probes.length - 1);

    const viewers = {
      anonymous: null,
      stranger: await signIn(stranger.id),
      "buyer of something else": await signIn(other.id),
      "buyer of these listings": await signIn(owner.id),
    };
    const searchWords = encodeURIComponent("storefront probe");
    const shopPages = [
      "/",
      "/_root.data",
      `/search?q=${searchWords}`,
      `/search.data?q=${searchWords}`,
      `/search?q=${searchWords}&category=${encodeURIComponent(CATEGORY)}&sort=newest`,
      `/search?q=${encodeURIComponent("copywritng emial")}`,
      `/c/${slugify(CATEGORY)}`,
      `/c/${slugify(CATEGORY)}.data`,
      `/m/${slugify(MODEL)}`,
      `/s/${shop.handle}`,
      `/s/${shop.handle}.data`,
      `/s/${shop.handle}/plans/${plan.id}`,
      `/s/${shop.handle}/plans/${plan.id}.data`,
      `/og/s/${shop.handle}.png`,
      "/sitemap.xml",
      "/sitemaps/pages.xml",
      "/sitemaps/listings-1.xml",
    ];
    const listingPages = (slug: string) => [
      `/p/${slug}`,
      `/p/${slug}.data`,
      `/p/${slug}?lang=de&currency=USD`,
      `/p/${slug}/reviews`,
      `/p/${slug}/reviews.data`,
      `/p/${slug}/review`,
      `/p/${slug}/report`,
      `/og/p/${slug}.png`,
      `/embed/p/${slug}`,
      `/embed/p/${slug}?currency=USD`,
    ];

    const read: string[] = [];
    const leaks: string[] = [];
    for (const [who, cookie] of Object.entries(viewers)) {
      for (const path of [...shopPages, ...probes.flatMap((probe) => listingPages(probe.slug))]) {
        const answer = await answerText(await pages.fetch(path, cookie));
        read.push(`${answer.status} ${path} (${who})`);
        const leaked = leakedMarkers(answer.text, probes);
        if (leaked.length) leaks.push(`${path} for ${who} (${answer.status}) shows ${leaked.join(", ")}`);
        if (path.startsWith("/p/") && !path.includes("/review") && answer.status !== 200)
          leaks.push(`${path} for ${who} answered ${answer.status}, not the page`);
      }
      // The public pages did show the listings (so the checks above read something).
      const search = await answerText(await pages.fetch(`/search?q=${searchWords}`, cookie));
      for (const probe of probes) expect(search.text, `search for ${who}`).toContain(probe.slug);
      const shopPage = await answerText(await pages.fetch(`/s/${shop.handle}`, cookie));
      for (const probe of probes) expect(shopPage.text, `shop page for ${who}`).toContain(probe.title);
      // A word only paid parts contain finds none of them.
      for (const probe of probes) {
        const paidSearch = await answerText(
          await pages.fetch(`/search.data?q=${encodeURIComponent(probe.paidWord)}`, cookie),
        );
        expect(paidSearch.status).toBe(200);
        const found = probes.filter((listing) => paidSearch.text.includes(listing.slug));
        expect(
          found.map((listing) => listing.type),
          `"${probe.paidWord}" finds`,
        ).toEqual([]);
      }
    }
    expect(leaks).toEqual([]);
    expect(read.filter((line) => line.startsWith("200 ")).length).toBeGreaterThan(read.length / 2);

    // The licence API, for a wrong key and a wrong product, in each of its shapes; and for a real
    // key (what it tells its holder's app is the key's state, not the product).
    const wrongKey = "STPL-AAAAA-BBBBB-CCCCC-DDDDD";
    const form = (fields: Record<string, string>) => ({
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    const realKey = keys[0]?.key as string;
    for (const probe of probes) {
      const asked: [string, RequestInit][] = [
        ["/api/v1/licenses/verify", form({ product_id: probe.id, license_key: wrongKey })],
        ["/api/v1/licenses/verify", form({ product_permalink: probe.slug, license_key: wrongKey })],
        ["/api/v1/licenses/verify", form({ product_id: probe.id, license_key: realKey })],
        ["/api/v1/licenses/validate", form({ license_key: wrongKey })],
        ["/api/v1/licenses/activate", form({ license_key: wrongKey, instance_name: "probe" })],
        ["/api/v1/licenses/deactivate", form({ license_key: wrongKey, instance_id: probe.id })],
        ["/api/v1/licenses/validate", form({ license_key: realKey })],
        [
          "/api/licenses/verify",
          {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ key: wrongKey }),
          },
        ],
        [
          "/api/licenses/verify",
          {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ key: realKey }),
          },
        ],
        [`/api/v1/shops/${shop.handle}/license-public-key`, {}],
      ];
      for (const [path, init] of asked) {
        const answer = await answerText(await pages.fetch(path, null, init));
        expect(answer.status, `${path}: ${answer.text.slice(-300)}`).toBeLessThan(500);
        expect(answer.status, `${path} rate-limited`).not.toBe(429);
        expect(leakedMarkers(answer.text, probes), `${path} ${String(init.body)}`).toEqual([]);
      }
    }

    // The OG pictures are drawn from public fields only: the picture's source (SVG) has none.
    for (const probe of probes) {
      const drawn = await listingOgImage(probe.slug);
      const svg = (await drawn?.svg()) ?? "";
      expect(svg, `OG picture of the ${probe.type}`).toContain("Storefront probe");
      expect(leakedMarkers(svg, probes), `OG picture of the ${probe.type}`).toEqual([]);
    }
    const shopSvg = (await (await shopOgImage(shop.handle))?.svg()) ?? "";
    expect(shopSvg.length).toBeGreaterThan(100);
    expect(leakedMarkers(shopSvg, probes)).toEqual([]);

    // The markers are real: the buyer's library shows them (so the checks above could fail).
    const entitlement = bought.entitlements[0];
    const library = await answerText(
      await pages.fetch(`/library/${entitlement?.id}.data`, viewers["buyer of these listings"]),
    );
    expect(library.status).toBe(200);
    expect(leakedMarkers(library.text, probes).length).toBeGreaterThan(0);
  }, 600_000);
});
