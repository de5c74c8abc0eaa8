// Lemon Squeezy's License API at /api/v1/licenses/{activate,validate,deactivate}: its fields (form,
// JSON and the official client's application/vnd.api+json), its answer shape, status strings, status
// codes and messages; the activation limit under 20 concurrent activations; refunds and the seller's
// switch; and the official @lemonsqueezy/lemonsqueezy.js client pointed at Stapel.
import { activateLicense, deactivateLicense, validateLicense } from "@lemonsqueezy/lemonsqueezy.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as activateRoute from "~/routes/api.v1.licenses.activate/route.ts";
import * as deactivateRoute from "~/routes/api.v1.licenses.deactivate/route.ts";
import * as validateRoute from "~/routes/api.v1.licenses.validate/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { callRoute, expectResponse, testContext } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import { callLicenseApi, nextAddress, purchasedKey, refundFully } from "./licensing-api-fixtures.ts";

Object.assign(process.env, testEnv);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("POST /api/v1/licenses/activate, validate, deactivate", () => {
  it("activates, validates and deactivates in Lemon Squeezy's shape", async () => {
    const { shop, listing, tier, buyer, order, key } = await purchasedKey({ activationLimit: 2 });

    const activated = await callLicenseApi("activate", {
      license_key: key.key,
      instance_name: "Ada's laptop",
    });
    expect(activated.status).toBe(200);
    const meta = {
      store_id: shop.id,
      order_id: order.id,
      order_item_id: order.items[0]?.id,
      product_id: listing.id,
      product_name: listing.title,
      variant_id: tier.id,
      variant_name: "Commercial",
      customer_id: buyer.id,
      customer_name: "Ada Buyer",
      customer_email: buyer.email,
    };
    expect(activated.body).toEqual({
      activated: true,
      error: null,
      license_key: {
        id: key.id,
        status: "active",
        key: key.key,
        activation_limit: 2,
        activation_usage: 1,
        created_at: key.createdAt.toISOString(),
        expires_at: null,
        test_mode: false,
      },
      instance: { id: expect.any(String), name: "Ada's laptop", created_at: expect.stringMatching(ISO) },
      meta,
    });
    const instanceId = activated.body.instance.id as string;

    // JSON, and the official client's media type.
    for (const as of ["json", "vnd"] as const) {
      const valid = await callLicenseApi(
        "validate",
        { license_key: key.key, instance_id: instanceId },
        { as },
      );
      expect(valid.status).toBe(200);
      expect(valid.body).toMatchObject({
        valid: true,
        error: null,
        license_key: { status: "active", activation_usage: 1 },
        instance: { id: instanceId, name: "Ada's laptop" },
        meta,
      });
    }
    // Without an instance: the key, "instance": null.
    expect((await callLicenseApi("validate", { license_key: key.key })).body).toMatchObject({
      valid: true,
      instance: null,
    });

    const deactivated = await callLicenseApi("deactivate", { license_key: key.key, instance_id: instanceId });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toEqual({
      deactivated: true,
      error: null,
      license_key: expect.objectContaining({ status: "inactive", activation_usage: 0 }),
      meta,
    });
    expect(deactivated.body).not.toHaveProperty("instance");
    // The instance is gone.
    expect(await callLicenseApi("validate", { license_key: key.key, instance_id: instanceId })).toMatchObject(
      {
        status: 404,
        body: { valid: false, error: "instance_id not found." },
      },
    );
    expect(
      await callLicenseApi("deactivate", { license_key: key.key, instance_id: instanceId }),
    ).toMatchObject({
      status: 404,
      body: { deactivated: false, error: "instance_id not found." },
    });
  });

  it("refuses past the activation limit with 400, and frees a place on deactivation", async () => {
    const { key } = await purchasedKey({ activationLimit: 1 });
    const first = await callLicenseApi(
      "activate",
      { license_key: key.key, instance_name: "one" },
      { as: "json" },
    );
    expect(first.body.activated).toBe(true);
    const second = await callLicenseApi(
      "activate",
      { license_key: key.key, instance_name: "two" },
      { as: "json" },
    );
    expect(second).toMatchObject({
      status: 400,
      body: {
        activated: false,
        error: "This license key has reached the activation limit.",
        license_key: { activation_limit: 1, activation_usage: 1, status: "active" },
        instance: null,
      },
    });
    await callLicenseApi("deactivate", { license_key: key.key, instance_id: first.body.instance.id });
    const again = await callLicenseApi("activate", { license_key: key.key, instance_name: "two" });
    expect(again.body).toMatchObject({ activated: true, license_key: { activation_usage: 1 } });
  });

  it("never exceeds the limit: 20 concurrent activations at a limit of 3 make exactly 3", async () => {
    const { key } = await purchasedKey({ activationLimit: 3 });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        callLicenseApi("activate", { license_key: key.key, instance_name: `device ${n}` }),
      ),
    );
    expect(replies.filter((reply) => reply.body.activated === true)).toHaveLength(3);
    const refused = replies.filter((reply) => reply.body.activated === false);
    expect(refused).toHaveLength(17);
    for (const reply of refused)
      expect(reply).toMatchObject({
        status: 400,
        body: { error: "This license key has reached the activation limit." },
      });
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: key.id } })).toBe(3);
  });

  it("lets a key without a limit activate any number of times (activation_limit null)", async () => {
    const { key } = await purchasedKey({ activationLimit: null });
    for (let n = 0; n < 5; n++)
      expect(
        (await callLicenseApi("activate", { license_key: key.key, instance_name: `d${n}` })).body,
      ).toMatchObject({
        activated: true,
        license_key: { activation_limit: null, activation_usage: n + 1 },
      });
  });

  it("answers 404 for an unknown key and 422 for a missing or malformed field", async () => {
    const unknown = await callLicenseApi("activate", {
      license_key: "ACME-AAAAA-BBBBB-CCCCC-DDDDD",
      instance_name: "x",
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: {
        activated: false,
        error: "license_key not found.",
        license_key: null,
        instance: null,
        meta: null,
      },
    });
    expect((await callLicenseApi("validate", { license_key: "nope" })).body).toMatchObject({
      valid: false,
      error: "license_key not found.",
    });
    const { key } = await purchasedKey();
    const cases: [string, Record<string, unknown>, string][] = [
      ["activate", { license_key: key.key }, "The instance name field is required."],
      ["activate", { instance_name: "x" }, "The license key field is required."],
      [
        "activate",
        { license_key: key.key, instance_name: "x".repeat(256) },
        "The instance name must not be greater than 255 characters.",
      ],
      ["activate", { license_key: [key.key], instance_name: "x" }, "The license key must be a string."],
      ["validate", { license_key: key.key, instance_id: 7 }, "The instance id must be a string."],
      ["deactivate", { license_key: key.key }, "The instance id field is required."],
    ];
    for (const [endpoint, fields, error] of cases) {
      const reply = await callLicenseApi(endpoint as "activate", fields, { as: "json" });
      expect(reply, `${endpoint} ${JSON.stringify(fields).slice(0, 60)}`).toMatchObject({
        status: 422,
        body: { error },
      });
    }
    // NUL bytes (which PostgreSQL text cannot hold) are refused before the database, never a 500.
    expect(
      await callLicenseApi("activate", { license_key: key.key, instance_name: "a\u0000b" }, { as: "json" }),
    ).toMatchObject({ status: 422, body: { error: "The instance name format is invalid." } });
    expect(
      await callLicenseApi("validate", { license_key: `${key.key}\u0000` }, { as: "json" }),
    ).toMatchObject({ status: 422, body: { error: "The license key format is invalid." } });
    expect(
      await callLicenseApi("deactivate", { license_key: key.key, instance_id: "c\u0000" }, { as: "json" }),
    ).toMatchObject({ status: 422, body: { error: "The instance id format is invalid." } });
    expect(
      await callLicenseApi("verify", { product_id: "x\u0000", license_key: key.key }, { as: "json" }),
    ).toMatchObject({ status: 404, body: { success: false } });
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: key.id } })).toBe(0);
    expect((await callLicenseApi("activate", "{broken", { as: "json" })).status).toBe(400);
  });

  it("never activates or validates a disabled or refunded key", async () => {
    const { key, order } = await purchasedKey();
    const device = await callLicenseApi("activate", { license_key: key.key, instance_name: "before" });
    const instanceId = device.body.instance.id as string;

    await prisma.licenseKey.update({ where: { id: key.id }, data: { status: "DISABLED" } });
    expect(await callLicenseApi("activate", { license_key: key.key, instance_name: "x" })).toMatchObject({
      status: 400,
      body: { activated: false, error: "This license key is disabled.", license_key: { status: "disabled" } },
    });
    expect(await callLicenseApi("validate", { license_key: key.key, instance_id: instanceId })).toMatchObject(
      {
        status: 400,
        body: { valid: false, error: "This license key is disabled." },
      },
    );

    await prisma.licenseKey.update({ where: { id: key.id }, data: { status: "ACTIVE" } });
    await refundFully(order.id);
    for (const fields of [{ license_key: key.key }, { license_key: key.key, instance_id: instanceId }]) {
      expect(await callLicenseApi("validate", fields)).toMatchObject({
        status: 400,
        body: { valid: false, error: "This license key is disabled.", license_key: { status: "disabled" } },
      });
    }
    expect(
      (await callLicenseApi("activate", { license_key: key.key, instance_name: "after" })).body.activated,
    ).toBe(false);
    // A device can still be let go.
    expect(
      (await callLicenseApi("deactivate", { license_key: key.key, instance_id: instanceId })).body
        .deactivated,
    ).toBe(true);
    expect(await prisma.licenseActivation.count({ where: { licenseKeyId: key.id } })).toBe(0);
  });

  it("answers CORS preflights and refuses GET with 405", async () => {
    const preflight = expectResponse(
      await callRoute(
        activateRoute.action,
        new Request("http://stapel.test/api/v1/licenses/activate", { method: "OPTIONS" }),
        {},
        testContext({ clientAddress: nextAddress() }),
      ),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const get = expectResponse(
      await callRoute(validateRoute.loader, new Request("http://stapel.test/api/v1/licenses/validate")),
    );
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST, OPTIONS");
  });
});

