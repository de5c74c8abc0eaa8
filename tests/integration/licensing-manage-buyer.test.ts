// The buyer's side of licence keys, through the real loaders and actions: the library item shows
// the key, its status in words, its activations (and a plan's key for a plan-granted item), only to
// its owner; "Free this device" deletes the buyer's own activation and nobody else's.
import { describe, expect, it } from "vitest";
import * as itemRoute from "~/routes/library.$entitlementId/route.tsx";
import * as freeRoute from "~/routes/library.keys.$keyId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import {
  activate,
  type FormReply,
  formErrors,
  planSubscriber,
  postAs,
  purchase,
  sellerWithListing,
} from "./licensing-manage-fixtures.ts";

Object.assign(process.env, testEnv);

const MISSING_ID = "cmissing00000000000000000";

const item = async (cookie: string, entitlementId: string) =>
  expectData(
    await callRoute(itemRoute.loader, requestAs(cookie, `/library/${entitlementId}`), { entitlementId }),
  ).data;
const free = (cookie: string | null, keyId: string, fields: Record<string, string>) =>
  callRoute(freeRoute.action, postAs(cookie, `/library/keys/${keyId}`, fields), { keyId });

describe("licence keys in the library", () => {
  it("shows the owner their key, its status, and each activation against the limit", async () => {
    const { shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    await prisma.licenseKey.update({ where: { id: sale.key.id }, data: { maxActivations: 3 } });
    const [laptop, desktop] = await activate(sale.key.id, "Laptop", "Desktop");
    const other = await purchase(shop.id, listing);
    await activate(other.key.id, "Someone else's phone");

    const shown = await item(await signIn(sale.buyer.id), sale.entitlement.id);
    expect(shown.licenseKey).toEqual([
      expect.objectContaining({
        id: sale.key.id,
        key: sale.key.key,
        status: "ACTIVE",
        planName: null,
        activationLimit: 3,
        activations: [
          expect.objectContaining({ id: laptop?.id, instanceName: "Laptop" }),
          expect.objectContaining({ id: desktop?.id, instanceName: "Desktop" }),
        ],
      }),
    ]);
    expect(JSON.stringify(shown)).not.toContain(other.key.key);
    expect(JSON.stringify(shown)).not.toContain("Someone else's phone");

    // 0 is "no limit": shown as unlimited (null), and a disabled key keeps being shown, as disabled.
    await prisma.licenseKey.update({
      where: { id: sale.key.id },
      data: { maxActivations: 0, status: "DISABLED" },
    });
    const again = await item(await signIn(sale.buyer.id), sale.entitlement.id);
    expect(again.licenseKey[0]).toMatchObject({ activationLimit: null, status: "DISABLED" });

    // Another buyer cannot open the item at all.
    const foreign = await callRoute(
      itemRoute.loader,
      requestAs(await signIn(other.buyer.id), `/library/${sale.entitlement.id}`),
      { entitlementId: sale.entitlement.id },
    );
    expect(expectResponse(foreign).status).toBe(404);
  });

  it("shows a plan-granted item the plan's key, valid while the subscription lasts", async () => {
    const { shop, listing } = await sellerWithListing();
    const { buyer, plan, entitlement, planKey } = await planSubscriber(shop.id, listing.id);
    const shown = await item(await signIn(buyer.id), entitlement.id);
    expect(shown.licenseKey).toContainEqual(
      expect.objectContaining({ id: planKey.id, key: planKey.key, planName: plan.name }),
    );
  });
});

describe("freeing a device", () => {
  it("deletes the buyer's own activation and goes back to the library item", async () => {
    const { shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    const [laptop, desktop] = await activate(sale.key.id, "Laptop", "Desktop");
    const cookie = await signIn(sale.buyer.id);

    const freed = expectResponse(
      await free(cookie, sale.key.id, {
        intent: "deactivate",
        activationId: laptop?.id ?? "",
        entitlementId: sale.entitlement.id,
      }),
    );
    expect(freed.status).toBe(302);
    expect(freed.headers.get("Location")).toBe(`/library/${sale.entitlement.id}?device=freed`);
    const left = await prisma.licenseActivation.findMany({ where: { licenseKeyId: sale.key.id } });
    expect(left.map((row) => row.id)).toEqual([desktop?.id]);
    const shown = await item(cookie, sale.entitlement.id);
    expect(shown.licenseKey[0].activations).toHaveLength(1);

    // Without the item in the form, the key's own item is where it goes back to.
    const second = expectResponse(
      await free(cookie, sale.key.id, { intent: "deactivate", activationId: desktop?.id ?? "" }),
    );
    expect(second.headers.get("Location")).toBe(`/library/${sale.entitlement.id}?device=freed`);

    // Freed already: nothing left to free.
    const twice = expectData<FormReply>(
      await free(cookie, sale.key.id, { intent: "deactivate", activationId: desktop?.id ?? "" }),
    );
    expect(twice.status).toBe(404);
  });

  it("frees a device of a plan key from a plan-granted item", async () => {
    const { shop, listing } = await sellerWithListing();
    const { buyer, entitlement, planKey } = await planSubscriber(shop.id, listing.id);
    const [device] = await activate(planKey.id, "Build server");
    const freed = expectResponse(
      await free(await signIn(buyer.id), planKey.id, {
        intent: "deactivate",
        activationId: device?.id ?? "",
        entitlementId: entitlement.id,
      }),
    );
    expect(freed.headers.get("Location")).toBe(`/library/${entitlement.id}?device=freed`);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: planKey.id } })).toBe(0);
  });

  it("answers another buyer's key or activation with 404 and deletes nothing", async () => {
    const { shop, listing } = await sellerWithListing();
    const mine = await purchase(shop.id, listing);
    const theirs = await purchase(shop.id, listing);
    const [myDevice] = await activate(mine.key.id, "Mine");
    const [theirDevice] = await activate(theirs.key.id, "Theirs");
    const cookie = await signIn(mine.buyer.id);

    for (const [keyId, activationId] of [
      [theirs.key.id, theirDevice?.id], // their key, their device
      [mine.key.id, theirDevice?.id], // my key, their device
      [theirs.key.id, myDevice?.id], // their key, my device
      [mine.key.id, MISSING_ID],
      [MISSING_ID, myDevice?.id],
      ["not-an-id", myDevice?.id],
    ] as const) {
      const refused = expectData<FormReply>(
        await free(cookie, keyId, { intent: "deactivate", activationId: activationId ?? "" }),
      );
      expect(refused.status).toBe(404);
      expect(formErrors(refused.data)).toEqual([
        "This device is not activated with your key (it may be freed already).",
      ]);
    }
    expect(
      await prisma.licenseActivation.count({
        where: { id: { in: [myDevice?.id ?? "", theirDevice?.id ?? ""] } },
      }),
    ).toBe(2);

    const malformed = expectData<FormReply>(
      await free(cookie, mine.key.id, { intent: "deactivate", activationId: "nope" }),
    );
    expect(malformed.status).toBe(400);
    const anonymous = expectResponse(
      await free(null, mine.key.id, { intent: "deactivate", activationId: myDevice?.id ?? "" }),
    );
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: mine.key.id } })).toBe(1);
  });

  it("lets one buyer free 20 devices an hour, then answers 429 with Retry-After", async () => {
    const { shop, listing } = await sellerWithListing();
    const sale = await purchase(shop.id, listing);
    const cookie = await signIn(sale.buyer.id);
    for (let attempt = 0; attempt < 20; attempt++) {
      const outcome = await free(cookie, sale.key.id, { intent: "deactivate", activationId: MISSING_ID });
      expect(expectData(outcome).status).toBe(404);
    }
    const [device] = await activate(sale.key.id, "One too many");
    const limited = expectData<FormReply>(
      await free(cookie, sale.key.id, { intent: "deactivate", activationId: device?.id ?? "" }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(formErrors(limited.data)[0]).toMatch(/^Too many devices freed\. Try again in \d+ minutes?\.$/);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: sale.key.id } })).toBe(1);
  });
});
