/**
 * CPU per uncached public page on the request thread: starts `server/start.ts` of a checkout (its
 * built app, embedded database, first start with the demo) and reads the main thread's utime +
 * stime from /proc around 600 requests per page at 8 connections (an unrelated cookie bypasses the
 * page cache, as bench/pages.ts does). The database's own thread is not counted. Unlike requests per
 * second, this barely moves with whatever else the machine runs, so two checkouts can be compared
 * one after the other: `npx tsx bench/request-cpu.ts [checkout dir] [label]` (Linux only).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../tests/support/free-port.ts";

const checkout = resolve(process.argv[2] ?? ".");
const label = process.argv[3] ?? checkout;
const PAGES = [
  "/p/landing-page-copy-architect",
  "/",
  "/s/maren-writes",
  "/search?q=email&type=PROMPT&sort=rating",
];
const MEASURED = 600;

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "stapel-request-cpu-"));
const server = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
  cwd: checkout,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    STAPEL_DATA_DIR: dataDir,
    NODE_ENV: "production",
    DATABASE_URL: "",
    STRIPE_SECRET_KEY: "",
    RESEND_API_KEY: "",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
server.stdout?.on("data", (chunk) => (output += chunk));
server.stderr?.on("data", (chunk) => (output += chunk));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Milliseconds of CPU the server's main (request) thread has used. */
function requestThreadCpuMs(): number {
  const fields =
    readFileSync(`/proc/${server.pid}/task/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in 10 ms ticks
}

async function load(path: string, requests: number, connections: number): Promise<void> {
  let sent = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent++ < requests) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { Cookie: "bench=bypass-page-cache" },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      }
    }),
  );
}

try {
  // The demo's covers are drawn on the request thread after the first start: wait until they are.
  for (let waited = 0; !output.includes("Demo covers:"); waited += 200) {
    if (server.exitCode !== null || waited > 180_000)
      throw new Error(`the server did not get ready:\n${output}`);
    await sleep(200);
  }
  await sleep(1500);
  for (const path of PAGES) {
    await load(path, 100, 4);
    const before = requestThreadCpuMs();
    await load(path, MEASURED, 8);
    const perRequest = (requestThreadCpuMs() - before) / MEASURED;
    console.info(`${label}\t${path}\t${perRequest.toFixed(2)} ms CPU per request (request thread)`);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((done) => server.once("exit", done));
  rmSync(dataDir, { recursive: true, force: true });
}