describe("the official Lemon Squeezy client", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("works unchanged with its base URL pointed at Stapel", async () => {
    const { key, order } = await purchasedKey({ activationLimit: 1 });
    const routes: Record<string, typeof activateRoute.action> = {
      "/api/v1/licenses/activate": activateRoute.action,
      "/api/v1/licenses/validate": validateRoute.action,
      "/api/v1/licenses/deactivate": deactivateRoute.action,
    };
    const seen: { url: string; contentType: string | null; accept: string | null }[] = [];
    // "Changing the base URL": https://api.lemonsqueezy.com becomes <stapel>/api, nothing else changes.
    const stapelFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input).replace("https://api.lemonsqueezy.com", "http://stapel.test/api");
      const request = new Request(url, init);
      seen.push({
        url,
        contentType: request.headers.get("Content-Type"),
        accept: request.headers.get("Accept"),
      });
      const route = routes[new URL(url).pathname];
      if (!route) return new Response("not found", { status: 404 });
      return expectResponse(
        await callRoute(route, request, {}, testContext({ clientAddress: nextAddress() })),
      );
    };
    vi.stubGlobal("fetch", stapelFetch);

    const activated = await activateLicense(key.key, "Build server");
    expect(activated.error).toBeNull();
    expect(activated.statusCode).toBe(200);
    expect(activated.data).toMatchObject({
      activated: true,
      license_key: { key: key.key, activation_usage: 1 },
    });
    const instanceId = activated.data?.instance?.id ?? "";

    const refused = await activateLicense(key.key, "Second machine");
    expect(refused.statusCode).toBe(400);
    expect(refused.error?.cause).toBe("This license key has reached the activation limit.");

    const valid = await validateLicense(key.key, instanceId);
    expect(valid.data).toMatchObject({ valid: true, instance: { id: instanceId } });
    const keyOnly = await validateLicense(key.key);
    expect(keyOnly.data).toMatchObject({ valid: true, instance: null });

    const deactivated = await deactivateLicense(key.key, instanceId);
    expect(deactivated.data).toMatchObject({ deactivated: true, license_key: { activation_usage: 0 } });

    await refundFully(order.id);
    const afterRefund = await validateLicense(key.key);
    expect(afterRefund.statusCode).toBe(400);
    expect(afterRefund.data).toMatchObject({ valid: false, license_key: { status: "disabled" } });

    expect(seen.map((call) => new URL(call.url).pathname)).toEqual([
      "/api/v1/licenses/activate",
      "/api/v1/licenses/activate",
      "/api/v1/licenses/validate",
      "/api/v1/licenses/validate",
      "/api/v1/licenses/deactivate",
      "/api/v1/licenses/validate",
    ]);
    expect(seen[0]).toMatchObject({
      contentType: "application/vnd.api+json",
      accept: "application/vnd.api+json",
    });
  });
});
