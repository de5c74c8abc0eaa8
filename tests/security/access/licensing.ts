// The public licence APIs (Gumroad's verify, Lemon Squeezy's activate/validate/deactivate, the
// legacy /api/licenses/verify) and each shop's public key for licence tokens. Public by design: a
// licence key is its own credential, cookies play no part, so every principal gets the same answer.
// Probes leave the world's keys as they are: verify does not count uses, nothing is activated.
import { everyone, MISSING_ID, methodNotAllowed, notFound, ok, type Row } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/api.licenses.verify": {
    probes: [
      {
        label: "the API address",
        method: "GET",
        path: () => "/api/licenses/verify",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "checking buyer A's key",
        method: "POST",
        path: () => "/api/licenses/verify",
        body: (w) => ({ json: { key: w.purchaseA.licenseKey } }),
        expect: everyone(ok),
      },
    ],
  },
  "routes/api.v1.licenses.verify": {
    probes: [
      {
        label: "the API address",
        method: "GET",
        path: () => "/api/v1/licenses/verify",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "verifying buyer A's key for shop A's listing (uses not counted)",
        method: "POST",
        path: () => "/api/v1/licenses/verify",
        body: (w) => ({
          form: {
            product_id: w.shopA.listing.id,
            license_key: w.purchaseA.licenseKey,
            increment_uses_count: "false",
          },
        }),
        expect: everyone(ok),
      },
      {
        label: "buyer A's key for shop B's listing",
        method: "POST",
        path: () => "/api/v1/licenses/verify",
        body: (w) => ({ json: { product_id: w.shopB.listing.id, license_key: w.purchaseA.licenseKey } }),
        expect: everyone(notFound),
      },
    ],
  },
  "routes/api.v1.licenses.activate": {
    probes: [
      {
        label: "the API address",
        method: "GET",
        path: () => "/api/v1/licenses/activate",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "activating a key that does not exist",
        method: "POST",
        path: () => "/api/v1/licenses/activate",
        body: () => ({ form: { license_key: "STPL-AAAAA-AAAAA-AAAAA-AAAAA", instance_name: "probe" } }),
        expect: everyone(notFound),
      },
    ],
  },
  "routes/api.v1.licenses.validate": {
    probes: [
      {
        label: "the API address",
        method: "GET",
        path: () => "/api/v1/licenses/validate",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "validating buyer A's key",
        method: "POST",
        path: () => "/api/v1/licenses/validate",
        body: (w) => ({ json: { license_key: w.purchaseA.licenseKey } }),
        expect: everyone(ok),
      },
      {
        label: "buyer A's key with an instance that does not exist",
        method: "POST",
        path: () => "/api/v1/licenses/validate",
        body: (w) => ({ form: { license_key: w.purchaseA.licenseKey, instance_id: MISSING_ID } }),
        expect: everyone(notFound),
      },
    ],
  },
  "routes/api.v1.licenses.deactivate": {
    probes: [
      {
        label: "the API address",
        method: "GET",
        path: () => "/api/v1/licenses/deactivate",
        expect: everyone(methodNotAllowed),
      },
      {
        label: "buyer A's key with an instance that does not exist",
        method: "POST",
        path: () => "/api/v1/licenses/deactivate",
        body: (w) => ({ form: { license_key: w.purchaseA.licenseKey, instance_id: MISSING_ID } }),
        expect: everyone(notFound),
      },
    ],
  },
  "routes/api.v1.shops.$handle.license-public-key": {
    // The same bytes for everyone: cached publicly (immutable for its hour) even for a signed-in visitor.
    shared: true,
    probes: [
      {
        label: "shop A's public key",
        method: "GET",
        path: (w) => `/api/v1/shops/${w.shopA.shop.handle}/license-public-key`,
        expect: everyone(ok),
      },
      {
        label: "the key of a shop that does not exist",
        method: "GET",
        path: () => "/api/v1/shops/no-such-shop/license-public-key",
        expect: everyone(notFound),
      },
    ],
  },
};
