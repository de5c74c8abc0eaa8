import { describe, expect, it } from "vitest";
import { parseListingSearch } from "~/modules/catalog/search.ts";
import { generateLicenseKey, LicenseKeyInput } from "~/modules/licensing/license-keys.server.ts";
import { parseEnv } from "~/utils/env.server.ts";
import { formatMoney, toDecimalString } from "~/utils/money.ts";

describe("money", () => {
  it("formats minor units in the currency's own precision", () => {
    expect(formatMoney({ amount: 1200, currency: "EUR" }, "en-US")).toBe("€12.00");
    expect(formatMoney({ amount: 499, currency: "usd" }, "en-US")).toBe("$4.99");
    expect(formatMoney({ amount: 500, currency: "JPY" }, "en-US")).toBe("¥500");
  });

  it("writes exact decimal strings from integers", () => {
    expect(toDecimalString({ amount: 1200, currency: "EUR" })).toBe("12.00");
    expect(toDecimalString({ amount: 5, currency: "usd" })).toBe("0.05");
    expect(toDecimalString({ amount: -1999, currency: "USD" })).toBe("-19.99");
    expect(toDecimalString({ amount: 500, currency: "JPY" })).toBe("500");
  });
});

describe("licence keys", () => {
  it("generates keys that the public API accepts, without ambiguous characters", () => {
    const keys = new Set(Array.from({ length: 200 }, generateLicenseKey));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(LicenseKeyInput.parse({ key: key.toLowerCase() }).key).toBe(key);
      expect(key).not.toMatch(/[01OI]/);
    }
  });

  it("explains a malformed key", () => {
    const result = LicenseKeyInput.safeParse({ key: "hello" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("STPL-XXXXX");
  });
});

describe("storefront search parameters", () => {
  it("keeps valid filters and drops unknown values instead of failing", () => {
    const search = parseListingSearch(new URLSearchParams("q=email&type=AGENT&sort=price-asc"));
    expect(search).toMatchObject({ q: "email", type: "AGENT", sort: "price-asc" });
    expect(parseListingSearch(new URLSearchParams("type=SPACESHIP&sort=random"))).toMatchObject({
      type: undefined,
      sort: "newest",
    });
  });
});

describe("environment", () => {
  it("names every missing variable and what it is for", () => {
    expect(() => parseEnv({ APP_URL: "http://localhost:3000" })).toThrowError(
      /DATABASE_URL[^\n]*PostgreSQL[\s\S]*SESSION_SECRET[\s\S]*STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/,
    );
  });
});
