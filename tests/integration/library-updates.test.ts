// Updated items: a buyer has seen the version they got; a later version marks the item "Updated" in
// the library, and its page shows the changelogs and a line diff of the prompt until the buyer
// marks it as seen (a POST, only the owner's, never backwards, never past the current version).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { promptLineDiff } from "~/modules/delivery/library-changes.server.ts";
import { recordVersionIfChanged } from "~/modules/listings/versions.server.ts";
import * as itemPage from "~/routes/library.$entitlementId/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { purchase, unique } from "./library-fixtures.ts";
import { createThroughEditor, editListing, postAs, promptFields, sellerShop } from "./listings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("the prompt's line diff", () => {
  it("says which lines were added and removed and folds long unchanged runs", () => {
    const before = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].join("\n");
    const after = ["one", "two", "three", "four", "5", "six", "seven", "eight", "nine", "ten"].join("\n");
    expect(promptLineDiff(before, after)).toEqual([
      { kind: "skipped", lines: 2 },
      { kind: "same", text: "three\nfour\n" },
      { kind: "removed", text: "five\n" },
      { kind: "added", text: "5\n" },
      // Between two changes, up to 2 + 1 + 2 unchanged lines stay.
      { kind: "same", text: "six\nseven\neight\nnine\n" },
      { kind: "added", text: "ten\n" },
    ]);
    expect(promptLineDiff("same", "same")).toEqual([{ kind: "same", text: "same\n" }]);
  });
});

describe("updated items", () => {
  it("are marked until the buyer marks them as seen, with the changelogs and the diff in between", async () => {
    const shop = await sellerShop();
    const fields = promptFields({ title: `Updated prompt ${unique()}` });
    const listingId = await createThroughEditor(shop.cookie, fields);
    expect(expectData(await editListing(shop.cookie, listingId, { intent: "publish" })).status).toBe(200);

    const buyer = await prisma.user.create({ data: { email: `reader-${unique()}@example.com` } });
    const cookie = await signIn(buyer.id);
    const { entitlements } = await purchase(buyer.id, shop.shop.id, [listingId]);
    const entitlementId = entitlements[0]?.id as string;
    // Granted at version 1: seen, nothing to show.
    expect(entitlements[0]?.seenVersion).toBe(1);
    expect((await listLibrary(buyer.id))[0]?.updated).toBe(false);
    const page = () =>
      callRoute(itemPage.loader, requestAs(cookie, `/library/${entitlementId}`), { entitlementId });
    expect(expectData(await page()).data.changes).toBeNull();

    const save = (body: string, changelog: string) =>
      editListing(shop.cookie, listingId, { ...fields, body, changelog, intent: "save" });
    const v2 = `${fields.body}\nEnd with a call to action.`;
    expect(expectData(await save(v2, "Adds a **call to action**.")).data.done).toEqual({
      kind: "saved",
      version: 2,
    });
    const v3 = v2.replace("Outline a post", "Outline a blog post");
    expect(expectData(await save(v3, "Says blog post.")).data.done).toEqual({ kind: "saved", version: 3 });

    expect((await listLibrary(buyer.id))[0]).toMatchObject({ id: entitlementId, updated: true });
    const { data } = expectData(await page());
    expect(data.changes).toMatchObject({
      fromVersion: 1,
      toVersion: 3,
      changelogs: [
        { number: 2, changelogHtml: "<p>Adds a <strong>call to action</strong>.</p>\n" },
        { number: 3, changelogHtml: "<p>Says blog post.</p>\n" },
      ],
      otherChanges: [],
    });
    expect(data.changes.promptDiff).toEqual([
      { kind: "removed", text: `${fields.body.split("\n")[0]}\n` },
      { kind: "added", text: `${v3.split("\n")[0]}\n` },
      { kind: "same", text: `${fields.body.split("\n").slice(1).join("\n")}\n` },
      { kind: "added", text: "End with a call to action.\n" },
    ]);
    // Opening the page records nothing (a GET changes no data): it still shows the changes.
    expect(expectData(await page()).data.changes).not.toBeNull();

    const markSeen = (as: string, version: string, id = entitlementId) =>
      callRoute(itemPage.action, postAs(as, `/library/${id}`, { intent: "mark-seen", version }), {
        entitlementId: id,
      });
    // Someone else, a malformed version, an unknown action: refused, nothing recorded.
    const stranger = await prisma.user.create({ data: { email: `stranger-${unique()}@example.com` } });
    expect(expectData(await markSeen(await signIn(stranger.id), "3")).status).toBe(404);
    expect(expectData(await markSeen(cookie, "three")).status).toBe(400);
    expect(
      expectData(
        await callRoute(
          itemPage.action,
          postAs(cookie, `/library/${entitlementId}`, { intent: "delete", version: "3" }),
          {
            entitlementId,
          },
        ),
      ).status,
    ).toBe(400);
    expect(expectData(await markSeen(cookie, "3", "not-an-id")).status).toBe(404);
    const seen = () => prisma.entitlement.findUniqueOrThrow({ where: { id: entitlementId } });
    expect((await seen()).seenVersion).toBe(1);

    // The version the page showed; a version from the future is capped at the current one.
    expect(expectData(await markSeen(cookie, "2")).status).toBe(200);
    expect((await seen()).seenVersion).toBe(2);
    expect(expectData(await page()).data.changes).toMatchObject({ fromVersion: 2, toVersion: 3 });
    expect(expectData(await markSeen(cookie, "999")).status).toBe(200);
    expect((await seen()).seenVersion).toBe(3);
    // Never backwards, and repeating it changes nothing.
    expect(expectData(await markSeen(cookie, "1")).status).toBe(200);
    expect((await seen()).seenVersion).toBe(3);
    expect((await listLibrary(buyer.id))[0]?.updated).toBe(false);
    expect(expectData(await page()).data.changes).toBeNull();
  });

  it("marks an item got before the listing had versions, with the changelog and no diff", async () => {
    const sale = await createListingForSale();
    expect(sale.listing.currentVersion).toBe(0);
    const buyer = await prisma.user.create({ data: { email: `early-${unique()}@example.com` } });
    const { entitlements } = await purchase(buyer.id, sale.shop.id, [sale.listing.id]);
    expect(entitlements[0]?.seenVersion).toBe(0);
    expect((await listLibrary(buyer.id))[0]?.updated).toBe(false);
    await prisma.$transaction((tx) => recordVersionIfChanged(tx, sale.listing.id, "Now versioned."));
    expect((await listLibrary(buyer.id))[0]?.updated).toBe(true);
    const entitlementId = entitlements[0]?.id as string;
    const { data } = expectData(
      await callRoute(itemPage.loader, requestAs(await signIn(buyer.id), `/library/${entitlementId}`), {
        entitlementId,
      }),
    );
    expect(data.changes).toMatchObject({
      fromVersion: 0,
      toVersion: 1,
      changelogs: [{ number: 1, changelogHtml: "<p>Now versioned.</p>\n" }],
      promptDiff: null,
    });
  });
});
