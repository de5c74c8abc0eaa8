/**
 * Public pages side by side (issue 9): each page through Stapel from its page cache, through
 * Stapel with the cache bypassed (an unrelated cookie: the page is still rendered for an anonymous
 * visitor), and from a raw node:http server in its own process sending the same bytes, in one run
 * at the same concurrency (BENCH_PAGES_CONCURRENCY, default 64). Targets: a listing page >= 0.5x
 * the raw server with p99 <= 50 ms; search p95 <= 25 ms.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "./http.ts";
import type { Job, LoadOptions, LoadResult } from "./load.ts";
import { round } from "./load.ts";

export type PageComparison = {
  page: string;
  path: string;
  bytes: number;
  cached: LoadResult;
  uncached: LoadResult;
  raw: LoadResult;
  ratioCached: number;
  ratioUncached: number;
};

type Context = {
  base: string;
  pid: number;
  measure(options: LoadOptions, job: Job, targetPid?: number): Promise<LoadResult>;
};

/** The pages measured: home, search with text and filters, a listing page, a shop page. */
export async function publicPagePaths(base: string, listingSlug: string): Promise<[string, string][]> {
  const listing = await request(`${base}/p/${listingSlug}`, { keepBody: true });
  const shop = /href="(\/s\/[a-z0-9-]+)"/.exec(listing.body)?.[1] ?? "/s/prompt-smith";
  return [
    ["home", "/"],
    ["search: text and filters", "/search?q=email&type=PROMPT&sort=rating"],
    ["listing page", `/p/${listingSlug}`],
    ["shop page", shop],
  ];
}

export async function comparePublicPages(
  context: Context,
  pages: [string, string][],
  load: { concurrency: number; requests: number; durationMs: number },
): Promise<PageComparison[]> {
  const comparisons: PageComparison[] = [];
  const options = { ...load, unit: "req", warmup: 50 };
  for (const [page, path] of pages) {
    const sample = await request(`${context.base}${path}`, { keepBody: true, timeoutMs: 60_000 });
    if (sample.status !== 200) {
      console.info(`bench: ${page}: GET ${path} answered HTTP ${sample.status}; not compared`);
      continue;
    }
    const raw = await startRawServer(Buffer.from(sample.body));
    try {
      const cached = await context.measure(
        { name: `${page}: Stapel, cached`, ...options },
        getOk(`${context.base}${path}`),
      );
      const uncached = await context.measure(
        { name: `${page}: Stapel, not cached`, ...options },
        getOk(`${context.base}${path}`, { Cookie: "bench=bypass-page-cache" }),
      );
      const floor = await context.measure(
        { name: `${page}: raw node:http`, ...options },
        getOk(raw.url),
        raw.pid,
      );
      comparisons.push({
        page,
        path,
        bytes: sample.bytes,
        cached,
        uncached,
        raw: floor,
        ratioCached: round(cached.perSecond / floor.perSecond, 3),
        ratioUncached: round(uncached.perSecond / floor.perSecond, 3),
      });
    } finally {
      await raw.stop();
    }
  }
  return comparisons;
}

export function printPageComparisons(comparisons: PageComparison[]): void {
  console.info("\npublic pages against a raw node:http server sending the same bytes (req/s, p95/p99 ms):");
  console.info("| Page | Bytes | Cached | Not cached | Raw node | Cached/raw | Not cached/raw |");
  console.info("|---|---|---|---|---|---|---|");
  const cell = (result: LoadResult) =>
    `${result.perSecond} (${result.latencyMs.p95}/${result.latencyMs.p99})`;
  for (const row of comparisons) {
    console.info(
      `| ${row.page} \`${row.path}\` | ${row.bytes} | ${cell(row.cached)} | ${cell(row.uncached)} | ${cell(row.raw)} | ${row.ratioCached}x | ${row.ratioUncached}x |`,
    );
  }
}

const getOk =
  (url: string, headers: Record<string, string> = {}): Job =>
  async () => {
    const reply = await request(url, { headers });
    return reply.status === 200
      ? { ok: true, bytes: reply.bytes }
      : { ok: false, bytes: reply.bytes, error: `GET ${url}: HTTP ${reply.status}` };
  };

/** A node:http server in its own process that answers every request with `body` as HTML. */
async function startRawServer(body: Buffer): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "stapel-raw-page-"));
  const file = join(dir, "page.html");
  writeFileSync(file, body);
  const script = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    const server = http.createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    });
    server.keepAliveTimeout = 65000;
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  const port = Number(chunk.toString().trim());
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid as number,
    stop: async () => {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
