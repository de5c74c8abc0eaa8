/**
 * The upload scenario: a seller sends one large file (2 GB by default) through Stapel's upload API
 * to the disk store (create, one raw-bytes request, complete with the SHA-256 computed from the
 * stored file), and, in the same run, the same bytes to a baseline: a bare Node server in its own
 * process that pipes the request body to a file. For each: MB/s and how much the server's RSS grew
 * while it received the file (target: flat, under 64 MiB, because nothing buffers the file).
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newBuyer, signIn } from "./flows.ts";
import { request } from "./http.ts";
import { round } from "./load.ts";
import { memory } from "./proc.ts";
import { connectServerDatabase } from "./server-access.ts";

export type UploadReport = {
  bytes: number;
  stapel: Measured & { completeSeconds: number; sha256Matches: boolean };
  baseline: Measured;
};
type Measured = {
  seconds: number;
  mbPerSecond: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
};

const CHUNK = randomBytes(1024 * 1024);
// The file starts like a ZIP archive (Stapel checks the first bytes against the .zip name).
CHUNK.set([0x50, 0x4b, 0x03, 0x04], 0);

/**
 * Sends `total` bytes (CHUNK repeated) as one POST body with backpressure, sampling `pid`'s RSS
 * every 200 ms meanwhile. Answers the status, the body and the sampled memory.
 */
async function sendFile(url: string, headers: Record<string, string>, total: number, pid: number) {
  const before = memory(pid).rssMiB;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(pid).rssMiB);
  }, 200);
  const started = performance.now();
  try {
    const target = new URL(url);
    const req = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: "POST",
      headers: { ...headers, "Content-Type": "application/octet-stream", "Content-Length": String(total) },
    });
    const answered = once(req, "response") as Promise<[http.IncomingMessage]>;
    let sent = 0;
    while (sent < total) {
      const piece = total - sent >= CHUNK.byteLength ? CHUNK : CHUNK.subarray(0, total - sent);
      sent += piece.byteLength;
      if (!req.write(piece)) await once(req, "drain");
    }
    req.end();
    const [response] = await answered;
    let body = "";
    for await (const chunk of response) body += chunk;
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, memory(pid).rssMiB);
    return {
      status: response.statusCode ?? 0,
      body,
      measured: {
        seconds: round(seconds, 1),
        mbPerSecond: round(total / 1_000_000 / seconds, 0),
        rssBeforeMiB: round(before, 0),
        rssPeakMiB: round(peak, 0),
        rssGrowthMiB: round(peak - before, 0),
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

function expectedSha256(total: number): string {
  const hash = createHash("sha256");
  for (let sent = 0; sent < total; sent += CHUNK.byteLength)
    hash.update(CHUNK.subarray(0, Math.min(CHUNK.byteLength, total - sent)));
  return hash.digest("hex");
}

/** The baseline: plain node:http, the body piped to a file, in a process of its own. */
async function startBaseline(file: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const script = `
    const http = require("node:http"); const fs = require("node:fs"); const { pipeline } = require("node:stream/promises");
    http.createServer(async (req, res) => {
      await pipeline(req, fs.createWriteStream(${JSON.stringify(file)}));
      res.end(JSON.stringify({ bytes: fs.statSync(${JSON.stringify(file)}).size }));
    }).listen(0, "127.0.0.1", function () { console.log("port " + this.address().port); });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  const port = /port (\d+)/.exec(line.toString())?.[1];
  if (!port || !child.pid) throw new Error(`the baseline server did not start: ${line}`);
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid, stop: () => child.kill() };
}

export async function runUploadBench(
  context: { base: string; pid: number; logs: () => string },
  settings: { bytes: number },
): Promise<UploadReport> {
  const { base, pid } = context;
  const seller = newBuyer("seller@stapel.test", 64_999);
  await signIn(base, seller);
  const db = await connectServerDatabase(pid, base, context.logs());
  let listingId: string | undefined;
  try {
    const rows = await db.query<{ id: string }>(
      `select l.id from "Listing" l join "Shop" s on s.id = l."shopId" join "User" u on u.id = s."ownerId"
       where u.email = 'seller@stapel.test' order by l."createdAt" limit 1`,
    );
    listingId = rows.rows[0]?.id;
  } finally {
    await db.end();
  }
  if (!listingId) throw new Error("the demo seller has no listing to upload to");
  const headers = { "X-Forwarded-For": seller.ip, ...seller.jar.header() };
  const expected = expectedSha256(settings.bytes);

  const created = await request(`${base}/dashboard/uploads`, {
    form: { listingId, fileName: "bench-upload.zip", sizeBytes: String(settings.bytes) },
    headers,
    keepBody: true,
  });
  if (created.status !== 201)
    throw new Error(`POST /dashboard/uploads: HTTP ${created.status} ${created.body.slice(0, 200)}`);
  const uploadId = (JSON.parse(created.body) as { upload: { id: string } }).upload.id;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const sent = await sendFile(
    `${base}/dashboard/uploads/${uploadId}/bytes?offset=0`,
    headers,
    settings.bytes,
    pid,
  );
  const received = (JSON.parse(sent.body) as { upload?: { receivedBytes: number } }).upload?.receivedBytes;
  if (sent.status !== 200 || received !== settings.bytes)
    throw new Error(
      `upload bytes: HTTP ${sent.status}, ${received} of ${settings.bytes} bytes stored: ${sent.body.slice(0, 200)}`,
    );
  const completeStarted = performance.now();
  const completed = await request(`${base}/dashboard/uploads/${uploadId}`, {
    form: { intent: "complete" },
    headers,
    keepBody: true,
    timeoutMs: 300_000,
  });
  const completeSeconds = round((performance.now() - completeStarted) / 1000, 1);
  if (completed.status !== 200)
    throw new Error(`completing the upload: HTTP ${completed.status} ${completed.body.slice(0, 200)}`);
  const sha256 = (JSON.parse(completed.body) as { file: { sha256: string } }).file.sha256;

  const baselineFile = join(tmpdir(), `stapel-bench-baseline-${process.pid}.bin`);
  const baseline = await startBaseline(baselineFile);
  let baselineMeasured: Measured;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const raw = await sendFile(baseline.url, {}, settings.bytes, baseline.pid);
    if (raw.status !== 200) throw new Error(`baseline: HTTP ${raw.status}`);
    baselineMeasured = raw.measured;
  } finally {
    baseline.stop();
    rmSync(baselineFile, { force: true });
  }

  const report: UploadReport = {
    bytes: settings.bytes,
    stapel: { ...sent.measured, completeSeconds, sha256Matches: sha256 === expected },
    baseline: baselineMeasured,
  };
  const mb = round(settings.bytes / 1_000_000, 0);
  console.info(
    `bench: upload ${mb} MB through Stapel (disk store): ${report.stapel.mbPerSecond} MB/s, server RSS ` +
      `${report.stapel.rssBeforeMiB} -> ${report.stapel.rssPeakMiB} MiB (+${report.stapel.rssGrowthMiB}); ` +
      `complete (SHA-256 of the stored file) ${completeSeconds} s, SHA-256 ${report.stapel.sha256Matches ? "matches" : "DIFFERS"}`,
  );
  console.info(
    `bench: upload ${mb} MB to a bare Node server piping to disk: ${report.baseline.mbPerSecond} MB/s, RSS ` +
      `${report.baseline.rssBeforeMiB} -> ${report.baseline.rssPeakMiB} MiB (+${report.baseline.rssGrowthMiB})`,
  );
  return report;
}
