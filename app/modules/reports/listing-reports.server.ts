import { createElement } from "react";
import type { Prisma } from "~/generated/prisma/client.ts";
import { enqueueShopGrantSync } from "~/modules/billing/subscriptions/plan-grants.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { ListingRestoredEmail } from "~/modules/email/templates/listing-restored.tsx";
import { ListingTakenDownEmail } from "~/modules/email/templates/listing-taken-down.tsx";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import type { ReportKind } from "./forms.ts";

/**
 * "Report this listing" and what an admin does with it. A takedown sets `Listing.takenDownAt`: every
 * public read asks for `takenDownAt: null` (listing page, search, shop, plan pages, sitemap,
 * checkout), while entitlements are left alone, so buyers keep what they bought. The seller is
 * emailed the reason and answers once from the dashboard; the admin may then restore the listing.
 * ADR 0027.
 */

export type ReportRefusal = { ok: false; status: 404 | 409; message: string };

/** Listings anyone may see and buy. */
export const publicListingWhere = {
  status: "PUBLISHED",
  takenDownAt: null,
} satisfies Prisma.ListingWhereInput;

const MISSING_REPORT: ReportRefusal = { ok: false, status: 404, message: "This report does not exist." };

/** A listing anyone may see (and report, and review if they bought it): published, not taken down. */
export function findPublicListing(slug: string) {
  return prisma.listing.findFirst({
    where: { slug, ...publicListingWhere },
    select: { id: true, slug: true, title: true, shop: { select: { name: true } } },
  });
}

/** Whether the slug names a listing an admin took down (its page answers 410 with a message). */
export async function isTakenDown(slug: string): Promise<boolean> {
  const row = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED", takenDownAt: { not: null } },
    select: { id: true },
  });
  return row !== null;
}

export async function reportListing(input: {
  listingId: string;
  reporter: { id: string; email: string } | null;
  email: string | undefined;
  kind: ReportKind;
  details: string;
}) {
  await prisma.listingReport.create({
    data: {
      listingId: input.listingId,
      reporterId: input.reporter?.id ?? null,
      reporterEmail: input.reporter?.email ?? input.email ?? null,
      kind: input.kind,
      details: input.details,
    },
  });
}

/** The admin queue: open reports, newest first, each with how many open reports its listing has. */
export async function listOpenReports(take = 100) {
  const reports = await prisma.listingReport.findMany({
    where: { status: "OPEN" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      details: true,
      reporterEmail: true,
      createdAt: true,
      listing: {
        select: { id: true, title: true, slug: true, takenDownAt: true, shop: { select: { name: true } } },
      },
    },
  });
  const counts = await prisma.listingReport.groupBy({
    by: ["listingId"],
    where: { status: "OPEN", listingId: { in: [...new Set(reports.map((report) => report.listing.id))] } },
    _count: { _all: true },
  });
  const openFor = new Map(counts.map((row) => [row.listingId, row._count._all]));
  return reports.map((report) => ({ ...report, openForListing: openFor.get(report.listing.id) ?? 1 }));
}

/** Taken-down listings whose seller has answered and that are still down: the admin decides on them. */
export function listSellerResponses(take = 50) {
  return prisma.listingReport.findMany({
    where: { status: "TAKEN_DOWN", sellerResponse: { not: null }, listing: { takenDownAt: { not: null } } },
    orderBy: { sellerRespondedAt: "desc" },
    distinct: ["listingId"],
    take,
    select: {
      id: true,
      sellerResponse: true,
      sellerRespondedAt: true,
      listing: { select: { title: true, slug: true, shop: { select: { name: true } } } },
    },
  });
}

/** One report with its listing, the listing's other reports and the takedown, for the admin. */
export async function getReportForAdmin(reportId: string) {
  const report = await prisma.listingReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      kind: true,
      details: true,
      status: true,
      reporterEmail: true,
      resolutionNote: true,
      resolvedAt: true,
      sellerResponse: true,
      sellerRespondedAt: true,
      createdAt: true,
      resolvedBy: { select: { email: true } },
      listing: {
        select: {
          id: true,
          title: true,
          slug: true,
          tagline: true,
          status: true,
          takenDownAt: true,
          takedownReason: true,
          shop: { select: { name: true, handle: true } },
        },
      },
    },
  });
  if (!report) return null;
  const others = await prisma.listingReport.findMany({
    where: { listingId: report.listing.id, id: { not: report.id } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, kind: true, details: true, status: true, createdAt: true },
  });
  return { ...report, others };
}

export async function dismissReport(adminId: string, reportId: string, note: string | undefined) {
  const changed = await prisma.listingReport.updateMany({
    where: { id: reportId, status: "OPEN" },
    data: {
      status: "DISMISSED",
      resolutionNote: note || null,
      resolvedById: adminId,
      resolvedAt: new Date(),
    },
  });
  if (changed.count > 0) return { ok: true as const };
  return (await prisma.listingReport.count({ where: { id: reportId } })) === 0
    ? MISSING_REPORT
    : { ok: false as const, status: 409 as const, message: "This report has already been decided." };
}

/**
 * Takes the reported listing down: off every public page at once, all its open reports resolved
 * with the same reason, and the seller emailed the reason and where to respond. Entitlements stay.
 */
