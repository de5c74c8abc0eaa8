// Gumroad's licence check at /api/v1/licenses/verify: its parameters (form or JSON), its purchase
// fields, its messages and status codes, the uses counter, and what a refund or the seller's switch
// makes of a key.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { testEnv } from "../support/test-env.ts";
import { callLicenseApi, purchasedKey, refundFully } from "./licensing-api-fixtures.ts";

Object.assign(process.env, testEnv);

const NOT_FOUND = "That license does not exist for the provided product.";
const EXPIRED = "Access to the purchase associated with this license has expired.";
const DISABLED = "This license key has been disabled.";

describe("POST /api/v1/licenses/verify", () => {
  it("answers a purchase's key with Gumroad's purchase fields and counts uses (form and JSON)", async () => {
    const { shop, listing, buyer, order, key } = await purchasedKey({ handle: "pixel-forge" });
    expect(key.key).toMatch(/^PIXELF(-[A-Z0-9]{5}){4}$/);

    const form = await callLicenseApi("verify", { product_id: listing.id, license_key: key.key });
    expect(form.status).toBe(200);
    expect(form.headers.get("Cache-Control")).toBe("no-store");
    expect(form.body).toEqual({
      success: true,
      uses: 1,
      purchase: {
        seller_id: shop.id,
        product_id: listing.id,
        product_name: listing.title,
        permalink: listing.slug,
        product_permalink: `http://stapel.test/p/${listing.slug}`,
        email: buyer.email,
        price: 2900,
        currency: "eur",
        quantity: 1,
        sale_id: order.id,
        sale_timestamp: order.paidAt?.toISOString(),
        full_name: "Ada Buyer",
        purchaser_id: buyer.id,
        variants: "(Commercial)",
        license_key: key.key,
        is_gift_receiver_purchase: false,
        refunded: false,
        disputed: false,
        dispute_won: false,
        id: order.id,
        created_at: order.paidAt?.toISOString(),
        custom_fields: [],
        chargebacked: false,
        subscription_ended_at: null,
        subscription_cancelled_at: null,
        subscription_failed_at: null,
      },
    });

    // JSON, by permalink, lower-case key: the same purchase, the next use.
    const json = await callLicenseApi(
      "verify",
      { product_permalink: listing.slug, license_key: key.key.toLowerCase() },
      { as: "json" },
    );
    expect(json.status).toBe(200);
    expect(json.body.uses).toBe(2);
    // Only the string or boolean false stops counting; anything else counts.
    for (const [as, value, uses] of [
      ["form", "false", 2],
      ["json", false, 2],
      ["form", "0", 3],
      ["json", "no", 4],
    ] as const) {
      const reply = await callLicenseApi(
        "verify",
        { product_id: listing.id, license_key: key.key, increment_uses_count: value },
        { as },
      );
      expect(reply.body.uses, `${as} ${String(value)}`).toBe(uses);
    }
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).uses).toBe(4);
  });

  it("counts every concurrent verify exactly once", async () => {
    const { listing, key } = await purchasedKey();
    const replies = await Promise.all(
      Array.from({ length: 15 }, () =>
        callLicenseApi("verify", { product_id: listing.id, license_key: key.key }),
      ),
    );
    expect(replies.map((reply) => reply.body.uses).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 1),
    );
  });

  it("answers 404 with Gumroad's message for an unknown key, another product or no product", async () => {
    const { listing, key } = await purchasedKey();
    const other = await purchasedKey();
    for (const fields of [
      { product_id: listing.id, license_key: "PIXELF-AAAAA-BBBBB-CCCCC-DDDDD" },
      { product_id: other.listing.id, license_key: key.key },
      { product_permalink: other.listing.slug, license_key: key.key },
      { license_key: key.key },
      { product_id: listing.id },
    ]) {
      const reply = await callLicenseApi("verify", fields);
      expect(reply, JSON.stringify(fields)).toMatchObject({
        status: 404,
        body: { success: false, message: NOT_FOUND },
      });
    }
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).uses).toBe(0);
  });

  it("refuses parameters that are not strings with 400, as Gumroad does", async () => {
    const { listing, key } = await purchasedKey();
    const cases: [Record<string, unknown> | string, "json" | "form", string][] = [
      [{ product_id: listing.id, license_key: [key.key] }, "json", "license_key"],
      [{ product_id: { $ne: null }, license_key: key.key }, "json", "product_id"],
      [{ product_permalink: 5, license_key: key.key }, "json", "product_permalink"],
      [`product_id=${listing.id}&license_key=${key.key}&license_key=${key.key}`, "form", "license_key"],
    ];
    for (const [fields, as, name] of cases) {
      expect(await callLicenseApi("verify", fields, { as })).toMatchObject({
        status: 400,
        body: { success: false, message: `The '${name}' parameter must be a string.` },
      });
    }
    expect(await callLicenseApi("verify", "{not json", { as: "json" })).toMatchObject({
      status: 400,
      body: { success: false },
    });
  });

  it("answers Gumroad's disabled message for a disabled key, and its expired message after a refund", async () => {
    const { listing, key, order } = await purchasedKey();
    await prisma.licenseKey.update({ where: { id: key.id }, data: { status: "DISABLED" } });
    expect(await callLicenseApi("verify", { product_id: listing.id, license_key: key.key })).toMatchObject({
      status: 404,
      body: { success: false, message: DISABLED },
    });
    // A refund revokes even a disabled key: final.
    await refundFully(order.id);
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe("REVOKED");
    expect(await callLicenseApi("verify", { product_id: listing.id, license_key: key.key })).toMatchObject({
      status: 404,
      body: { success: false, message: EXPIRED },
    });
    expect((await prisma.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).uses).toBe(0);
  });

  it("limits checks of one key to 120 a minute from any address, then 429 with Retry-After", async () => {
    const { listing, key } = await purchasedKey();
    const fields = { product_id: listing.id, license_key: key.key, increment_uses_count: "false" };
    for (let n = 0; n < 120; n++) expect((await callLicenseApi("verify", fields)).status).toBe(200);
    const refused = await callLicenseApi("verify", fields);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.body).toEqual({
      success: false,
      message: expect.stringMatching(/^Too many license checks/),
    });
    // Another key is unaffected.
    const other = await purchasedKey();
    expect(
      (await callLicenseApi("verify", { product_id: other.listing.id, license_key: other.key.key })).status,
    ).toBe(200);
  });

  it("limits one address to 60 checks a minute across the licence APIs", async () => {
    const ip = "203.0.113.77";
    for (let n = 0; n < 60; n++)
      expect(
        (await callLicenseApi(n % 2 ? "verify" : "validate", { license_key: "NOPE" }, { ip })).status,
      ).toBe(404);
    const refused = await callLicenseApi("activate", { license_key: "NOPE", instance_name: "x" }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(refused.body).toEqual({ error: "Too Many Attempts." });
  });
});
