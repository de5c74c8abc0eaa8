/**
 * The download comparison: one large file (1 GiB by default) through Stapel's signed download route
 * and through Debian's nginx serving the very same file with sendfile, alternately, in one run. nginx
 * is started here with its own config in a temp folder (pid, logs and temp paths inside it, one worker,
 * a port of its own) and stopped afterwards; when it is not installed the comparison is skipped with
 * a message. Throughput is measured with curl (C, writes to /dev/null) when present, so the client is
 * not what limits either server; Stapel's RSS is sampled during its downloads.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { freePort } from "../tests/support/free-port.ts";
import { request } from "./http.ts";
import { round } from "./load.ts";
import { memory } from "./proc.ts";

export type NginxComparison = {
  fileMiB: number;
  rounds: number;
  client: "curl" | "node:http";
  stapel: {
    megabytesPerSecond: number;
    runs: number[];
    rssBeforeMiB: number;
    rssPeakMiB: number;
    rssGrowthMiB: number;
  };
  nginx: { megabytesPerSecond: number; runs: number[] } | { skipped: string };
  /** Stapel's median throughput over nginx's (target >= 0.8). */
  ratio: number | null;
};

const which = (command: string): string | null => {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path
    ? path
    : existsSync(`/usr/sbin/${command}`)
      ? `/usr/sbin/${command}`
      : null;
};

/** Writes `mib` MiB of random bytes (an 8 MiB random block repeated) with backpressure, then renames. */
export async function writeLargeFile(path: string, mib: number): Promise<void> {
  const block = randomBytes(8 * 1024 * 1024);
  const out = createWriteStream(`${path}.bench`);
  let left = mib * 1024 * 1024;
  while (left > 0) {
    const chunk = left >= block.byteLength ? block : block.subarray(0, left);
    left -= chunk.byteLength;
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
  renameSync(`${path}.bench`, path);
}

type Nginx = { url: (fileName: string) => string; stop(): Promise<void> };

/** nginx serving `rootDir` on its own port with sendfile, everything it writes inside a temp folder. */
async function startNginx(binary: string, rootDir: string): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), "stapel-bench-nginx-"));
  const port = await freePort();
  const conf = join(prefix, "nginx.conf");
  const temp = (name: string) => `${name} ${join(prefix, name.replace(/_temp_path$/, ""))};`;
  writeFileSync(
    conf,
    [
      // As root the master would hand the worker to "nobody", who cannot read a 0700 temp folder.
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      "  access_log off;",
      `  ${temp("client_body_temp_path")}`,
      `  ${temp("proxy_temp_path")}`,
      `  ${temp("fastcgi_temp_path")}`,
      `  ${temp("uwsgi_temp_path")}`,
      `  ${temp("scgi_temp_path")}`,
      "  default_type application/octet-stream;",
      "  sendfile on;",
      "  tcp_nopush on;",
      "  keepalive_timeout 30;",
      `  server { listen 127.0.0.1:${port}; root ${rootDir}; location / { } }`,
      "}",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(binary, ["-p", prefix, "-c", conf, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr.trim()}`);
    const up = await request(`${base}/`, { timeoutMs: 1000 }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (attempt > 50) throw new Error(`nginx did not answer on ${base}: ${stderr.trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: (fileName) => `${base}/${encodeURIComponent(fileName)}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await Promise.race([once(child, "exit"), new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** One GET of `url`, timed by the client; throws unless it answered 200 with exactly `size` bytes. */
function timedDownload(url: string, size: number, curl: string | null): Promise<number> {
  if (curl) {
    const result = spawnSync(
      curl,
      ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{speed_download}", url],
      { encoding: "utf8" },
    );
    const [status, bytes, speed] = result.stdout.trim().split(" ");
    if (status !== "200" || Number(bytes) !== size)
      throw new Error(`curl ${url}: HTTP ${status}, ${bytes} of ${size} bytes ${result.stderr}`);
    return Promise.resolve(Number(speed) / 1e6);
  }
  const started = performance.now();
  return request(url, { timeoutMs: 300_000 }).then((reply) => {
    if (reply.status !== 200 || reply.bytes !== size)
      throw new Error(`GET ${url}: HTTP ${reply.status}, ${reply.bytes} of ${size} bytes`);
    return size / 1e6 / ((performance.now() - started) / 1000);
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Alternates Stapel and nginx downloads of `storedPath` (`rounds` each, after one warm-up of each that
 * also fills the page cache). `freshUrl` gives a fresh signed Stapel link (they expire).
 */
export async function compareWithNginx(options: {
  pid: number;
  storedPath: string;
  sizeBytes: number;
  rounds: number;
  freshUrl: () => Promise<string>;
}): Promise<NginxComparison> {
  const curl = which("curl");
  const binary = which("nginx");
  const fileMiB = round(options.sizeBytes / 1024 / 1024, 0);
  let nginx: Nginx | undefined;
  let skipped: string | undefined;
  if (!binary) {
    skipped = "nginx not installed: apt-get install nginx-light";
    console.info(`bench: ${skipped} (the nginx comparison is skipped)`);
  } else {
    nginx = await startNginx(binary, dirname(options.storedPath));
  }
  try {
    const stapelRuns: number[] = [];
    const nginxRuns: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssBefore = memory(options.pid).rssMiB;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, memory(options.pid).rssMiB);
    }, 25);
    try {
      for (let round = 0; round <= options.rounds; round++) {
        const stapel = await timedDownload(await options.freshUrl(), options.sizeBytes, curl);
        if (round > 0) stapelRuns.push(stapel);
        if (nginx) {
          const served = await timedDownload(
            nginx.url(basename(options.storedPath)),
            options.sizeBytes,
            curl,
          );
          if (round > 0) nginxRuns.push(served);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const stapelMBs = round(median(stapelRuns), 0);
    const nginxMBs = nginxRuns.length ? round(median(nginxRuns), 0) : null;
    return {
      fileMiB,
      rounds: options.rounds,
      client: curl ? "curl" : "node:http",
      stapel: {
        megabytesPerSecond: stapelMBs,
        runs: stapelRuns.map((value) => round(value, 0)),
        rssBeforeMiB: round(rssBefore, 0),
        rssPeakMiB: round(rssPeak, 0),
        rssGrowthMiB: round(rssPeak - rssBefore, 0),
      },
      nginx:
        nginxMBs === null
          ? { skipped: skipped ?? "nginx did not run" }
          : { megabytesPerSecond: nginxMBs, runs: nginxRuns.map((value) => round(value, 0)) },
      ratio: nginxMBs ? round(stapelMBs / nginxMBs, 2) : null,
    };
  } finally {
    await nginx?.stop();
  }
}

/** The comparison's lines under the table. */
export function printNginxComparison(report: NginxComparison): void {
  const { stapel, nginx } = report;
  console.info(
    `\n${report.fileMiB} MiB download, median of ${report.rounds} (client ${report.client}): Stapel ` +
      `${stapel.megabytesPerSecond} MB/s` +
      ("skipped" in nginx
        ? `; nginx: ${nginx.skipped}`
        : `, nginx sendfile ${nginx.megabytesPerSecond} MB/s = ${report.ratio}x (target >= 0.8x)`),
  );
  console.info(
    `  Stapel server RSS ${stapel.rssBeforeMiB} -> peak ${stapel.rssPeakMiB} MiB during its downloads ` +
      `(+${stapel.rssGrowthMiB} MiB, target < 64 MiB)`,
  );
}
