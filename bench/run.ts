/**
 * `npm run bench`: starts the real server (like the e2e tests: own data folder, PGlite, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, the local Stripe sandbox), then measures pages,
 * the purchase journey, downloads and memory. Prints a table and writes bench/results.json.
 *
 * Every scenario has a request budget and a time cap; the whole run is also capped. Speed targets live
 * here and in the README, never as timing assertions in tests.
 *
 * Overrides: BENCH_DURATION (seconds per scenario, default 8), BENCH_REQUESTS (per page / small
 * download scenario, default 2000), BENCH_CONCURRENCY (page scenarios, default 8), BENCH_PURCHASES
 * (per purchase scenario, default 20), BENCH_LARGE_MIB (default 64), BENCH_LARGE_DOWNLOADS (default 6),
 * BENCH_MAX_SECONDS (whole run, default 240).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, startStapel } from "../tests/e2e/support/server.ts";
import { buy, downloadLink, listingSlugsFrom, newBuyer, signIn } from "./flows.ts";
import { agent, pausedRequest, request } from "./http.ts";
import { type Job, type JobOutcome, type LoadOptions, type LoadResult, round, runLoad } from "./load.ts";
import { findServerPid, memory, processEnv } from "./proc.ts";

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

const settings = {
  durationSeconds: setting("BENCH_DURATION", 8),
  requests: Math.round(setting("BENCH_REQUESTS", 2000)),
  concurrency: Math.round(setting("BENCH_CONCURRENCY", 8)),
  purchases: Math.round(setting("BENCH_PURCHASES", 20)),
  largeMiB: Math.round(setting("BENCH_LARGE_MIB", 64)),
  largeDownloads: Math.round(setting("BENCH_LARGE_DOWNLOADS", 6)),
  maxSeconds: setting("BENCH_MAX_SECONDS", 240),
};
const database = process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";
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

function fileNameFrom(disposition: string | string[] | undefined): string {
  const value = Array.isArray(disposition) ? disposition[0] : disposition;
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(value ?? "")?.[1];
  if (!encoded) throw new Error(`download without a file name: ${value}`);
  return decodeURIComponent(encoded);
}

function table(results: LoadResult[]): string {
  const header = [
    "scenario",
    "conc",
    "done",
    "err",
    "rate/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "MB/s",
    "srv CPU",
    "srv RSS max",
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.concurrency),
    `${r.completed}${r.cappedByTime ? "*" : ""}`,
    String(r.errors),
    `${r.perSecond} ${r.unit}`,
    String(r.latencyMs.p50),
    String(r.latencyMs.p95),
    String(r.latencyMs.p99),
    r.megabytesPerSecond === undefined ? "" : String(r.megabytesPerSecond),
    `${r.serverCpuPercent}%`,
    `${r.serverRssPeakMiB} MiB`,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

async function main() {
  ensureBuild();
  const loadBefore = loadavg();
  const bootStarted = performance.now();
  // Each simulated buyer has its own address in X-Forwarded-For, as behind a load balancer; the
  // bench client is that balancer, on loopback.
  server = await startStapel({ TRUST_PROXY: "loopback" });
  const bootSeconds = round((performance.now() - bootStarted) / 1000, 1);
  const base = server.url;
  const pid = findServerPid();
  const serverEnv = processEnv(pid);
  serverDataDir = serverEnv.STAPEL_DATA_DIR;
  const filesDir = serverEnv.FILE_STORAGE_DIR || join(serverDataDir ?? "data", "files");
  console.info(`bench: ${database} server ${base} (pid ${pid}) ready in ${bootSeconds} s`);

  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idle = memory(pid);

  const home = await request(`${base}/`, { keepBody: true });
  const slugs = listingSlugsFrom(home.body);
  const shown = /(\d+) listings/.exec(home.body)?.[1];
  console.info(`bench: home page shows ${shown ?? "?"} listings, ${slugs.length} listing links`);
  if (home.status !== 200 || slugs.length === 0)
    throw new Error(`GET / did not list listings (${home.status})`);

  const results: LoadResult[] = [];
  const measure = async (options: LoadOptions, job: Job) => {
    const result = await runLoad(pid, options, job);
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
  const download = (url: string, size: number) => async (): Promise<JobOutcome> => {
    const reply = await request(url, { timeoutMs: 60_000 });
    if (reply.status !== 200) return { ok: false, error: `download: HTTP ${reply.status}` };
    if (reply.bytes !== size)
      return { ok: false, bytes: reply.bytes, error: `got ${reply.bytes} of ${size} bytes` };
    return { ok: true, bytes: reply.bytes };
  };

  // Set-up for 6: a buyer buys the listing that ships a file. The file store is plain files named
  // listings/<listingId>/<fileName>, and a download takes its length from the file itself, so replacing
  // the bytes on disk turns it into a large download (the original is put back in between).
  const downloader = newBuyer("bench-downloads@example.com", 65_000);
  await signIn(base, downloader);
  const { listingId } = await buy(base, downloader, WITH_FILE);
  const smallUrl = await downloadLink(base, downloader);
  const first = await request(smallUrl);
  if (first.status !== 200) throw new Error(`download failed: HTTP ${first.status}`);
  const fileName = fileNameFrom(first.headers["content-disposition"]);
  const stored = join(filesDir, "listings", listingId, fileName);
  if (!statSync(stored).isFile()) throw new Error(`expected the stored file at ${stored}`);
  const original = readFileSync(stored);
  const largeBytes = settings.largeMiB * 1024 * 1024;
  const large = randomBytes(largeBytes);
  const replaceStored = (bytes: Buffer) => {
    writeFileSync(`${stored}.bench`, bytes);
    renameSync(`${stored}.bench`, stored);
  };

  // Downloaders that stop reading: how much of the file does the server hold in memory meanwhile? With
  // backpressure about one read chunk (1 MiB) each; without, up to the whole file each. Measured first,
  // on a fresh server: after heavy load, freed-but-retained memory absorbs (hides) the growth.
  replaceStored(large);
  const stallers = 3;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const stallBefore = memory(pid).rssMiB;
  let stallDuring = stallBefore;
  const stalledBytes = await Promise.all(
    Array.from({ length: stallers }, (_, i) =>
      pausedRequest(smallUrl, 3_000, () => {
        if (i === 0) stallDuring = memory(pid).rssMiB;
      }),
    ),
  );
  if (stalledBytes.some((bytes) => bytes !== largeBytes))
    throw new Error(`stalled downloads got ${stalledBytes.join(", ")} of ${largeBytes} bytes`);
  const stalled = {
    downloads: stallers,
    fileMiB: settings.largeMiB,
    pauseSeconds: 3,
    rssBefore: round(stallBefore, 0),
    rssWhilePaused: round(stallDuring, 0),
    growth: round(stallDuring - stallBefore, 0),
  };
  console.info(
    `bench: ${stallers} downloads of ${settings.largeMiB} MiB whose clients stop reading for 3 s: server RSS ` +
      `${stalled.rssBefore} -> ${stalled.rssWhilePaused} MiB (+${stalled.growth})`,
  );
  replaceStored(original);

  // 1-4: pages, signed out.
  await measure({ name: "GET /", ...pageLoad }, getOk(`${base}/`));
  await measure({ name: `GET /p/${WITH_FILE}`, ...pageLoad }, getOk(`${base}/p/${WITH_FILE}`));
  await measure(
    { name: "GET /?q=prompt&sort=price-asc", ...pageLoad },
    getOk(`${base}/?q=prompt&sort=price-asc`),
  );
  await measure({ name: "GET /healthcheck", ...pageLoad }, getOk(`${base}/healthcheck`));

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
  for (const concurrency of [1, 4]) {
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
  const freshUrl = await downloadLink(base, downloader);
  await measure(
    { name: `download ${fileName} (${original.length} B)`, unit: "download", ...pageLoad, throughput: true },
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

  // 7: memory.
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
  const m = report.memoryMiB;
  console.info(
    `\nserver RSS: ${m.idleAfterStart} MiB idle after start (peak while starting ${m.peakDuringStart}), ` +
      `${m.afterLoad} MiB after the load (${m.afterLoadPlus3s} MiB 3 s later), peak ${m.peak} MiB; ` +
      `${m.stalledDownload.downloads} stalled ${m.stalledDownload.fileMiB} MiB downloads grew it by ${m.stalledDownload.growth} MiB`,
  );
  console.info("written to bench/results.json");
  const failed = results.reduce((sum, r) => sum + r.errors, 0);
  if (failed > 0) process.exitCode = 1;
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
