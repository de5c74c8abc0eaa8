// The seller's licence keys (/dashboard/licenses and a key's page) through the real loaders and
// actions: only the shop's own keys, search and status filter in a clean URL, and each action —
// disable, enable, rotate, reset uses, remove an activation — with foreign ids answering 404 and
// revoked keys refused, nothing changed by a refusal.
import { describe, expect, it } from "vitest";
import { checkLicenseKey } from "~/modules/licensing/license-keys.server.ts";
import { accessStatusFor } from "~/modules/licensing/manage.server.ts";
import * as listRoute from "~/routes/dashboard.licenses._index/route.tsx";
import * as keyRoute from "~/routes/dashboard.licenses.$keyId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import {
  activate,
  type FormReply,
  formErrors,
  planSubscriber,
  postAs,
  purchase,
  refund,
  sellerWithListing,
} from "./licensing-manage-fixtures.ts";

Object.assign(process.env, testEnv);

const MISSING_ID = "cmissing00000000000000000";

const list = async (cookie: string, query = "") =>
  callRoute(listRoute.loader, requestAs(cookie, `/dashboard/licenses${query}`));
const page = async (cookie: string, keyId: string) =>
  callRoute(keyRoute.loader, requestAs(cookie, `/dashboard/licenses/${keyId}`), { keyId });
const act = async (cookie: string, keyId: string, fields: Record<string, string>) =>
  expectData<FormReply>(
    await callRoute(keyRoute.action, postAs(cookie, `/dashboard/licenses/${keyId}`, fields), { keyId }),
  );
const stored = (id: string) => prisma.licenseKey.findUniqueOrThrow({ where: { id } });

describe("the licence keys list", () => {
  it("shows the shop's keys only, newest first, and finds them by key, email, listing and plan", async () => {
    const mine = await sellerWithListing("MINE");
    const theirs = await sellerWithListing("THEIRS");
    const first = await purchase(mine.shop.id, mine.listing, `first-${Date.now()}@example.com`);
    const second = await purchase(mine.shop.id, mine.listing);
    const subscriber = await planSubscriber(mine.shop.id, mine.listing.id);
    const foreign = await purchase(theirs.shop.id, theirs.listing);
    const cookie = await signIn(mine.seller.id);

    const all = expectData(await list(cookie)).data;
    const ids = all.keys.map((key: { id: string }) => key.id);
    expect(ids).toContain(first.key.id);
    expect(ids).toContain(subscriber.planKey.id);
    expect(ids).not.toContain(foreign.key.id);
    expect(ids.indexOf(second.key.id)).toBeLessThan(ids.indexOf(first.key.id));
    expect(all.keys.find((key: { id: string }) => key.id === first.key.id)).toMatchObject({
      key: first.key.key,
      email: first.buyer.email,
      product: mine.listing.title,
      status: "ACTIVE",
      activations: 0,
    });
    expect(all.keys.find((key: { id: string }) => key.id === subscriber.planKey.id)).toMatchObject({
      product: `${subscriber.plan.name} (plan)`,
    });

    const found = async (q: string) =>
      expectData(await list(cookie, `?${new URLSearchParams({ q })}`)).data.keys.map(
        (key: { id: string }) => key.id,
      );
    expect(await found(first.key.key)).toEqual([first.key.id]);
    expect(await found(first.key.key.slice(0, 11).toLowerCase())).toEqual([first.key.id]);
    expect(await found(first.buyer.email.toUpperCase())).toEqual([first.key.id]);
    expect(await found(subscriber.plan.name)).toEqual([subscriber.planKey.id]);
    expect(await found(mine.listing.title)).toContain(second.key.id);
    expect(await found(foreign.key.key)).toEqual([]);
    expect(await found("100%_off")).toEqual([]);

    await act(cookie, second.key.id, { intent: "disable" });
    expect(expectData(await list(cookie, "?status=disabled")).data.keys).toEqual([
      expect.objectContaining({ id: second.key.id, status: "DISABLED" }),
    ]);
  });

  it("keeps filters in a clean URL: empty and unknown parameters are redirected away", async () => {
    const { seller } = await sellerWithListing();
    const cookie = await signIn(seller.id);
    const messy = expectResponse(await list(cookie, "?q=&status=bogus&page=1&utm=x"));
    expect(messy.status).toBe(302);
    expect(messy.headers.get("Location")).toBe("/dashboard/licenses");
    const kept = expectResponse(await list(cookie, "?status=revoked&q=abc"));
    expect(kept.headers.get("Location")).toBe("/dashboard/licenses?q=abc&status=revoked");
    expect(expectData(await list(cookie, "?q=abc&status=revoked")).data.total).toBe(0);
  });

  it("is for sellers only", async () => {
    const buyer = await createUser();
    expect(expectResponse(await list(await signIn(buyer.id))).status).toBe(403);
    const anonymous = expectResponse(
      await callRoute(listRoute.loader, requestAs(null, "/dashboard/licenses")),
    );
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard%2Flicenses");
  });
});

