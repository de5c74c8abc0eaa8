import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign } from "node:crypto";
import { env } from "~/utils/env.server.ts";

/**
 * Signed licence tokens for offline checks: a compact JWS (RFC 7515, `alg: EdDSA`, Ed25519) a seller's
 * app keeps and verifies with the shop's published public key, without calling Stapel.
 *
 * Each shop has its own key pair, derived from one server secret (HKDF-SHA256 over the shop id to a
 * 32-byte Ed25519 seed), so every app server derives the same keys and nothing is stored. Rotating
 * LICENSE_SIGNING_SECRET rotates every shop's key (the key id changes with it).
 */

// PKCS#8 DER for an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

type ShopKeys = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
const cache = new Map<string, ShopKeys>();

function signingSecret(): Buffer {
  const config = env();
  // Without a secret of its own, one is derived from the session secret (separate HKDF label).
  return Buffer.from(config.LICENSE_SIGNING_SECRET ?? `session:${config.SESSION_SECRET}`, "utf8");
}

/** The shop's key pair and its key id (the first 16 base64url characters of SHA-256 of the raw public key). */
export function shopSigningKeys(shopId: string): ShopKeys {
  const cached = cache.get(shopId);
  if (cached) return cached;
  const seed = Buffer.from(
    hkdfSync("sha256", signingSecret(), "stapel-license-tokens", `shop:${shopId}`, 32),
  );
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = createPublicKey(privateKey);
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
  const keyId = createHash("sha256").update(raw).digest("base64url").slice(0, 16);
  const keys = { privateKey, publicKey, keyId };
  if (cache.size > 1000) cache.clear();
  cache.set(shopId, keys);
  return keys;
}

/** The shop's public key as published at /api/v1/shops/<handle>/license-public-key. */
export function publicKeyDocument(shop: { id: string; handle: string }) {
  const { publicKey, keyId } = shopSigningKeys(shop.id);
  const jwk = publicKey.export({ format: "jwk" });
  return {
    shop: shop.handle,
    algorithm: "Ed25519" as const,
    key_id: keyId,
    public_key_pem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    public_key_jwk: { kty: "OKP", crv: "Ed25519", x: jwk.x, kid: keyId, alg: "EdDSA", use: "sig" },
  };
}

export type LicenseTokenClaims = {
  /** The licence key's id (not the key itself: tokens end up in logs and caches). */
  sub: string;
  /** The shop (its handle) whose key signed the token. */
  shop: string;
  /** The listing of a purchase key, the plan of a plan key. */
  product_id: string;
  /** active, disabled, expired or revoked, at the time of signing. */
  status: string;
  /** The activation (Lemon Squeezy's instance) the token was issued for, if any. */
  instance_id: string | null;
  /** The key's own expiry (plan keys follow their subscription instead), ISO 8601 or null. */
  key_expires_at: string | null;
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

/** A compact JWS over the claims, valid for LICENSE_TOKEN_TTL_SECONDS from now. */
export function signLicenseToken(shopId: string, claims: LicenseTokenClaims, now = new Date()) {
  const { privateKey, keyId } = shopSigningKeys(shopId);
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: "EdDSA", typ: "JWT", kid: keyId };
  const payload = { iss: env().APP_URL, ...claims, iat, exp: iat + env().LICENSE_TOKEN_TTL_SECONDS };
  const signingInput = `${b64(header)}.${b64(payload)}`;
  const signature = sign(null, Buffer.from(signingInput, "ascii"), privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}
