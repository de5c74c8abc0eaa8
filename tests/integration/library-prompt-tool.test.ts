// The prompt tool in the library: the buyer's answers in the URL fill the prompt on the server (the
// page works without JavaScript), answers are checked, and the exports (.md, .txt, .json) carry the
// filled prompt with the buyer's fingerprint; only for the item's owner while access lasts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeMarkers, withoutMarkers } from "~/modules/prompts/fingerprint.ts";
import { MAX_OPEN_URL, openInLinks } from "~/modules/prompts/tool.ts";
import * as itemPage from "~/routes/library.$entitlementId/route.tsx";
import * as exportRoute from "~/routes/library.$entitlementId_.export/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { publishedListing, purchase, unique } from "./library-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
let shopId: string;
let listing: { id: string; slug: string; title: string };
let buyer: { id: string; cookie: string; entitlementId: string; code: string };

beforeAll(async () => {
  app = await startTestApp();
  const sale = await createListingForSale();
  shopId = sale.shop.id;
  ({ listing } = await publishedListing(shopId, { title: "Story starter" }));
  const user = await prisma.user.create({
    data: { email: `anna-${unique()}@example.com`, name: "Anna Berg" },
  });
  const { entitlements } = await purchase(user.id, shopId, [listing.id]);
  const entitlementId = entitlements[0]?.id as string;
  buyer = { id: user.id, cookie: await signIn(user.id), entitlementId, code: "" };
});
afterAll(async () => {
  await app.stop();
});

const page = (cookie: string | null, entitlementId: string, query = "") =>
  callRoute(itemPage.loader, requestAs(cookie, `/library/${entitlementId}${query}`), { entitlementId });
const exportOf = (cookie: string | null, entitlementId: string, query: string) =>
  callRoute(exportRoute.loader, requestAs(cookie, `/library/${entitlementId}/export${query}`), {
    entitlementId,
  });