describe("a licence key's page", () => {
  it("shows the key, its buyer, order, uses and activations; another shop's key is a 404", async () => {
    const mine = await sellerWithListing();
    const theirs = await sellerWithListing();
    const sale = await purchase(mine.shop.id, mine.listing);
    await prisma.licenseKey.update({ where: { id: sale.key.id }, data: { uses: 7, maxActivations: 2 } });
    const [laptop] = await activate(sale.key.id, "Laptop");
    const foreign = await purchase(theirs.shop.id, theirs.listing);
    const cookie = await signIn(mine.seller.id);

    const shown = expectData(await page(cookie, sale.key.id)).data.key;
    expect(shown).toMatchObject({
      key: sale.key.key,
      status: "ACTIVE",
      uses: 7,
      activationLimit: 2,
      user: { email: sale.buyer.email },
      listing: { title: mine.listing.title },
      orderId: sale.order.id,
      activations: [{ id: laptop?.id, instanceName: "Laptop" }],
    });
    for (const id of [foreign.key.id, MISSING_ID, "not-an-id"]) {
      const response = expectResponse(await page(cookie, id));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Your shop has no such licence key.");
    }
  });

  it("disables and enables a key: twice is once, and verification follows", async () => {
    const { seller, shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    const cookie = await signIn(seller.id);

    const disabled = await act(cookie, sale.key.id, { intent: "disable" });
    expect(disabled.status).toBe(200);
    expect(disabled.data.done).toMatch(/Key disabled/);
    expect((await stored(sale.key.id)).status).toBe("DISABLED");
    expect(await checkLicenseKey(sale.key.key)).toMatchObject({ valid: false });

    const again = await act(cookie, sale.key.id, { intent: "disable" });
    expect(again.status).toBe(200);
    expect(again.data.done).toBe("This key was already disabled.");

    const enabled = await act(cookie, sale.key.id, { intent: "enable" });
    expect(enabled.data.done).toMatch(/Key enabled/);
    expect((await stored(sale.key.id)).status).toBe("ACTIVE");
    expect(await checkLicenseKey(sale.key.key)).toMatchObject({ valid: true });
    expect((await act(cookie, sale.key.id, { intent: "enable" })).data.done).toBe(
      "This key is already enabled.",
    );
  });

  it("rotates a key: a new string with the shop's prefix, uses and activations kept, the old one unknown", async () => {
    const { seller, shop, listing } = await sellerWithListing("ROTA");
    const sale = await purchase(shop.id, listing);
    await prisma.licenseKey.update({ where: { id: sale.key.id }, data: { uses: 4 } });
    await activate(sale.key.id, "Studio PC", "Laptop");
    const cookie = await signIn(seller.id);

    const rotated = await act(cookie, sale.key.id, { intent: "rotate" });
    expect(rotated.status).toBe(200);
    const after = await stored(sale.key.id);
    expect(after.key).not.toBe(sale.key.key);
    expect(after.key).toMatch(/^ROTA(-[A-Z0-9]{5}){4}$/);
    expect(rotated.data.done).toContain(after.key);
    expect(after.rotatedAt).not.toBeNull();
    expect(after.uses).toBe(4);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: sale.key.id } })).toBe(2);
    expect(await checkLicenseKey(sale.key.key)).toEqual({ valid: false, reason: "not_found" });
    expect(await checkLicenseKey(after.key)).toMatchObject({ valid: true, activations: 2 });
  });

  it("resets uses and removes one activation, not another key's", async () => {
    const mine = await sellerWithListing();
    const theirs = await sellerWithListing();
    const sale = await purchase(mine.shop.id, mine.listing);
    const other = await purchase(mine.shop.id, mine.listing);
    const foreign = await purchase(theirs.shop.id, theirs.listing);
    await prisma.licenseKey.update({ where: { id: sale.key.id }, data: { uses: 12 } });
    const [laptop, desktop] = await activate(sale.key.id, "Laptop", "Desktop");
    const [otherDevice] = await activate(other.key.id, "Other");
    const [foreignDevice] = await activate(foreign.key.id, "Foreign");
    const cookie = await signIn(mine.seller.id);

    expect((await act(cookie, sale.key.id, { intent: "reset-uses" })).data.done).toBe("Uses reset to 0.");
    expect((await stored(sale.key.id)).uses).toBe(0);

    const removed = await act(cookie, sale.key.id, {
      intent: "remove-activation",
      activationId: laptop?.id ?? "",
    });
    expect(removed.data.done).toMatch(/Activation removed/);
    const left = await prisma.licenseActivation.findMany({ where: { licenseKeyId: sale.key.id } });
    expect(left.map((row) => row.id)).toEqual([desktop?.id]);

    // Another key's activation (same shop or not) through this key's page: not on this key.
    for (const activationId of [otherDevice?.id, foreignDevice?.id, laptop?.id, MISSING_ID]) {
      const refused = await act(cookie, sale.key.id, {
        intent: "remove-activation",
        activationId: activationId ?? "",
      });
      expect(refused.status).toBe(404);
      expect(formErrors(refused.data)).toEqual(["This key has no such activation."]);
    }
    expect(
      await prisma.licenseActivation.count({
        where: { id: { in: [otherDevice?.id ?? "", foreignDevice?.id ?? ""] } },
      }),
    ).toBe(2);

    const malformed = await act(cookie, sale.key.id, { intent: "remove-activation", activationId: "x" });
    expect(malformed.status).toBe(400);
    const unknownIntent = await act(cookie, sale.key.id, { intent: "explode" });
    expect(unknownIntent.status).toBe(400);
  });

  it("answers another shop's key with 404 for every action and changes nothing", async () => {
    const mine = await sellerWithListing();
    const theirs = await sellerWithListing();
    const foreign = await purchase(theirs.shop.id, theirs.listing);
    await prisma.licenseKey.update({ where: { id: foreign.key.id }, data: { uses: 3 } });
    const [device] = await activate(foreign.key.id, "Theirs");
    const before = await stored(foreign.key.id);
    const cookie = await signIn(mine.seller.id);
    const everyAction: Record<string, string>[] = [
      { intent: "disable" },
      { intent: "enable" },
      { intent: "rotate" },
      { intent: "reset-uses" },
      { intent: "remove-activation", activationId: device?.id ?? "" },
    ];
    for (const fields of everyAction) {
      for (const id of [foreign.key.id, MISSING_ID]) {
        const refused = await act(cookie, id, fields);
        expect(refused.status).toBe(404);
        expect(formErrors(refused.data)).toEqual(["Your shop has no such licence key."]);
      }
    }
    expect(await stored(foreign.key.id)).toEqual(before);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: foreign.key.id } })).toBe(1);
  });

  it("refuses to disable, enable or rotate a key revoked by a refund", async () => {
    const { seller, shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    const cookie = await signIn(seller.id);
    await refund(sale.entitlement.id);
    expect((await stored(sale.key.id)).status).toBe("REVOKED");
    for (const intent of ["disable", "enable", "rotate"]) {
      const refused = await act(cookie, sale.key.id, { intent });
      expect(refused.status).toBe(409);
      expect(formErrors(refused.data)).toEqual(["This key was revoked by a refund or dispute."]);
    }
    const after = await stored(sale.key.id);
    expect(after).toMatchObject({ status: "REVOKED", key: sale.key.key, rotatedAt: null });

    // A key disabled before the refund is revoked by it, and stays revoked.
    const second = await purchase(shop.id, listing);
    await act(cookie, second.key.id, { intent: "disable" });
    await refund(second.entitlement.id);
    expect((await act(cookie, second.key.id, { intent: "enable" })).status).toBe(409);
    expect((await stored(second.key.id)).status).toBe("REVOKED");
  });
});

