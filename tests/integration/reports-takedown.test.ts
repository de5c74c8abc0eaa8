// "Report this listing" into the admin queue, and what a takedown does: the listing leaves every
// public page (its page answers 410, search, the shop, its plan's page, the sitemap, checkout) while
// its buyers keep it in their library; the seller is emailed the reason, responds once from the
// dashboard, and the admin sees the response and may restore the listing. Admin pages are 404 for
// everyone else.
import { describe, expect, it } from "vitest";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as adminLayout from "~/routes/admin/route.tsx";
import * as adminQueueRoute from "~/routes/admin.reports._index/route.tsx";
import * as adminReportRoute from "~/routes/admin.reports.$reportId/route.tsx";
import * as takedownsRoute from "~/routes/dashboard.reports/route.tsx";
import * as libraryRoute from "~/routes/library._index/route.tsx";
import * as libraryItemRoute from "~/routes/library.$entitlementId/route.tsx";
import * as listingRoute from "~/routes/p.$slug/route.tsx";
import * as reportRoute from "~/routes/p.$slug_.report/route.tsx";
import * as shopRoute from "~/routes/s.$handle/route.tsx";
import * as planRoute from "~/routes/s.$handle_.plans.$planId/route.tsx";
import * as searchRoute from "~/routes/search/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { allSitemapXml } from "../support/reach-sitemap.ts";
import { expectData, expectResponse } from "../support/routes.ts";
import { testEnv } from "../support/test-env.ts";
import { type FormReply, formErrors } from "./licensing-manage-fixtures.ts";
import {
  admin,
  callRoute,
  createUser,
  listingWithBuyer,
  planSubscriber,
  postAs,
  requestAs,
  signIn,
  testContext,
} from "./reviews-fixtures.ts";

Object.assign(process.env, testEnv);

let address = 0;
const freshAddress = () => `198.51.100.${++address}`;

const report = (
  cookie: string | null,
  slug: string,
  fields: Record<string, string>,
  clientAddress = freshAddress(),
) =>
  callRoute(
    reportRoute.action,
    postAs(cookie, `/p/${slug}/report`, fields),
    { slug },
    testContext({ clientAddress }),
  );

const COPYRIGHT = {
  kind: "COPYRIGHT",
  details: "This is my prompt pack from my own site, copied word for word.",
};

