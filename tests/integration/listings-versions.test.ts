// Versions: a change to what buyers get needs a changelog and becomes a new version; buyers get the
// latest in their library with what changed; "notify buyers" emails each buyer once per version,
// never someone who unsubscribed (through the signed link, without signing in).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as library from "~/routes/library.$entitlementId/route.tsx";
import * as unsubscribeRoute from "~/routes/unsubscribe/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  createThroughEditor,
  editListing,
  editorTables,
  fieldErrors,
  grantAccess,
  postAs,
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

async function publishedPrompt(title = "Versioned prompt") {
  const shop = await sellerShop();
  const fields = promptFields({ title });
  const listingId = await createThroughEditor(shop.cookie, fields);
  expect(expectData(await editListing(shop.cookie, listingId, { intent: "publish" })).status).toBe(200);
  return { shop, listingId, fields };
}

const emailsFor = (versionId: string) =>
  prisma.emailMessage.findMany({
    where: { idempotencyKey: { startsWith: `listing-updated:${versionId}:` } },
    orderBy: { to: "asc" },
  });

describe("versions", () => {
  it("need a changelog when a save changes what buyers get, and not for storefront edits", async () => {
    const { shop, listingId, fields } = await publishedPrompt();
    const save = (overrides: Record<string, string>) =>
      editListing(shop.cookie, listingId, { ...fields, ...overrides, intent: "save" });

    // Title and price only: no version, no changelog needed.
    const storefront = expectData(await save({ title: "Versioned prompt, renamed", price: "15" }));
    expect(storefront.data.done).toEqual({ kind: "saved", version: null });
    expect(await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).toMatchObject({
      currentVersion: 1,
      priceAmount: 1500,
    });
    expect(await prisma.tierPrice.findMany({ where: { tier: { listingId } } })).toEqual([
      expect.objectContaining({ amount: 1500 }),
    ]);

    // The prompt changes without a changelog: refused on the field, nothing stored.
    const before = await editorTables();
    const newBody = `${fields.body}\nEnd with a call to action.`;
    const refused = expectData(await save({ body: newBody }));
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused.data)).toEqual({
      changelog: [
        "This changes what your buyers get: say what changed, so they see it with the new version.",
      ],
    });
    expect(await editorTables()).toEqual(before);

    const saved = expectData(await save({ body: newBody, changelog: "Adds a **call to action**." }));
    expect(saved.data.done).toEqual({ kind: "saved", version: 2 });
    const versions = await prisma.listingVersion.findMany({
      where: { listingId },
      orderBy: { number: "asc" },
    });
    expect(versions.map(({ number, changelog }) => ({ number, changelog }))).toEqual([
      { number: 1, changelog: "First release." },
      { number: 2, changelog: "Adds a **call to action**." },
    ]);
    expect(versions[1]?.snapshot).toMatchObject({ body: newBody });
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).currentVersion).toBe(2);

    // The buyer's library: the latest prompt, its version and what changed, the variables' form.
    const buyer = await createUser();
    const entitlement = await grantAccess(buyer.id, listingId);
    const item = expectData(
      await callRoute(library.loader, requestAs(await signIn(buyer.id), `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    expect(item.data.item.listing.content.body).toBe(newBody);
    expect(item.data.details).toMatchObject({
      hasVariables: true,
      latestVersion: { number: 2, changelogHtml: "<p>Adds a <strong>call to action</strong>.</p>\n" },
      instructionsHtml: "<p>Paste it into a new chat.</p>\n",
      modelNotes: "Tested with GPT-4o and Claude 3.5 Sonnet.",
      templateUrl: null,
    });
  });

  it("make a file attached by the uploads part of the next version", async () => {
    const { shop, listingId, fields } = await publishedPrompt("With files");
    const { editorLoader } = {
      editorLoader: (await import("~/routes/dashboard.listings.$listingId/route.tsx")).loader,
    };
    const load = () =>
      callRoute(editorLoader, requestAs(shop.cookie, `/dashboard/listings/${listingId}`), { listingId });
    expect(expectData(await load()).data.listing.unversionedChanges).toBe(false);
    // What the uploads do when a file is complete: a ListingFile of the listing.
    const file = await prisma.listingFile.create({
      data: {
        listingId,
        fileName: "extra.md",
        contentType: "text/markdown",
        sizeBytes: 10,
        storageKey: `test/${listingId}/extra.md`,
        sha256: "1".repeat(64),
      },
    });
    expect(expectData(await load()).data.listing.unversionedChanges).toBe(true);
    const refused = expectData(await editListing(shop.cookie, listingId, { ...fields, intent: "save" }));
    expect(fieldErrors(refused.data)).toHaveProperty("changelog");
    const saved = expectData(
      await editListing(shop.cookie, listingId, { ...fields, changelog: "Adds extra.md", intent: "save" }),
    );
    expect(saved.data.done).toEqual({ kind: "saved", version: 2 });
    const version = await prisma.listingVersion.findUniqueOrThrow({
      where: { listingId_number: { listingId, number: 2 } },
    });
    expect(version.snapshot).toMatchObject({ fileIds: [file.id] });
  });

  it("show a template's duplicate link to entitled buyers only", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(
      shop.cookie,
      promptFields({
        type: "TEMPLATE",
        body: "",
        templateUrl: "https://www.canva.com/design/abc/view?mode=preview",
      }),
    );
    await editListing(shop.cookie, listingId, { intent: "publish" });
    const listing = await prisma.listing.findUniqueOrThrow({ where: { id: listingId } });
    const { loader: pageLoader } = await import("~/routes/p.$slug/route.tsx");
    const page = expectData(
      await callRoute(pageLoader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    expect(JSON.stringify(page.data)).not.toContain("canva.com");

    const buyer = await createUser();
    const entitlement = await grantAccess(buyer.id, listingId);
    const item = expectData(
      await callRoute(library.loader, requestAs(await signIn(buyer.id), `/library/${entitlement.id}`), {
        entitlementId: entitlement.id,
      }),
    );
    expect(item.data.details.templateUrl).toBe("https://www.canva.com/design/abc/view?mode=preview");
  });
});

describe("notify buyers", () => {
  it("emails every buyer once per version, skips the unsubscribed, and the link works signed out", async () => {
    const { shop, listingId, fields } = await publishedPrompt("Notify prompt");
    const [ana, ben, cleo] = [await createUser(), await createUser(), await createUser()];
    for (const buyer of [ana, ben, cleo]) await grantAccess(buyer.id, listingId);
    // A revoked buyer and the seller themself are not told.
    const gone = await createUser();
    await prisma.entitlement.create({
      data: {
        userId: gone.id,
        listingId,
        source: "GIFT",
        grantKey: `revoked:${gone.id}`,
        status: "REVOKED",
        revokedAt: new Date(),
        revokeReason: "REFUNDED",
      },
    });
    await grantAccess(shop.seller.id, listingId);

    const notified = expectData(
      await editListing(shop.cookie, listingId, { intent: "notify", version: "1" }),
    );
    expect(notified.data.done).toEqual({ kind: "notified", emailed: 3 });
    const version1 = await prisma.listingVersion.findUniqueOrThrow({
      where: { listingId_number: { listingId, number: 1 } },
    });
    expect(version1.notifiedAt).toBeInstanceOf(Date);
    const emails = await emailsFor(version1.id);
    expect(emails.map((email) => email.to).sort()).toEqual([ana.email, ben.email, cleo.email].sort());
    expect(emails[0]).toMatchObject({ subject: "Notify prompt: version 1 is out", status: "PENDING" });
    // Each email is delivered by a job of its own.
    const jobs = await prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'send-email'`;
    expect(Number(jobs[0]?.count)).toBeGreaterThanOrEqual(3);

    // Pressing again (or a retry): refused, nobody emailed twice.
    const again = expectData(await editListing(shop.cookie, listingId, { intent: "notify", version: "1" }));
    expect(again.status).toBe(409);
    expect(fieldErrors(again.data)[""]).toEqual(["Buyers were already told about this version."]);
    expect(await emailsFor(version1.id)).toHaveLength(3);

    // Cleo unsubscribes through her email's link, signed out: the page first, then the button.
    const cleoEmail = emails.find((email) => email.to === cleo.email);
    const link = /https?:\/\/[^\s"<>]+\/unsubscribe\?[^\s"<>)\]]+/.exec(cleoEmail?.text ?? "")?.[0];
    expect(link).toBeDefined();
    const url = new URL((link as string).replace(/&amp;/g, "&"));
    const pageOutcome = expectData(
      await callRoute(unsubscribeRoute.loader, requestAs(null, url.pathname + url.search)),
    );
    expect(pageOutcome.data).toMatchObject({ unsubscribed: false, shopName: shop.shop.name });
    expect(await prisma.shopUnsubscribe.count({ where: { userId: cleo.id } })).toBe(0); // opening changes nothing
    const form = Object.fromEntries(url.searchParams);
    const done = expectData(
      await callRoute(
        unsubscribeRoute.action,
        postAs(null, "/unsubscribe", { ...form, intent: "unsubscribe" }),
      ),
    );
    expect(done.data.done).toBe("unsubscribe");
    expect(await prisma.shopUnsubscribe.count({ where: { shopId: shop.shop.id, userId: cleo.id } })).toBe(1);

    // Version 2: Cleo is not emailed.
    await editListing(shop.cookie, listingId, {
      ...fields,
      body: `${fields.body}\nv2`,
      changelog: "Second",
      intent: "save",
    });
    expect(
      expectData(await editListing(shop.cookie, listingId, { intent: "notify", version: "2" })).data.done,
    ).toEqual({
      kind: "notified",
      emailed: 2,
    });
    const version2 = await prisma.listingVersion.findUniqueOrThrow({
      where: { listingId_number: { listingId, number: 2 } },
    });
    expect((await emailsFor(version2.id)).map((email) => email.to).sort()).toEqual(
      [ana.email, ben.email].sort(),
    );

    // An older version cannot be announced any more.
    expect(
      expectData(await editListing(shop.cookie, listingId, { intent: "notify", version: "1" })).status,
    ).toBe(409);
  });

  it("refuses a forged or edited unsubscribe link and changes nothing", async () => {
    const { shop } = await publishedPrompt("Forged");
    const buyer = await createUser();
    const other = await createUser();
    const { unsubscribeUrl } = await import("~/modules/listings/unsubscribe.server.ts");
    const genuine = new URL(unsubscribeUrl(shop.shop.id, buyer.id));
    const forged = new URLSearchParams(genuine.searchParams);
    forged.set("user", other.id); // someone else's id with buyer's token
    for (const query of [forged.toString(), "shop=x&user=y&token=z", ""]) {
      const outcome = expectResponse(
        await callRoute(unsubscribeRoute.loader, requestAs(null, `/unsubscribe?${query}`)),
      );
      expect(outcome.status).toBe(404);
    }
    const refused = expectData(
      await callRoute(
        unsubscribeRoute.action,
        postAs(null, "/unsubscribe", { ...Object.fromEntries(forged), intent: "unsubscribe" }),
      ),
    );
    expect(refused.status).toBe(404);
    const malformed = expectData(
      await callRoute(
        unsubscribeRoute.action,
        postAs(null, "/unsubscribe", { intent: "unsubscribe", token: "<script>" }),
      ),
    );
    expect(malformed.status).toBe(400);
    expect(await prisma.shopUnsubscribe.count({ where: { shopId: shop.shop.id } })).toBe(0);
  });
});