describe("enabling gives back what access says now", () => {
  it("a purchase key whose entitlement ended becomes revoked, not active", async () => {
    const { seller, shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    const cookie = await signIn(seller.id);
    await act(cookie, sale.key.id, { intent: "disable" });
    // The entitlement ends without touching the key (as if the key had missed the revoke).
    await prisma.entitlement.update({ where: { id: sale.entitlement.id }, data: { status: "REVOKED" } });
    expect(await accessStatusFor(prisma, sale.key)).toBe("REVOKED");
    const enabled = await act(cookie, sale.key.id, { intent: "enable" });
    expect(enabled.data.done).toMatch(/revoked rather than active/);
    expect((await stored(sale.key.id)).status).toBe("REVOKED");
  });

  it("a plan key is active while the subscription grants access, expired once it does not", async () => {
    const { seller, shop, listing } = await sellerWithListing();
    const { subscription, planKey } = await planSubscriber(shop.id, listing.id);
    const cookie = await signIn(seller.id);

    await act(cookie, planKey.id, { intent: "disable" });
    expect((await act(cookie, planKey.id, { intent: "enable" })).data.done).toMatch(/Key enabled/);
    expect((await stored(planKey.id)).status).toBe("ACTIVE");

    await prisma.subscription.update({ where: { id: subscription.id }, data: { status: "CANCELED" } });
    expect(await accessStatusFor(prisma, planKey)).toBe("EXPIRED");
    await act(cookie, planKey.id, { intent: "disable" });
    expect((await act(cookie, planKey.id, { intent: "enable" })).data.done).toMatch(/stays expired/);
    expect((await stored(planKey.id)).status).toBe("EXPIRED");

    // An expired key can be disabled too (and enabled back to expired).
    expect((await act(cookie, planKey.id, { intent: "disable" })).data.done).toMatch(/Key disabled/);

    // Past due within the grace period still grants access.
    await prisma.subscription.update({
      where: { id: subscription.id },
      data: { status: "PAST_DUE", pastDueSince: new Date() },
    });
    expect(await accessStatusFor(prisma, planKey)).toBe("ACTIVE");
  });
});
