// Leak tracing: the marker survives a paste with the licence line removed, a code written out is
// found too, and a seller learns which of their own sales a text came from, never another shop's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuyerCode, traceLeak } from "~/modules/delivery/fingerprint.server.ts";
import {
  decodeMarkers,
  encodeMarker,
  findVisibleCodes,
  fingerprintText,
  formatBuyerCode,
  insertMarker,
  licenceLine,
  withoutMarkers,
} from "~/modules/prompts/fingerprint.ts";
import * as leaksRoute from "~/routes/dashboard.leaks/route.tsx";
import * as exportRoute from "~/routes/library.$entitlementId_.export/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { publishedListing, purchase, unique } from "./library-fixtures.ts";
import { postAs } from "./listings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("the marker", () => {
  it("round-trips every code, sits at line ends and ignores damaged or stray zero-width runs", () => {
    for (const code of ["AAAAAAAA", "99999999", "B7K2QM9X", "ZZZZ2345"]) {
      const marker = encodeMarker(code);
      expect(marker).toMatch(/^\u2060[\u200B\u200C\u200D]{36}\u2060$/u);
      expect(decodeMarkers(`before ${marker} after`)).toEqual([code]);
    }
    expect(() => encodeMarker("B7K2QM9O")).toThrow();
    const marker = encodeMarker("B7K2QM9X");
    // One digit changed: the check character no longer matches.
    const damaged = marker.replace("\u200B", "\u200C");
    expect(decodeMarkers(damaged)).toEqual([]);
    expect(decodeMarkers("a\u200B\u200B\u200Cb\u2060\u2060")).toEqual([]);

    const text = "First line\nsecond\nthird\nfourth\nfifth";
    const marked = insertMarker(text, marker);
    expect(withoutMarkers(marked)).toBe(text);
    expect(marked.split("\n")[0]).toBe(`First line${marker}`);
    expect(marked.split("\n")[2]).toBe(`third${marker}`);
    expect(insertMarker("\n\nonly", marker)).toBe(`\n\nonly${marker}`);
  });

  it("finds codes written out, in any case, with a dash or a space", () => {
    expect(
      findVisibleCodes("… code b7k2-qm9x · via Stapel and B7K2 QM9X, not B7K2QM9X or B7K2-QM9XY"),
    ).toEqual(["B7K2QM9X"]);
    expect(licenceLine("Anna Berg", "B7K2QM9X")).toBe(
      "Licensed to Anna · code B7K2-QM9X · via Stapel — please don't share",
    );
    expect(licenceLine(null, "B7K2QM9X")).toContain("Licensed to buyer ·");
    expect(licenceLine("<script>", "B7K2QM9X")).toContain("Licensed to script ·");
  });
});

describe("buyer codes", () => {
  it("are given once, even to racing requests", async () => {
    const sale = await createListingForSale();
    const buyer = await prisma.user.create({ data: { email: `race-${unique()}@example.com` } });
    const { entitlements } = await purchase(buyer.id, sale.shop.id, [sale.listing.id]);
    const id = entitlements[0]?.id as string;
    const codes = await Promise.all(Array.from({ length: 8 }, () => ensureBuyerCode(id)));
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect((await prisma.entitlement.findUniqueOrThrow({ where: { id } })).buyerCode).toBe(codes[0]);
  });
});

describe("tracing a leaked copy", () => {
  let shopA: Awaited<ReturnType<typeof createListingForSale>>;
  let shopB: Awaited<ReturnType<typeof createListingForSale>>;
  let exported: string;
  let code: string;
  let orderId: string;
  let buyerEmail: string;

  beforeAll(async () => {
    shopA = await createListingForSale();
    shopB = await createListingForSale();
    const { listing } = await publishedListing(shopA.shop.id, { title: "Leaky prompt" });
    buyerEmail = `leaker-${unique()}@example.com`;
    const buyer = await prisma.user.create({ data: { email: buyerEmail, name: "Lea" } });
    const bought = await purchase(buyer.id, shopA.shop.id, [listing.id]);
    orderId = bought.order.id;
    const entitlementId = bought.entitlements[0]?.id as string;
    const response = expectResponse(
      await callRoute(
        exportRoute.loader,
        requestAs(
          await signIn(buyer.id),
          `/library/${entitlementId}/export?format=txt&v.kind=poem&v.topic=rain`,
        ),
        { entitlementId },
      ),
    );
    exported = await response.text();
    code = (await prisma.entitlement.findUniqueOrThrow({ where: { id: entitlementId } })).buyerCode as string;
  });

  const trace = async (cookie: string, text: string) =>
    callRoute(leaksRoute.action, postAs(cookie, "/dashboard/leaks", { text }));

  it("names the purchase from the invisible marker when the licence line was deleted", async () => {
    const pasted = exported
      .split("\n")
      .filter((line) => !line.startsWith("Licensed to"))
      .join("\n");
    expect(pasted).not.toContain(formatBuyerCode(code));
    const cookie = await signIn(shopA.seller.id);
    const { data, status } = expectData(await trace(cookie, `Found on a forum:\n\n${pasted}\n\nenjoy`));
    expect(status).toBe(200);
    expect(data.traces).toEqual([
      expect.objectContaining({
        buyerCode: formatBuyerCode(code),
        foundBy: ["marker"],
        listing: expect.objectContaining({ title: "Leaky prompt" }),
        buyerEmail,
        source: "ORDER_ITEM",
        orderId,
        plan: null,
        active: true,
      }),
    ]);
  });

  it("names it from the licence line when the marker was stripped", async () => {
    const traces = await traceLeak(shopA.shop.id, withoutMarkers(exported));
    expect(traces.map((found) => [found.orderId, found.foundBy])).toEqual([[orderId, ["licence line"]]]);
    const both = await traceLeak(shopA.shop.id, exported);
    expect(both[0]?.foundBy).toEqual(["marker", "licence line"]);
  });

  it("tells another shop's seller nothing, and says so for a text without a trace", async () => {
    const cookieB = await signIn(shopB.seller.id);
    const { data } = expectData(await trace(cookieB, exported));
    expect(data.traces).toEqual([]);
    expect(await traceLeak(shopB.shop.id, fingerprintText("text", { code, licenceLine: "x" }))).toEqual([]);
    const cookieA = await signIn(shopA.seller.id);
    expect(expectData(await trace(cookieA, "Just some prompt, nothing hidden.")).data.traces).toEqual([]);
  });

  it("refuses a text over 200 KB with a message, and non-sellers", async () => {
    const cookie = await signIn(shopA.seller.id);
    const big = expectData(await trace(cookie, "x".repeat(200 * 1024 + 1)));
    expect(big.status).toBe(400);
    expect(big.data.result.error.text).toEqual([
      "Paste at most 200 KB of text: the part around the prompt is enough.",
    ]);
    // Too large to read at all: the browser (and every HTTP client) says how large in Content-Length.
    const body = new URLSearchParams({ text: "x".repeat(700 * 1024) }).toString();
    const huge = expectData(
      await callRoute(
        leaksRoute.action,
        requestAs(cookie, "/dashboard/leaks", {
          method: "POST",
          body,
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(body.length),
          },
        }),
      ),
    );
    expect(huge.status).toBe(413);
    const buyer = await prisma.user.create({ data: { email: `not-seller-${unique()}@example.com` } });
    expect(expectResponse(await trace(await signIn(buyer.id), "text")).status).toBe(403);
  });
});