export async function takeDownListing(
  adminId: string,
  reportId: string,
  reason: string,
): Promise<{ ok: true } | ReportRefusal> {
  const report = await prisma.listingReport.findUnique({
    where: { id: reportId },
    select: {
      status: true,
      listing: {
        select: {
          id: true,
          title: true,
          takenDownAt: true,
          shop: { select: { owner: { select: { email: true } } } },
        },
      },
    },
  });
  if (!report) return MISSING_REPORT;
  if (report.status !== "OPEN" || report.listing.takenDownAt)
    return { ok: false, status: 409, message: "This report has already been decided." };
  const now = new Date();
  const rendered = await renderEmail(
    `Your listing ${report.listing.title} was taken down`,
    createElement(ListingTakenDownEmail, {
      listingTitle: report.listing.title,
      reason,
      respondUrl: `${env().APP_URL}/dashboard/reports`,
    }),
  );
  return prisma.$transaction(async (tx) => {
    const listing = await tx.listing.updateMany({
      where: { id: report.listing.id, takenDownAt: null },
      data: { takenDownAt: now, takedownReason: reason },
    });
    if (listing.count === 0)
      return { ok: false as const, status: 409 as const, message: "This listing is already taken down." };
    await tx.listingReport.updateMany({
      where: { listingId: report.listing.id, status: "OPEN" },
      data: { status: "TAKEN_DOWN", resolutionNote: reason, resolvedById: adminId, resolvedAt: now },
    });
    await queueEmail(tx, {
      ...rendered,
      to: report.listing.shop.owner.email,
      idempotencyKey: `listing-taken-down:${report.listing.id}:${now.getTime()}`,
    });
    return { ok: true as const };
  });
}

/** Puts a taken-down listing back; its reports keep their history. The seller is told. */
export async function restoreListing(reportId: string): Promise<{ ok: true } | ReportRefusal> {
  const report = await prisma.listingReport.findUnique({
    where: { id: reportId },
    select: {
      listing: {
        select: {
          id: true,
          title: true,
          slug: true,
          takenDownAt: true,
          shopId: true,
          shop: { select: { owner: { select: { email: true } } } },
        },
      },
    },
  });
  if (!report) return MISSING_REPORT;
  const { listing } = report;
  if (!listing.takenDownAt) return { ok: false, status: 409, message: "This listing is not taken down." };
  const rendered = await renderEmail(
    `Your listing ${listing.title} is back`,
    createElement(ListingRestoredEmail, {
      listingTitle: listing.title,
      listingUrl: `${env().APP_URL}/p/${listing.slug}`,
    }),
  );
  return prisma.$transaction(async (tx) => {
    const changed = await tx.listing.updateMany({
      where: { id: listing.id, takenDownAt: listing.takenDownAt },
      data: { takenDownAt: null, takedownReason: null },
    });
    if (changed.count === 0)
      return { ok: false as const, status: 409 as const, message: "This listing is not taken down." };
    // Plans offer it again: subscribers who did not hold it get it (ADR 0027, "Plans and takedowns").
    await enqueueShopGrantSync(tx, listing.shopId);
    await queueEmail(tx, {
      ...rendered,
      to: listing.shop.owner.email,
      idempotencyKey: `listing-restored:${listing.id}:${listing.takenDownAt?.getTime()}`,
    });
    return { ok: true as const };
  });
}

/** The seller's taken-down listings with the reason and their response, if any. */
export async function listShopTakedowns(shopId: string) {
  const listings = await prisma.listing.findMany({
    where: { shopId, takenDownAt: { not: null } },
    orderBy: { takenDownAt: "desc" },
    select: {
      id: true,
      title: true,
      takenDownAt: true,
      takedownReason: true,
      reports: {
        where: { status: "TAKEN_DOWN" },
        orderBy: { resolvedAt: "desc" },
        take: 1,
        select: { id: true, kind: true, sellerResponse: true, sellerRespondedAt: true },
      },
    },
  });
  return listings.map(({ reports, ...listing }) => ({ ...listing, report: reports[0] ?? null }));
}

/**
 * The seller's one answer to a takedown, kept on every report that takedown resolved so the admin
 * sees it from any of them.
 */
export async function respondToTakedown(
  shopId: string,
  reportId: string,
  response: string,
): Promise<{ ok: true } | ReportRefusal> {
  const report = await prisma.listingReport.findFirst({
    where: { id: reportId, status: "TAKEN_DOWN", listing: { shopId, takenDownAt: { not: null } } },
    select: { listingId: true, resolvedAt: true, sellerResponse: true },
  });
  if (!report) return MISSING_REPORT;
  if (report.sellerResponse !== null)
    return { ok: false, status: 409, message: "You have already responded to this takedown." };
  const written = await prisma.listingReport.updateMany({
    where: {
      listingId: report.listingId,
      status: "TAKEN_DOWN",
      resolvedAt: report.resolvedAt,
      sellerResponse: null,
    },
    data: { sellerResponse: response, sellerRespondedAt: new Date() },
  });
  if (written.count === 0)
    return { ok: false, status: 409, message: "You have already responded to this takedown." };
  return { ok: true };
}
