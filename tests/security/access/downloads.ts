// Paid file downloads behind signed links: the genuine link (for everyone: download managers carry no
// session), and every way a link can be wrong: a forged signature, an expired link, another user's or
// entitlement's id under the same signature, the query moved to another file, a correctly signed link
// to a file the entitlement does not cover, an incomplete link.
import { createDownloadPath } from "~/modules/delivery/download-links.server.ts";
import { everyone, forbidden, MISSING_ID, notFound, ok, type Row } from "../support/access.ts";
import type { World } from "../support/world.ts";

const gone = { status: 410 } as const;
const badRequest = { status: 400 } as const;

const grantA = (w: World) => ({
  userId: w.users.buyerA.id,
  entitlementId: w.purchaseA.entitlementId,
  fileId: w.shopA.file.id,
});

export const rows: Record<string, Row> = {
  "routes/downloads.$fileId": {
    private: true,
    probes: [
      {
        // A signed link works without a session (download managers): it is bound to buyer A's
        // entitlement and checked against it again on use.
        label: "buyer A's signed link",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath,
        expect: everyone(ok),
      },
      {
        label: "a link with a forged signature",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath.replace(/sig=[^&]+/, "sig=forged"),
        expect: everyone(forbidden),
      },
      {
        label: "buyer A's link, expired",
        method: "GET",
        path: (w) => createDownloadPath(grantA(w), Date.now() - 24 * 60 * 60 * 1000),
        expect: everyone(gone),
      },
      {
        label: "buyer A's signature with buyer B's user id",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath.replace(`u=${w.users.buyerA.id}`, `u=${w.users.buyerB.id}`),
        expect: everyone(forbidden),
      },
      {
        label: "buyer A's signature with buyer B's entitlement",
        method: "GET",
        path: (w) =>
          w.purchaseA.downloadPath.replace(
            `e=${w.purchaseA.entitlementId}`,
            `e=${w.purchaseB.entitlementId}`,
          ),
        expect: everyone(forbidden),
      },
      {
        label: "buyer A's signed query on shop B's file",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath.replace(w.shopA.file.id, w.shopB.file.id),
        expect: everyone(forbidden),
      },
      {
        label: "buyer A's signed query on a file that does not exist",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath.replace(w.shopA.file.id, MISSING_ID),
        expect: everyone(forbidden),
      },
      {
        label: "a validly signed link to a file buyer B's purchase does not include",
        method: "GET",
        path: (w) => w.crossLinkBtoA,
        expect: everyone(notFound),
      },
      {
        label: "a link without its signed query",
        method: "GET",
        path: (w) => w.purchaseA.downloadPath.split("?")[0] ?? "",
        expect: everyone(badRequest),
      },
    ],
  },
};
