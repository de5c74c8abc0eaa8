// Managing licence keys: the seller's keys list and key page (disable, enable, rotate, reset uses,
// remove an activation) and the buyer's "Free this device". Probes that change state are chosen to
// leave the world's keys working: enabling an active key and resetting uses change nothing the
// other probes rely on; nothing here rotates or disables a world key.
import { badRequest, MISSING_ID, members, notFound, ok, type Row, sellers } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/dashboard.licenses._index": {
    private: true,
    probes: [
      {
        label: "the licence keys list",
        method: "GET",
        path: () => "/dashboard/licenses",
        expect: sellers(ok),
      },
      {
        label: "the list searched for buyer A's key",
        method: "GET",
        path: (w) => `/dashboard/licenses?q=${w.purchaseA.licenseKey}&status=active`,
        expect: sellers(ok),
      },
    ],
  },
  "routes/dashboard.licenses.$keyId": {
    private: true,
    probes: [
      {
        label: "shop A's key (buyer A's purchase)",
        method: "GET",
        path: (w) => `/dashboard/licenses/${w.purchaseA.licenseKeyId}`,
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "a key that does not exist",
        method: "GET",
        path: () => `/dashboard/licenses/${MISSING_ID}`,
        expect: sellers(notFound),
      },
      {
        label: "a malformed key id",
        method: "GET",
        path: () => "/dashboard/licenses/not-an-id",
        expect: sellers(notFound),
      },
      {
        label: "enabling shop A's key (already active: nothing changes)",
        method: "POST",
        path: (w) => `/dashboard/licenses/${w.purchaseA.licenseKeyId}`,
        body: () => ({ form: { intent: "enable" } }),
        expect: sellers(notFound, { sellerA: ok }),
      },
      {
        label: "resetting the uses of shop B's key",
        method: "POST",
        path: (w) => `/dashboard/licenses/${w.purchaseB.licenseKeyId}`,
        body: () => ({ form: { intent: "reset-uses" } }),
        expect: sellers(notFound, { sellerB: ok }),
      },
      {
        label: "removing an activation that does not exist from shop A's key",
        method: "POST",
        path: (w) => `/dashboard/licenses/${w.purchaseA.licenseKeyId}`,
        body: () => ({ form: { intent: "remove-activation", activationId: MISSING_ID } }),
        expect: sellers(notFound),
      },
      {
        label: "an unknown action on shop A's key",
        method: "POST",
        path: (w) => `/dashboard/licenses/${w.purchaseA.licenseKeyId}`,
        body: () => ({ form: { intent: "delete" } }),
        expect: sellers(notFound, { sellerA: badRequest }),
      },
      {
        label: "disabling a key that does not exist",
        method: "POST",
        path: () => `/dashboard/licenses/${MISSING_ID}`,
        body: () => ({ form: { intent: "disable" } }),
        expect: sellers(notFound),
      },
    ],
  },
  "routes/library.keys.$keyId": {
    private: true,
    probes: [
      {
        label: "the free-a-device page without a submission",
        method: "GET",
        path: (w) => `/library/keys/${w.purchaseA.licenseKeyId}`,
        expect: members(ok),
      },
      {
        label: "freeing a device that does not exist from buyer A's key",
        method: "POST",
        path: (w) => `/library/keys/${w.purchaseA.licenseKeyId}`,
        body: () => ({ form: { intent: "deactivate", activationId: MISSING_ID } }),
        expect: members(notFound),
      },
      {
        label: "freeing a device with a malformed activation id",
        method: "POST",
        path: (w) => `/library/keys/${w.purchaseA.licenseKeyId}`,
        body: () => ({ form: { intent: "deactivate", activationId: "not-an-id" } }),
        expect: members(badRequest),
      },
      {
        label: "freeing a device of a key that does not exist",
        method: "POST",
        path: () => `/library/keys/${MISSING_ID}`,
        body: () => ({ form: { intent: "deactivate", activationId: MISSING_ID } }),
        expect: members(notFound),
      },
    ],
  },
};
