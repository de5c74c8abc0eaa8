import { diffLines } from "diff";
import type { PaidSnapshot } from "~/modules/listings/versions.server.ts";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * "What changed since you last looked": the changelogs of the versions published after the one the
 * buyer last marked as seen, and a line diff of the prompt text between the two snapshots. Call it
 * only after the entitlement check (the diff is paid content).
 *
 * A `seenVersion` of 0: the buyer got the listing before it had versions (listings published before
 * versions existed, the demo's): the first version is an update, shown with its changelog; there is
 * no earlier snapshot to diff against.
 */

export type DiffPart =
  | { kind: "added" | "removed"; text: string }
  | { kind: "same"; text: string }
  /** Unchanged lines left out between changes. */
  | { kind: "skipped"; lines: number };

export type LibraryChanges = {
  fromVersion: number;
  toVersion: number;
  changelogs: { number: number; changelogHtml: string; publishedAt: string }[];
  /** The prompt text's line diff; null when it did not change (or a snapshot is missing). */
  promptDiff: DiffPart[] | null;
  /** Other parts of what buyers get that changed, in words. */
  otherChanges: string[];
};

export function isUpdated(seenVersion: number, currentVersion: number): boolean {
  return currentVersion > seenVersion;
}

/** Unchanged runs longer than this keep only `CONTEXT` lines on each side of a change. */
const CONTEXT = 2;

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** A line diff with long unchanged runs folded, for a page a buyer reads. */
export function promptLineDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffLines(
    before.endsWith("\n") ? before : `${before}\n`,
    after.endsWith("\n") ? after : `${after}\n`,
  );
  changes.forEach((change, index) => {
    if (change.added || change.removed) {
      parts.push({ kind: change.added ? "added" : "removed", text: change.value });
      return;
    }
    const lines = splitLines(change.value);
    const first = index === 0;
    const last = index === changes.length - 1;
    const keepStart = first ? 0 : CONTEXT;
    const keepEnd = last ? 0 : CONTEXT;
    if (lines.length <= keepStart + keepEnd + 1) {
      parts.push({ kind: "same", text: change.value });
      return;
    }
    if (keepStart > 0) parts.push({ kind: "same", text: `${lines.slice(0, keepStart).join("\n")}\n` });
    parts.push({ kind: "skipped", lines: lines.length - keepStart - keepEnd });
    if (keepEnd > 0) parts.push({ kind: "same", text: `${lines.slice(-keepEnd).join("\n")}\n` });
  });
  return parts;
}

function describeOtherChanges(before: PaidSnapshot, after: PaidSnapshot): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(before.instructions, after.instructions)) changed.push("How to use it");
  if (!same(before.modelNotes, after.modelNotes)) changed.push("The model notes");
  if (!same(before.templateUrl, after.templateUrl)) changed.push("The template link");
  if (!same(before.guide, after.guide)) changed.push("The guide");
  if (!same([...(before.fileIds ?? [])].sort(), [...(after.fileIds ?? [])].sort())) changed.push("The files");
  if (!same([...(before.bundleItemIds ?? [])].sort(), [...(after.bundleItemIds ?? [])].sort()))
    changed.push("The bundle's items");
  return changed;
}

export async function libraryChanges(
  listingId: string,
  seenVersion: number,
  currentVersion: number,
): Promise<LibraryChanges | null> {
  if (!isUpdated(seenVersion, currentVersion)) return null;
  const versions = await prisma.listingVersion.findMany({
    where: { listingId, number: { gte: seenVersion, lte: currentVersion } },
    orderBy: { number: "asc" },
    select: { number: true, changelog: true, snapshot: true, createdAt: true },
  });
  const before = versions.find((version) => version.number === seenVersion)?.snapshot as
    | PaidSnapshot
    | undefined;
  const after = versions.find((version) => version.number === currentVersion)?.snapshot as
    | PaidSnapshot
    | undefined;
  const promptChanged = before && after && (before.body ?? "") !== (after.body ?? "");
  return {
    fromVersion: seenVersion,
    toVersion: currentVersion,
    changelogs: versions
      .filter((version) => version.number > seenVersion)
      .map((version) => ({
        number: version.number,
        changelogHtml: renderMarkdown(version.changelog),
        publishedAt: version.createdAt.toISOString(),
      })),
    promptDiff: promptChanged ? promptLineDiff(before.body ?? "", after.body ?? "") : null,
    otherChanges: before && after ? describeOtherChanges(before, after) : [],
  };
}

/**
 * Records that the buyer has seen the listing up to `version` (the one the page showed them, never
 * past the listing's current one, never backwards). Only the owner's active entitlement; repeating
 * it changes nothing. Returns whether the entitlement exists for this user.
 */
export async function markSeen(userId: string, entitlementId: string, version: number): Promise<boolean> {
  const entitlement = await prisma.entitlement.findFirst({
    where: { id: entitlementId, userId, status: "ACTIVE" },
    select: { id: true, listing: { select: { currentVersion: true } } },
  });
  if (!entitlement) return false;
  const seen = Math.min(version, entitlement.listing.currentVersion);
  await prisma.entitlement.updateMany({
    where: { id: entitlement.id, seenVersion: { lt: seen } },
    data: { seenVersion: seen },
  });
  return true;
}
