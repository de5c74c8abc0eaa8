// A listing carries its language: the editor's "Language of this listing" select saves it, junk is
// refused with a message and nothing stored, an edit without the field keeps it, and the listing
// page shows it as a badge's data.
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

const languageOf = async (id: string) =>
  (await prisma.listing.findUniqueOrThrow({ where: { id }, select: { language: true } })).language;

describe("the language of a listing", () => {
  it("is English unless the seller picks Deutsch, and edits change or keep it", async () => {
    const shop = await sellerShop();
    const english = await createThroughEditor(shop.cookie, promptFields());
    expect(await languageOf(english)).toBe("en");

    const german = await createThroughEditor(
      shop.cookie,
      promptFields({ title: "Angebotsvorlage", language: "de" }),
    );
    expect(await languageOf(german)).toBe("de");

    // The editor shows the saved language.
    const loaded = expectData(
      await callRoute(editRoute.loader, requestAs(shop.cookie, `/dashboard/listings/${german}`), {
        listingId: german,
      }),
    );
    expect(loaded.data.listing.language).toBe("de");

    await editListing(shop.cookie, english, { ...promptFields(), intent: "save", language: "de" });
    expect(await languageOf(english)).toBe("de");
    // A form without the field (an older page) leaves the language as it was.
    await editListing(shop.cookie, english, { ...promptFields(), intent: "save" });
    expect(await languageOf(english)).toBe("de");
    await editListing(shop.cookie, english, { ...promptFields(), intent: "save", language: "en" });
    expect(await languageOf(english)).toBe("en");
  });

  it("refuses anything but en or de with a message, storing nothing", async () => {
    const shop = await sellerShop();
    const before = await editorTables();
    for (const language of ["fr", "DE ", "<script>", "x".repeat(5000)]) {
      const reply = expectData(await newListing(shop.cookie, promptFields({ language })));
      expect(reply.status).toBe(400);
      expect(fieldErrors(reply.data).language).toEqual(["Choose English or Deutsch"]);
    }
    expect(await editorTables()).toEqual(before);
  });
});
