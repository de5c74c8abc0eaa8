// "Download my data": one JSON file with the account's profile, orders (items, refunds),
// entitlements, licence keys (activations), subscriptions, invoices, reviews, downloads and email
// change requests; nothing of anyone else's, no token hashes, no paid content; rate limited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "~/routes/account.settings.export/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import { buyerWithHistory, postSettings } from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const download = async (cookie: string | null) =>
  expectResponse(await callRoute(exportRoute.loader, requestAs(cookie, "/account/settings/export")));

describe("exporting my data", { timeout: 120_000 }, () => {
  it("holds the account's rows and none of another account's", async () => {
    const mine = await buyerWithHistory(app, "exporter");
    const theirs = await buyerWithHistory(app, "bystander");
    const cookie = await signIn(mine.buyer.id);
    await postSettings(cookie, { intent: "change-email", newEmail: "exporter-next@example.com" });

    const response = await download(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="stapel-data-${new Date().toISOString().slice(0, 10)}.json"`,
    );
    const text = await response.text();
    const data = JSON.parse(text);

    expect(data.profile).toMatchObject({ id: mine.buyer.id, email: mine.buyer.email });
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({
      id: mine.order.id,
      status: "PARTIALLY_REFUNDED",
      items: [{ title: mine.sale.listing.title }],
      refunds: [{ amount: 100, status: "SUCCEEDED" }],
    });
    expect(data.orders[0]).not.toHaveProperty("stripeFeeAmount");
    expect(data.orders[0]).not.toHaveProperty("netAmount");
    const sources = data.entitlements.map((row: { source: string }) => row.source).sort();
    expect(sources).toContain("ORDER_ITEM");
    expect(sources).toContain("SUBSCRIPTION");
    expect(data.entitlements[0].listing).toHaveProperty("title");
    const purchaseKey = data.licenseKeys.find((key: { key: string }) => key.key === mine.licenseKey.key);
    expect(purchaseKey).toMatchObject({
      status: "ACTIVE",
      activations: [{ instanceName: "laptop-of-exporter" }],
    });
    expect(data.subscriptions).toMatchObject([{ status: "ACTIVE", plan: { name: mine.sale.plan.name } }]);
    expect(data.invoices.length).toBeGreaterThanOrEqual(1);
    expect(data.invoices[0]).toMatchObject({ status: "PAID", currency: "EUR", totalAmount: 900 });
    expect(data.reviews).toMatchObject([{ rating: 5, body: "Review by exporter" }]);
    expect(data.downloads).toMatchObject([
      { ip: "203.0.113.7", userAgent: "agent-of-exporter", file: { fileName: "pack.md" } },
    ]);
    expect(data.emailChangeRequests).toMatchObject([{ newEmail: "exporter-next@example.com", usedAt: null }]);

    // Nothing of the other buyer's, no secrets, no paid text.
    for (const foreign of [
      theirs.buyer.id,
      theirs.buyer.email,
      theirs.order.id,
      theirs.licenseKey.key,
      "Review by bystander",
      "agent-of-bystander",
      "laptop-of-bystander",
    ]) {
      expect(text, foreign).not.toContain(foreign);
    }
    const hashes = await prisma.emailChangeToken.findMany({ select: { tokenHash: true } });
    for (const { tokenHash } of hashes) expect(text).not.toContain(tokenHash);
    expect(text).not.toContain("tokenHash");
    expect(text).not.toContain("SECRET PROMPT BODY");
  });

  it("sends anonymous visitors to sign in and allows five exports an hour", async () => {
    const anonymous = await download(null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Faccount%2Fsettings%2Fexport");
    const buyer = await createUser();
    const cookie = await signIn(buyer.id);
    for (let i = 0; i < 5; i++) expect((await download(cookie)).status).toBe(200);
    const refused = await download(cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Too many data exports/);
  });
});
