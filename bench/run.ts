/**
 * `npm run bench`: starts the real server (like the e2e tests: own data folder, PGlite, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, the local Stripe sandbox), then measures pages,
 * the purchase journey, downloads, webhook ingest and memory. Prints a table and writes
 * bench/results.json. Exits non-zero when a request failed or webhook ingest was not exactly-once.
 *
 * Every scenario has a request budget and a time cap; the whole run is also capped. Speed targets live
 * here and in the README, never as timing assertions in tests.
 *
 * Overrides: BENCH_ONLY (comma-separated scenarios: pages, purchases, downloads, webhooks, verify; default
 * all), BENCH_DURATION (seconds per scenario, default 8), BENCH_REQUESTS (per page / small download
 * scenario, default 2000), BENCH_CONCURRENCY (page scenarios, default 8), BENCH_PURCHASES (per purchase
 * scenario, default 20), BENCH_LARGE_MIB (default 64), BENCH_LARGE_DOWNLOADS (default 6),
 * BENCH_NGINX_MIB (the file compared with nginx, default 1024), BENCH_NGINX_ROUNDS (downloads of it
 * by each server, default 3), BENCH_WEBHOOK_EVENTS (distinct events, each delivered twice, default 300), BENCH_WEBHOOK_SENDERS
 * (default 8), BENCH_UPLOAD_BYTES (the upload scenario's file, default 2,000,000,000), BENCH_MAX_SECONDS
 * (whole run, default 300 plus 1 s per 4 webhook events above 300, plus 1 s per 10 MB uploaded),
 * BENCH_PAGES_CONCURRENCY (the public pages against a raw server, default 64), BENCH_DATABASE_URL
 * (serve this PostgreSQL database as it is, e.g. after `npm run seed:large`, instead of a fresh one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, startStapel } from "../tests/e2e/support/server.ts";
import { type DownloadFixture, download, prepareDownloads, stalledDownloads } from "./downloads.ts";
import { buy, downloadLink, listingSlugsFrom, newBuyer, signIn } from "./flows.ts";
import { agent, request } from "./http.ts";
import { runVerifyBench, type VerifyReport } from "./licensing.ts";
import { type Job, type JobOutcome, type LoadOptions, type LoadResult, round, runLoad } from "./load.ts";
import { compareWithNginx, type NginxComparison, printNginxComparison, writeLargeFile } from "./nginx.ts";
import { comparePublicPages, type PageComparison, printPageComparisons, publicPagePaths } from "./pages.ts";
import { findServerPid, memory, processEnv } from "./proc.ts";
import { printVerify, printWebhookIngest, table } from "./report.ts";
import { runUploadBench, type UploadReport } from "./upload.ts";
import { runWebhookIngest, type WebhookIngestReport } from "./webhooks.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const SCENARIOS = ["pages", "purchases", "downloads", "webhooks", "uploads", "verify"] as const;
type Scenario = (typeof SCENARIOS)[number];

function selectedScenarios(): Scenario[] {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return [...SCENARIOS];
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY names unknown scenarios (${unknown.join(", ")}); known: ${SCENARIOS.join(", ")}`,
    );
  return SCENARIOS.filter((name) => names.includes(name));
}

const webhookEvents = Math.round(setting("BENCH_WEBHOOK_EVENTS", 300));
const uploadBytes = Math.round(setting("BENCH_UPLOAD_BYTES", 2_000_000_000));
const settings = {
  scenarios: selectedScenarios(),
  durationSeconds: setting("BENCH_DURATION", 8),
  requests: Math.round(setting("BENCH_REQUESTS", 2000)),
  concurrency: Math.round(setting("BENCH_CONCURRENCY", 8)),
  purchases: Math.round(setting("BENCH_PURCHASES", 20)),
  largeMiB: Math.round(setting("BENCH_LARGE_MIB", 64)),
  largeDownloads: Math.round(setting("BENCH_LARGE_DOWNLOADS", 6)),
  nginxMiB: Math.round(setting("BENCH_NGINX_MIB", 1024)),
  nginxRounds: Math.round(setting("BENCH_NGINX_ROUNDS", 3)),
  webhookEvents,
  webhookSenders: Math.round(setting("BENCH_WEBHOOK_SENDERS", 8)),
  /** Webhook ingest: the cap from the first delivery until every event is handled (and per baseline). */
  webhookSeconds: Math.max(120, webhookEvents / 4),
  uploadBytes,
  maxSeconds: setting(
    "BENCH_MAX_SECONDS",
    300 + Math.max(0, webhookEvents - 300) / 4 + uploadBytes / 10_000_000,
  ),
};
const runs = (scenario: Scenario) => settings.scenarios.includes(scenario);
// BENCH_DATABASE_URL: a PostgreSQL database to serve as it is (e.g. with `npm run seed:large`).
const benchDatabaseUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
const database = benchDatabaseUrl
  ? "postgresql (BENCH_DATABASE_URL)"
  : process.env.TEST_DATABASE_URL
    ? "postgresql"
    : "pglite";
