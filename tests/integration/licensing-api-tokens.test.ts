// Signed licence tokens for offline checks: a compact JWS (EdDSA, Ed25519) that verifies with the
// shop's published public key using node:crypto alone, and fails once tampered with or checked
// against another shop's key.
import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as publicKeyRoute from "~/routes/api.v1.shops.$handle.license-public-key/route.ts";
import { callRoute, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import { callLicenseApi, purchasedKey, type Reply } from "./licensing-api-fixtures.ts";

Object.assign(process.env, testEnv);

async function publishedKey(handle: string) {
  const response = expectResponse(
    await callRoute(
      publicKeyRoute.loader,
      new Request(`http://stapel.test/api/v1/shops/${handle}/license-public-key`),
      { handle },
    ),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Reply["body"],
  };
}

/** What a seller's app does, with node:crypto only (docs/licensing.md shows the same). */
function verifyToken(token: string, jwk: Reply["body"]) {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const ok = verify(
    null,
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk, format: "jwk" }),
    Buffer.from(signature, "base64url"),
  );
  return ok ? (JSON.parse(Buffer.from(payload, "base64url").toString()) as Reply["body"]) : null;
}

describe("licence tokens", () => {
  it("signs a token that verifies offline with the shop's published key, and not once tampered", async () => {
    const { shop, listing, key } = await purchasedKey();
    const published = await publishedKey(shop.handle);
    expect(published.status).toBe(200);
    expect(published.headers.get("Cache-Control")).toMatch(/^public, max-age=3600/);
    expect(published.body).toEqual({
      shop: shop.handle,
      algorithm: "Ed25519",
      key_id: expect.stringMatching(/^[\w-]{16}$/),
      public_key_pem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
      public_key_jwk: {
        kty: "OKP",
        crv: "Ed25519",
        x: expect.any(String),
        kid: published.body.key_id,
        alg: "EdDSA",
        use: "sig",
      },
    });
    // The PEM and the JWK are the same key.
    expect(createPublicKey(published.body.public_key_pem).export({ format: "jwk" }).x).toBe(
      published.body.public_key_jwk.x,
    );
    // Stable: asked again, the same key.
    expect((await publishedKey(shop.handle)).body.key_id).toBe(published.body.key_id);

    const activated = await callLicenseApi("activate", {
      license_key: key.key,
      instance_name: "laptop",
      token: "true",
    });
    const token = activated.body.token as string;
    const [header] = token.split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toEqual({
      alg: "EdDSA",
      typ: "JWT",
      kid: published.body.key_id,
    });
    const claims = verifyToken(token, published.body.public_key_jwk);
    expect(claims).toEqual({
      iss: "http://stapel.test",
      sub: key.id,
      shop: shop.handle,
      product_id: listing.id,
      status: "active",
      instance_id: activated.body.instance.id,
      key_expires_at: null,
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect((claims?.exp ?? 0) - (claims?.iat ?? 0)).toBe(24 * 3600);

    // Tampered: another status in the payload, or a flipped signature byte.
    const [h, p, s] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...claims, status: "active", product_id: "another" }),
    ).toString("base64url");
    expect(verifyToken(`${h}.${forged}.${s}`, published.body.public_key_jwk)).toBeNull();
    const flipped = Buffer.from(s ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(
      verifyToken(`${h}.${p}.${flipped.toString("base64url")}`, published.body.public_key_jwk),
    ).toBeNull();
    // Another shop's key does not verify it.
    const other = await purchasedKey();
    expect(verifyToken(token, (await publishedKey(other.shop.handle)).body.public_key_jwk)).toBeNull();

    // Verify and validate sign too, only when asked.
    const verified = await callLicenseApi(
      "verify",
      { product_id: listing.id, license_key: key.key, token: true },
      { as: "json" },
    );
    expect(verifyToken(verified.body.token, published.body.public_key_jwk)).toMatchObject({
      instance_id: null,
    });
    expect((await callLicenseApi("validate", { license_key: key.key })).body).not.toHaveProperty("token");
  });

  it("answers 404 for a shop that does not exist", async () => {
    for (const handle of ["no-such-shop", "bad handle!", "x".repeat(100)]) {
      const reply = await publishedKey(handle);
      expect(reply.status, handle).toBe(404);
      expect(reply.body).toEqual({ error: "No shop with that handle." });
    }
  });
});
