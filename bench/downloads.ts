/**
 * The download scenario's set-up: a buyer buys the listing that ships a file. The file store is plain
 * files named listings/<listingId>/<fileName>, and a download takes its length from the file itself,
 * so replacing the bytes on disk turns it into a large download (the original is put back in between).
 */
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buy, downloadLink, newBuyer, signIn } from "./flows.ts";
import { pausedRequest, request } from "./http.ts";
import type { JobOutcome } from "./load.ts";
import { round } from "./load.ts";
import { memory } from "./proc.ts";

function fileNameFrom(disposition: string | string[] | undefined): string {
  const value = Array.isArray(disposition) ? disposition[0] : disposition;
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(value ?? "")?.[1];
  if (!encoded) throw new Error(`download without a file name: ${value}`);
  return decodeURIComponent(encoded);
}

export type DownloadFixture = Awaited<ReturnType<typeof prepareDownloads>>;

export async function prepareDownloads(base: string, filesDir: string, slug: string, largeMiB: number) {
  const downloader = newBuyer("bench-downloads@example.com", 65_000);
  await signIn(base, downloader);
  const { listingId } = await buy(base, downloader, slug);
  const smallUrl = await downloadLink(base, downloader);
  const first = await request(smallUrl);
  if (first.status !== 200) throw new Error(`download failed: HTTP ${first.status}`);
  const fileName = fileNameFrom(first.headers["content-disposition"]);
  const stored = join(filesDir, "listings", listingId, fileName);
  if (!statSync(stored).isFile()) throw new Error(`expected the stored file at ${stored}`);
  const original = readFileSync(stored);
  const largeBytes = largeMiB * 1024 * 1024;
  const large = randomBytes(largeBytes);
  const replaceStored = (bytes: Buffer) => {
    writeFileSync(`${stored}.bench`, bytes);
    renameSync(`${stored}.bench`, stored);
  };
  return { downloader, smallUrl, fileName, stored, original, large, largeBytes, largeMiB, replaceStored };
}

/** A download that must answer 200 with exactly `size` bytes. */
export const download = (url: string, size: number) => async (): Promise<JobOutcome> => {
  const reply = await request(url, { timeoutMs: 60_000 });
  if (reply.status !== 200) return { ok: false, error: `download: HTTP ${reply.status}` };
  if (reply.bytes !== size)
    return { ok: false, bytes: reply.bytes, error: `got ${reply.bytes} of ${size} bytes` };
  return { ok: true, bytes: reply.bytes };
};

/**
 * Downloaders that stop reading: how much of the file does the server hold in memory meanwhile? With
 * backpressure about one read chunk (1 MiB) each; without, up to the whole file each. Measure it on a
 * fresh server: after heavy load, freed-but-retained memory absorbs (hides) the growth.
 */
export async function stalledDownloads(pid: number, fixture: DownloadFixture) {
  const stallers = 3;
  fixture.replaceStored(fixture.large);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const stallBefore = memory(pid).rssMiB;
  let stallDuring = stallBefore;
  const stalledBytes = await Promise.all(
    Array.from({ length: stallers }, (_, i) =>
      pausedRequest(fixture.smallUrl, 3_000, () => {
        if (i === 0) stallDuring = memory(pid).rssMiB;
      }),
    ),
  );
  fixture.replaceStored(fixture.original);
  if (stalledBytes.some((bytes) => bytes !== fixture.largeBytes))
    throw new Error(`stalled downloads got ${stalledBytes.join(", ")} of ${fixture.largeBytes} bytes`);
  const stalled = {
    downloads: stallers,
    fileMiB: fixture.largeMiB,
    pauseSeconds: 3,
    rssBefore: round(stallBefore, 0),
    rssWhilePaused: round(stallDuring, 0),
    growth: round(stallDuring - stallBefore, 0),
  };
  console.info(
    `bench: ${stallers} downloads of ${fixture.largeMiB} MiB whose clients stop reading for 3 s: server RSS ` +
      `${stalled.rssBefore} -> ${stalled.rssWhilePaused} MiB (+${stalled.growth})`,
  );
  return stalled;
}
