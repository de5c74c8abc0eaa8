// The listing editor's "Downloads per purchase" field: empty is unlimited, 1..1000 is stored and
// shown again on the edit page, anything else is refused with a message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as editRoute from "~/routes/dashboard.listings.$listingId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import {
  createThroughEditor,
  editListing,
  editorTables,
  fieldErrors,
  newListing,
  promptFields,
  sellerShop,
} from "./listings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const limitOf = async (listingId: string) =>
  (await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).downloadLimit;

describe("downloads per purchase in the listing editor", () => {
  it("stores a limit, shows it on the edit page, and clears it when emptied", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(shop.cookie, promptFields({ downloadLimit: " 5 " }));
    expect(await limitOf(listingId)).toBe(5);
    const page = expectData(
      await callRoute(editRoute.loader, requestAs(shop.cookie, `/dashboard/listings/${listingId}`), {
        listingId,
      }),
    );
    expect(page.data.listing.downloadLimit).toBe(5);
    await editListing(shop.cookie, listingId, { ...promptFields({ downloadLimit: "1000" }), intent: "save" });
    expect(await limitOf(listingId)).toBe(1000);
    await editListing(shop.cookie, listingId, { ...promptFields({ downloadLimit: "" }), intent: "save" });
    expect(await limitOf(listingId)).toBeNull();
    expect(await limitOf(await createThroughEditor(shop.cookie, promptFields()))).toBeNull();
  });

  it.each(["0", "1001", "-1", "2.5", "five", "1e3", "99999999999"])(
    "refuses %s with a message and stores nothing",
    async (value) => {
      const shop = await sellerShop();
      const before = await editorTables();
      const reply = expectData(await newListing(shop.cookie, promptFields({ downloadLimit: value })));
      expect(reply.status).toBe(400);
      expect(fieldErrors(reply.data).downloadLimit?.join(" ")).toMatch(/1 to 1000/);
      expect(await editorTables()).toEqual(before);
    },
  );
});