describe("reporting a listing", () => {
  it("takes reports from signed-in visitors and from anyone with an email, into the queue", async () => {
    const { listing } = await listingWithBuyer();
    const visitor = await createUser();
    const signedIn = expectData<{ done?: boolean }>(
      await report(await signIn(visitor.id), listing.slug, COPYRIGHT),
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.data.done).toBe(true);
    const anonymous = expectData<{ done?: boolean }>(
      await report(null, listing.slug, {
        kind: "ABUSE",
        details: "It tells people how to phish.",
        email: "worried@example.com",
      }),
    );
    expect(anonymous.data.done).toBe(true);
    const rows = await prisma.listingReport.findMany({
      where: { listingId: listing.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toMatchObject([
      { kind: "COPYRIGHT", reporterId: visitor.id, reporterEmail: visitor.email, status: "OPEN" },
      { kind: "ABUSE", reporterId: null, reporterEmail: "worried@example.com", status: "OPEN" },
    ]);

    const { cookie } = await admin();
    const queue = expectData(
      await callRoute(adminQueueRoute.loader, requestAs(cookie, "/admin/reports")),
    ).data;
    const mine = queue.open.filter((row: { listing: { id: string } }) => row.listing.id === listing.id);
    expect(mine.map((row: { kind: string }) => row.kind)).toEqual(["ABUSE", "COPYRIGHT"]); // newest first
    expect(mine.every((row: { openForListing: number }) => row.openForListing === 2)).toBe(true);
  });

  it("refuses bad input with 400 and messages, and an anonymous report without an email", async () => {
    const { listing } = await listingWithBuyer();
    for (const fields of [
      { kind: "SPAM", details: "Not a kind we know about at all." },
      { kind: "ABUSE", details: "short", email: "a@example.com" },
      { kind: "ABUSE", details: "x".repeat(2001), email: "a@example.com" },
      { kind: "ABUSE", details: "Long enough details here.", email: "not-an-email" },
      { kind: "ABUSE", details: "Long enough details here." },
    ] as Record<string, string>[]) {
      const outcome = expectData<FormReply>(await report(null, listing.slug, fields));
      expect(outcome.status, JSON.stringify(fields).slice(0, 50)).toBe(400);
      expect(formErrors(outcome.data).length).toBeGreaterThan(0);
    }
    expect(await prisma.listingReport.count({ where: { listingId: listing.id } })).toBe(0);
    expect(expectResponse(await report(null, "no-such-listing", COPYRIGHT)).status).toBe(404);
  });

  it("stops at 5 reports an hour from one address, and from one signed-in user on any address", async () => {
    const { listing } = await listingWithBuyer();
    const from = freshAddress();
    for (let index = 0; index < 5; index++) {
      const ok = await report(null, listing.slug, { ...COPYRIGHT, email: "flood@example.com" }, from);
      expect(expectData(ok).status).toBe(200);
    }
    const sixth = expectData<FormReply>(
      await report(null, listing.slug, { ...COPYRIGHT, email: "flood@example.com" }, from),
    );
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(formErrors(sixth.data).join(" ")).toMatch(/Too many reports/);

    const user = await signIn((await createUser()).id);
    for (let index = 0; index < 5; index++)
      expect(expectData(await report(user, listing.slug, COPYRIGHT)).status).toBe(200);
    expect(expectData(await report(user, listing.slug, COPYRIGHT)).status).toBe(429);
    expect(await prisma.listingReport.count({ where: { listingId: listing.id } })).toBe(10);
  });
});

describe("taking a listing down", () => {
  it("hides it from every public page, keeps it in its buyers' library, and lets the seller respond once", async () => {
    const { seller, shop, listing, sale, buyerCookie } = await listingWithBuyer();
    const member = await planSubscriber(shop.id, listing.id);
    await report(null, listing.slug, { ...COPYRIGHT, email: "owner@example.com" });
    await report(null, listing.slug, {
      kind: "OTHER",
      details: "Looks like a copy of another listing.",
      email: "b@example.com",
    });
    const [first, second] = await prisma.listingReport.findMany({
      where: { listingId: listing.id },
      orderBy: { createdAt: "asc" },
    });
    if (!first || !second) throw new Error("reports were not stored");
    const unique = listing.title.split(" ").at(-1) as string;

    // Visible everywhere first, so the checks below can fail.
    const shopPage = async () =>
      expectData(
        await callRoute(shopRoute.loader, requestAs(null, `/s/${shop.handle}`), { handle: shop.handle }),
      ).data;
    const search = async () =>
      expectData(await callRoute(searchRoute.loader, requestAs(null, `/search?q=${unique}`))).data.page
        .results;
    const sitemap = allSitemapXml;
    const planPage = async () =>
      expectData(
        await callRoute(planRoute.loader, requestAs(null, `/s/${shop.handle}/plans/${member.plan.id}`), {
          handle: shop.handle,
          planId: member.plan.id,
        }),
      ).data.plan.listings;
    expect((await shopPage()).shop.listings.map((row: { id: string }) => row.id)).toContain(listing.id);
    expect((await search()).map((row: { id: string }) => row.id)).toContain(listing.id);
    expect(await sitemap()).toContain(`/p/${listing.slug}<`);
    expect((await planPage()).map((row: { id: string }) => row.id)).toContain(listing.id);

    const { user: adminUser, cookie } = await admin();
    const decide = (reportId: string, fields: Record<string, string>, as = cookie) =>
      callRoute(adminReportRoute.action, postAs(as, `/admin/reports/${reportId}`, fields), { reportId });
    // A takedown needs a reason.
    expect(expectData(await decide(first.id, { intent: "take-down", note: "" })).status).toBe(400);
    const down = expectData<{ done?: string }>(
      await decide(first.id, {
        intent: "take-down",
        note: "Copied from owner@example.com's site; they showed us the original.",
      }),
    );
    expect(down.status).toBe(200);
    const after = await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } });
    expect(after.takenDownAt).toBeInstanceOf(Date);
    expect(after.takedownReason).toMatch(/Copied from/);
    // Every open report of the listing is resolved with it.
    expect(
      await prisma.listingReport.findMany({
        where: { listingId: listing.id },
        select: { status: true, resolvedById: true },
      }),
    ).toEqual([
      { status: "TAKEN_DOWN", resolvedById: adminUser.id },
      { status: "TAKEN_DOWN", resolvedById: adminUser.id },
    ]);
    const email = await prisma.emailMessage.findFirstOrThrow({
      where: { to: seller.email, idempotencyKey: { startsWith: `listing-taken-down:${listing.id}` } },
    });
    expect(email.text).toContain("Copied from");
    expect(email.text).toContain("/dashboard/reports");
    // Deciding again is a conflict, not a second takedown.
    expect(expectData(await decide(second.id, { intent: "dismiss" })).status).toBe(409);

    // Gone from the public side.
    const page = expectResponse(
      await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    expect(page.status).toBe(410);
    expect(await page.text()).toMatch(/taken down/);
    expect((await shopPage()).shop.listings.map((row: { id: string }) => row.id)).not.toContain(listing.id);
    expect((await search()).map((row: { id: string }) => row.id)).not.toContain(listing.id);
    expect(await sitemap()).not.toContain(`/p/${listing.slug}<`);
    expect((await planPage()).map((row: { id: string }) => row.id)).not.toContain(listing.id);
    const buyer = await createUser();
    expect((await startCheckout({ id: buyer.id, email: buyer.email }, listing.id)).kind).toBe("not-for-sale");
    expect(expectResponse(await report(null, listing.slug, COPYRIGHT)).status).toBe(404);

    // The buyer keeps it: the entitlement is untouched and the library opens it.
    expect((await prisma.entitlement.findUniqueOrThrow({ where: { id: sale.entitlement.id } })).status).toBe(
      "ACTIVE",
    );
    const library = expectData(await callRoute(libraryRoute.loader, requestAs(buyerCookie, "/library"))).data;
    expect(JSON.stringify(library)).toContain(sale.entitlement.id);
    const item = await callRoute(
      libraryItemRoute.loader,
      requestAs(buyerCookie, `/library/${sale.entitlement.id}`),
      {
        entitlementId: sale.entitlement.id,
      },
    );
    expect(expectData(item).status).toBe(200);

    // The seller sees the reason and responds once.
    const sellerCookie = await signIn(seller.id);
    const takedowns = expectData(
      await callRoute(takedownsRoute.loader, requestAs(sellerCookie, "/dashboard/reports")),
    ).data.takedowns;
    expect(takedowns).toEqual([
      expect.objectContaining({
        id: listing.id,
        takedownReason: after.takedownReason,
        report: expect.objectContaining({ sellerResponse: null }),
      }),
    ]);
    const reportId = takedowns[0].report.id;
    const respond = (as: string, response: string) =>
      callRoute(takedownsRoute.action, postAs(as, "/dashboard/reports", { reportId, response }));
    const other = await signIn((await listingWithBuyer()).seller.id);
    expect(expectData(await respond(other, "Not my listing, but let me answer.")).status).toBe(404);
    expect(
      expectData(await respond(sellerCookie, "I wrote this myself in 2023; here is my draft history."))
        .status,
    ).toBe(200);
    const twice = expectData<FormReply>(await respond(sellerCookie, "And another thing about it."));
    expect(twice.status).toBe(409);
    expect(formErrors(twice.data).join(" ")).toMatch(/already responded/);

    // The admin sees the response and restores the listing.
    const queue = expectData(
      await callRoute(adminQueueRoute.loader, requestAs(cookie, "/admin/reports")),
    ).data;
    expect(queue.responses).toContainEqual(
      expect.objectContaining({ sellerResponse: "I wrote this myself in 2023; here is my draft history." }),
    );
    const detail = expectData(
      await callRoute(adminReportRoute.loader, requestAs(cookie, `/admin/reports/${first.id}`), {
        reportId: first.id,
      }),
    ).data;
    expect(detail.report.sellerResponse).toBe("I wrote this myself in 2023; here is my draft history.");
    expect(expectData(await decide(first.id, { intent: "restore" })).status).toBe(200);
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).takenDownAt).toBeNull();
    expect(
      expectData(
        await callRoute(listingRoute.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
      ).status,
    ).toBe(200);
    expect((await search()).map((row: { id: string }) => row.id)).toContain(listing.id);
    expect(
      await prisma.emailMessage.count({
        where: { to: seller.email, idempotencyKey: { startsWith: "listing-restored:" } },
      }),
    ).toBe(1);
  });

  it("dismisses a report with a note and leaves the listing up", async () => {
    const { listing } = await listingWithBuyer();
    await report(null, listing.slug, { ...COPYRIGHT, email: "x@example.com" });
    const row = await prisma.listingReport.findFirstOrThrow({ where: { listingId: listing.id } });
    const { cookie } = await admin();
    const dismissed = await callRoute(
      adminReportRoute.action,
      postAs(cookie, `/admin/reports/${row.id}`, {
        intent: "dismiss",
        note: "The reporter's link shows a different text.",
      }),
      { reportId: row.id },
    );
    expect(expectData(dismissed).status).toBe(200);
    expect(await prisma.listingReport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "DISMISSED",
      resolutionNote: "The reporter's link shows a different text.",
    });
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).takenDownAt).toBeNull();
  });

  it("is 404 for everyone but admins, on every admin page and action", async () => {
    const { seller, listing, buyerCookie } = await listingWithBuyer();
    await report(null, listing.slug, { ...COPYRIGHT, email: "x@example.com" });
    const row = await prisma.listingReport.findFirstOrThrow({ where: { listingId: listing.id } });
    const sellerCookie = await signIn(seller.id);
    for (const cookie of [null, buyerCookie, sellerCookie]) {
      for (const outcome of [
        await callRoute(adminLayout.loader, requestAs(cookie, "/admin")),
        await callRoute(adminQueueRoute.loader, requestAs(cookie, "/admin/reports")),
        await callRoute(adminReportRoute.loader, requestAs(cookie, `/admin/reports/${row.id}`), {
          reportId: row.id,
        }),
        await callRoute(
          adminReportRoute.action,
          postAs(cookie, `/admin/reports/${row.id}`, {
            intent: "take-down",
            note: "Taking it down as a non-admin.",
          }),
          { reportId: row.id },
        ),
      ])
        expect(expectResponse(outcome).status).toBe(404);
    }
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: listing.id } })).takenDownAt).toBeNull();
    const { cookie } = await admin();
    const missing = await callRoute(
      adminReportRoute.loader,
      requestAs(cookie, "/admin/reports/cmissing00000000000000000"),
      {
        reportId: "cmissing00000000000000000",
      },
    );
    expect(expectResponse(missing).status).toBe(404);
  });
});