const durationMs = settings.durationSeconds * 1000;
const WITH_FILE = "landing-page-copy-architect";

let server: RunningServer | undefined;
let serverDataDir: string | undefined;

async function shutdown(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop().catch(() => undefined);
  if (running) writeFileSync("bench/server.log", running.logs());
  agent.destroy();
  // startStapel made this folder under the temp dir for this run only; remove it (and the big file).
  if (serverDataDir?.startsWith(tmpdir()) && basename(serverDataDir).startsWith("stapel-e2e-"))
    rmSync(serverDataDir, { recursive: true, force: true });
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${settings.maxSeconds} s; stopping`);
  void shutdown().finally(() => process.exit(1));
}, settings.maxSeconds * 1000);
watchdog.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void shutdown().finally(() => process.exit(130)));

/** Builds when there is no build, or when a file under app/ is newer than it (the bench measures build/). */
function ensureBuild(): void {
  const built = existsSync("build/server/index.js") ? statSync("build/server/index.js").mtimeMs : 0;
  const newer = readdirSync("app", { recursive: true, withFileTypes: true }).find(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
  );
  if (built > 0 && !newer) return;
  console.info(
    built === 0
      ? "bench: no build found, running npm run build"
      : "bench: app/ changed since the last build, running npm run build",
  );
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

/** A plain GET that must answer 200; the body is counted, not kept. */
const getOk = (url: string) => async (): Promise<JobOutcome> => {
  const reply = await request(url);
  return reply.status === 200
    ? { ok: true, bytes: reply.bytes }
    : { ok: false, bytes: reply.bytes, error: `GET ${url}: HTTP ${reply.status}` };
};

async function main() {
  ensureBuild();
  const loadBefore = loadavg();
  const bootStarted = performance.now();
  // Each simulated buyer has its own address in X-Forwarded-For, as behind a load balancer; the
  // bench client is that balancer, on loopback.
  server = await startStapel({
    TRUST_PROXY: "loopback",
    ...(benchDatabaseUrl && { DATABASE_URL: benchDatabaseUrl }),
  });
  const bootSeconds = round((performance.now() - bootStarted) / 1000, 1);
  const base = server.url;
  const pid = findServerPid();
  const serverEnv = processEnv(pid);
  serverDataDir = serverEnv.STAPEL_DATA_DIR;
  const filesDir = serverEnv.FILE_STORAGE_DIR || join(serverDataDir ?? "data", "files");
  console.info(`bench: ${database} server ${base} (pid ${pid}) ready in ${bootSeconds} s`);
  console.info(`bench: scenarios ${settings.scenarios.join(", ")}`);

  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idle = memory(pid);

  const home = await request(`${base}/`, { keepBody: true });
  const slugs = listingSlugsFrom(home.body);
  const shown = /(\d+) listings/.exec(home.body)?.[1];
  console.info(`bench: home page shows ${shown ?? "?"} listings, ${slugs.length} listing links`);
  if (home.status !== 200 || slugs.length === 0)
    throw new Error(`GET / did not list listings (${home.status})`);

  const results: LoadResult[] = [];
  const measure = async (options: LoadOptions, job: Job, targetPid = pid) => {
    const result = await runLoad(targetPid, options, job);
    results.push(result);
    console.info(
      `bench: ${result.name} (concurrency ${result.concurrency}): ${result.perSecond} ${result.unit}/s, ` +
        `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors`,
    );
    for (const [kind, count] of Object.entries(result.errorKinds ?? {}))
      console.info(`       ${count} × ${kind}`);
    return result;
  };
  const pageLoad = { concurrency: settings.concurrency, requests: settings.requests, durationMs, warmup: 20 };

  // Set-up for 6, and the stalled downloads first, on a fresh server (see downloads.ts).
  let downloads: DownloadFixture | undefined;
  let stalled: Awaited<ReturnType<typeof stalledDownloads>> | undefined;
  if (runs("downloads")) {
    downloads = await prepareDownloads(base, filesDir, WITH_FILE, settings.largeMiB);
    stalled = await stalledDownloads(pid, downloads);
  }

  // 1-4: pages, signed out.
  // The demo's listing, or the first one on the home page of another database (BENCH_DATABASE_URL).
  const pageSlug = slugs.includes(WITH_FILE) ? WITH_FILE : (slugs[0] as string);
  if (runs("pages")) {
    await measure({ name: "GET /", ...pageLoad }, getOk(`${base}/`));
    await measure({ name: `GET /p/${pageSlug}`, ...pageLoad }, getOk(`${base}/p/${pageSlug}`));
    await measure(
      { name: "GET /search?q=prompt&sort=price-asc", ...pageLoad },
      getOk(`${base}/search?q=prompt&sort=price-asc`),
    );
    await measure({ name: "GET /healthcheck", ...pageLoad }, getOk(`${base}/healthcheck`));
  }
  // 4b: each public page cached, not cached and from a raw node:http server (pages.ts).
  let pageComparisons: PageComparison[] | undefined;
  if (runs("pages")) {
    pageComparisons = await comparePublicPages(
      { base, pid, measure },
      await publicPagePaths(base, pageSlug),
      {
        ...pageLoad,
        concurrency: Math.round(setting("BENCH_PAGES_CONCURRENCY", 64)),
      },
    );
    printPageComparisons(pageComparisons);
  }

  // 5: the purchase journey, one fresh buyer (own email and IP) per purchase.
  let buyerCount = 0;
  const purchase = async (index: number): Promise<JobOutcome> => {
    const n = ++buyerCount;
    const buyer = newBuyer(`bench-${n}@example.com`, n);
    const steps: Record<string, number> = {};
    await signIn(base, buyer, steps);
    await buy(base, buyer, slugs[index % slugs.length] ?? WITH_FILE, steps);
    return { ok: true, steps };
  };
  for (const concurrency of runs("purchases") ? [1, 4] : []) {
    await measure(
      {
        name: "purchase (sign-in to success)",
        unit: "purchase",
        concurrency,
        requests: settings.purchases,
        durationMs,
      },
      purchase,
    );
  }

  // 6: downloads, small (the seeded file) then large. Links are signed for 5 minutes: take fresh ones.
  if (downloads) {
    const { downloader, fileName, original, large, largeBytes, replaceStored } = downloads;
    const freshUrl = await downloadLink(base, downloader);
    await measure(
      {
        name: `download ${fileName} (${original.length} B)`,
        unit: "download",
        ...pageLoad,
        throughput: true,
      },
      download(freshUrl, original.length),
    );
    replaceStored(large);
    for (const concurrency of [1, 2]) {
      await measure(
        {
          name: `download ${settings.largeMiB} MiB file`,
          unit: "download",
          concurrency,
          requests: settings.largeDownloads,
          durationMs: durationMs * 2,
          warmup: 1,
          throughput: true,
        },
        download(freshUrl, largeBytes),
      );
    }
    replaceStored(original);
  }

  // 6b: a 1 GiB file through Stapel and through nginx (sendfile), alternately (see nginx.ts).
  let nginxComparison: NginxComparison | undefined;
  if (downloads) {
    const { downloader, stored, replaceStored, original } = downloads;
    await writeLargeFile(stored, settings.nginxMiB);
    try {
      nginxComparison = await compareWithNginx({
        pid,
        storedPath: stored,
        sizeBytes: settings.nginxMiB * 1024 * 1024,
        rounds: settings.nginxRounds,
        freshUrl: () => downloadLink(base, downloader),
      });
      printNginxComparison(nginxComparison);
    } finally {
      replaceStored(original);
    }
  }

  // 7: webhook ingest, stored and handled, exactly once.
  let webhookIngest: WebhookIngestReport | undefined;
  if (runs("webhooks")) {
    const running = server;
    webhookIngest = await runWebhookIngest(
      { base, pid, dataDir: serverDataDir ?? "data", logs: () => running.logs(), slugs, measure },
      {
        events: settings.webhookEvents,
        senders: settings.webhookSenders,
        handleSeconds: settings.webhookSeconds,
      },
    );
  }

  // 8: one large upload through the upload API, and the same bytes to a bare Node server.
  let upload: UploadReport | undefined;
  if (runs("uploads")) {
    const running = server;
    upload = await runUploadBench({ base, pid, logs: () => running.logs() }, { bytes: settings.uploadBytes });
  }

  // 9: Gumroad's licence verify, against a bare node:http server with the same query and JSON.
  let verify: VerifyReport | undefined;
  if (runs("verify")) {
    const running = server;
    verify = await runVerifyBench({ base, pid, logs: () => running.logs(), measure }, pageLoad);
  }

  // 10: memory.
  const afterLoad = memory(pid);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const settled = memory(pid);

  const report = {
    measuredAt: new Date().toISOString(),
    database,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      node: process.version,
      loadAverageBefore: loadBefore.map((value) => round(value, 2)),
      loadAverageAfter: loadavg().map((value) => round(value, 2)),
    },
    settings,
    serverBootSeconds: bootSeconds,
    memoryMiB: {
      idleAfterStart: round(idle.rssMiB, 0),
      peakDuringStart: round(idle.peakRssMiB, 0),
      afterLoad: round(afterLoad.rssMiB, 0),
      afterLoadPlus3s: round(settled.rssMiB, 0),
      peak: round(settled.peakRssMiB, 0),
      stalledDownload: stalled,
    },
    scenarios: results,
    publicPages: pageComparisons,
    downloadsVersusNginx: nginxComparison,
    webhookIngest,
    upload,
    verify,
  };
  writeFileSync("bench/results.json", `${JSON.stringify(report, null, 2)}\n`);

  console.info(
    `\nStapel bench on ${database}, ${report.machine.cpus} × ${report.machine.cpuModel}, ${process.version}`,
  );
  console.info(`load average before ${report.machine.loadAverageBefore.join(" ")}\n`);
  console.info(table(results));
  console.info("(* stopped by the time cap before the request budget was used)");
  for (const result of results.filter((r) => r.stepsP50Ms)) {
    const steps = Object.entries(result.stepsP50Ms ?? {}).map(([step, ms]) => `${step} ${ms}`);
    console.info(`purchase steps, p50 ms at concurrency ${result.concurrency}: ${steps.join(", ")}`);
  }
  if (pageComparisons) printPageComparisons(pageComparisons);
  if (nginxComparison) printNginxComparison(nginxComparison);
  if (webhookIngest) printWebhookIngest(webhookIngest);
  if (verify) printVerify(verify);
  const m = report.memoryMiB;
  console.info(
    `\nserver RSS: ${m.idleAfterStart} MiB idle after start (peak while starting ${m.peakDuringStart}), ` +
      `${m.afterLoad} MiB after the load (${m.afterLoadPlus3s} MiB 3 s later), peak ${m.peak} MiB` +
      (stalled
        ? `; ${stalled.downloads} stalled ${stalled.fileMiB} MiB downloads grew it by ${stalled.growth} MiB`
        : ""),
  );
  console.info("written to bench/results.json");
  const failed = results.reduce((sum, r) => sum + r.errors, 0);
  if (
    failed > 0 ||
    (webhookIngest && !webhookIngest.exactlyOnce.passed) ||
    (upload && !upload.stapel.sha256Matches)
  )
    process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    const logs = server?.logs() ?? "";
    if (logs) console.error(`--- server output (last lines) ---\n${logs.split("\n").slice(-40).join("\n")}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await shutdown();
    clearTimeout(watchdog);
  });