describe("the prompt tool", () => {
  it("fills the prompt from the URL's answers on the server, with the visible line and the invisible marker", async () => {
    const { data } = expectData(
      await page(buyer.cookie, buyer.entitlementId, "?v.kind=poem&v.topic=the%20sea"),
    );
    const code = (await prisma.entitlement.findUniqueOrThrow({ where: { id: buyer.entitlementId } }))
      .buyerCode;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    buyer.code = code as string;
    const filled: string = data.promptTool.filled;
    expect(withoutMarkers(filled)).toContain("Write a poem about the sea.");
    expect(filled).toContain(
      `Licensed to Anna · code ${buyer.code.slice(0, 4)}-${buyer.code.slice(4)} · via Stapel — please don't share`,
    );
    expect(decodeMarkers(filled)).toEqual([buyer.code]);
    // The marker sits at a line's end, never inside the words.
    expect(filled.split("\n")[0]).toMatch(/^PAID BODY .*about the sea\.\u2060/);
    expect(data.promptTool.errors).toEqual({});
    expect(data.promptTool.submitted).toEqual({ kind: "poem", topic: "the sea" });
    // The raw prompt shown above the tool is fingerprinted too; the code never changes.
    expect(decodeMarkers(data.paidText)).toEqual([buyer.code]);
    const again = expectData(await page(buyer.cookie, buyer.entitlementId));
    expect(again.data.fingerprint.code).toBe(buyer.code);
  });

  it("keeps {{name}} for unanswered variables and reports wrong answers without breaking", async () => {
    const long = "x".repeat(301);
    const odd = encodeURIComponent("a\u0000b\u200Bc\u2060");
    const { data, status } = expectData(
      await page(buyer.cookie, buyer.entitlementId, `?v.kind=novel&v.topic=${long}&v.unknown=1&v.kind=poem`),
    );
    expect(status).toBe(200);
    expect(data.promptTool.errors).toEqual({
      kind: "Choose one of: poem, story.",
      topic: "At most 300 characters (this has 301).",
    });
    expect(withoutMarkers(data.promptTool.filled)).toContain("Write a {{kind}} about {{topic}}.");
    // Control and marker characters in an answer are dropped (an answer cannot plant a false trace).
    const cleaned = expectData(await page(buyer.cookie, buyer.entitlementId, `?v.topic=${odd}`));
    expect(withoutMarkers(cleaned.data.promptTool.filled)).toContain("about abc.");
    expect(decodeMarkers(cleaned.data.promptTool.filled)).toEqual([buyer.code]);
  });

  it("is not there for someone else, a revoked item or a made-up id", async () => {
    const stranger = await prisma.user.create({ data: { email: `stranger-${unique()}@example.com` } });
    const strangerCookie = await signIn(stranger.id);
    expect(expectResponse(await page(strangerCookie, buyer.entitlementId)).status).toBe(404);
    expect(expectResponse(await page(buyer.cookie, "cmissing00000000000000000")).status).toBe(404);
    expect(expectResponse(await page(null, buyer.entitlementId)).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("open in ChatGPT or Claude", () => {
  it("prefills the prompt in the link, and says when a link would be too long", () => {
    const short = openInLinks("Write a poem & a story?");
    expect(short).toEqual([
      {
        name: "ChatGPT",
        href: "https://chatgpt.com/?q=Write%20a%20poem%20%26%20a%20story%3F",
        tooLong: false,
      },
      {
        name: "Claude",
        href: "https://claude.ai/new?q=Write%20a%20poem%20%26%20a%20story%3F",
        tooLong: false,
      },
    ]);
    const long = openInLinks("x".repeat(MAX_OPEN_URL));
    expect(long.map((link) => link.tooLong)).toEqual([true, true]);
  });
});

describe("exports", () => {
  const query = "?v.kind=story&v.topic=a%20lighthouse";

  it("downloads .md, .txt and .json with the filled prompt, the licence line and the marker", async () => {
    for (const [format, type] of [
      ["md", "text/markdown"],
      ["txt", "text/plain"],
      ["json", "application/json"],
    ] as const) {
      const response = expectResponse(
        await exportOf(buyer.cookie, buyer.entitlementId, `${query}&format=${format}`),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain(type);
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="${listing.slug}.${format}"; filename*=UTF-8''${listing.slug}.${format}`,
      );
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      const body = await response.text();
      expect(decodeMarkers(body)).toEqual([buyer.code]);
      expect(body).toContain(`code ${buyer.code.slice(0, 4)}-${buyer.code.slice(4)}`);
      if (format === "json") {
        const document = JSON.parse(body);
        expect(document).toMatchObject({
          listing: { title: "Story starter", url: expect.stringContaining(`/p/${listing.slug}`) },
          version: 0,
          variables: [
            { name: "kind", label: "Kind", type: "enum(poem,story)", value: "story" },
            { name: "topic", label: "Topic", type: "line", value: "a lighthouse" },
          ],
          licence: expect.stringContaining("Licensed to Anna"),
        });
        expect(withoutMarkers(document.prompt)).toContain("Write a story about a lighthouse.");
        expect(decodeMarkers(document.prompt)).toEqual([buyer.code]);
      } else {
        expect(withoutMarkers(body)).toContain("Write a story about a lighthouse.");
      }
      if (format === "md") {
        expect(body).toMatch(/^# Story starter\n/);
        expect(body).toContain("- **Topic**: a lighthouse");
      }
    }
  });

  it("refuses an unknown format and wrong answers with 400, and foreign, revoked or missing items with 404", async () => {
    const unknown = expectResponse(await exportOf(buyer.cookie, buyer.entitlementId, "?format=pdf"));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toBe('Unknown format "pdf": choose md, txt or json.');
    const wrong = expectResponse(
      await exportOf(buyer.cookie, buyer.entitlementId, "?format=md&v.kind=essay"),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("kind: Choose one of: poem, story.");

    const stranger = await prisma.user.create({ data: { email: `stranger-${unique()}@example.com` } });
    const strangerCookie = await signIn(stranger.id);
    expect(expectResponse(await exportOf(strangerCookie, buyer.entitlementId, "?format=md")).status).toBe(
      404,
    );
    expect(expectResponse(await exportOf(buyer.cookie, "not-an-id", "?format=md")).status).toBe(404);
    expect(expectResponse(await exportOf(null, buyer.entitlementId, "?format=md")).status).toBe(302);

    // Another item of the buyer, then refunded: gone from the tool and the exports.
    const { listing: other } = await publishedListing(shopId);
    const { entitlements } = await purchase(buyer.id, shopId, [other.id]);
    const revokedId = entitlements[0]?.id as string;
    expect(expectResponse(await exportOf(buyer.cookie, revokedId, "?format=txt")).status).toBe(200);
    await prisma.entitlement.update({
      where: { id: revokedId },
      data: { status: "REVOKED", revokedAt: new Date(), revokeReason: "REFUNDED" },
    });
    expect(expectResponse(await exportOf(buyer.cookie, revokedId, "?format=txt")).status).toBe(404);
    expect(expectResponse(await page(buyer.cookie, revokedId)).status).toBe(404);
  });

  it("has nothing to export for a template", async () => {
    const { listing: template } = await publishedListing(shopId, { type: "TEMPLATE" });
    const { entitlements } = await purchase(buyer.id, shopId, [template.id]);
    const id = entitlements[0]?.id as string;
    const response = expectResponse(await exportOf(buyer.cookie, id, "?format=md"));
    expect(response.status).toBe(404);
    const { data } = expectData(await page(buyer.cookie, id));
    expect(data.promptTool).toBeNull();
    // A template's text is fingerprinted as well.
    expect(decodeMarkers(data.paidText)).toHaveLength(1);
  });
});
