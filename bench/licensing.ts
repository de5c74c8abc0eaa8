/**
 * The licence verify scenario: Gumroad's `POST /api/v1/licenses/verify` through Stapel, then the same
 * requests to a bare node:http server that runs the same query and answers the same JSON
 * (bench/licensing-server.ts), in the same run. Keys are made for the run (one listing and one buyer
 * of the seeded demo, many keys) so the per-key limit (120 a minute) is never what is measured; each
 * request comes from its own address among 2,000 (X-Forwarded-For, the server trusts loopback).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { request } from "./http.ts";
import type { Job, LoadOptions, LoadResult } from "./load.ts";
import { round } from "./load.ts";
import { connectServerDatabase } from "./server-access.ts";

export type VerifyReport = {
  keys: number;
  stapel: LoadResult;
  bare: LoadResult;
  /** Stapel's requests per second over the bare server's (target >= 0.6). */
  ratio: number;
  targets: { ratio: number; p99Ms: number; ratioMet: boolean; p99Met: boolean };
};

type Context = {
  base: string;
  pid: number;
  logs: () => string;
  measure: (options: LoadOptions, job: Job, targetPid?: number) => Promise<LoadResult>;
};

const KEYS = 400;
const ADDRESSES = 2_000;

/** Keys for one published listing, owned by one seeded buyer, as the grant would make them. */
async function makeKeys(db: pg.Client): Promise<{ listingId: string; keys: string[] }> {
  const { rows } = await db.query<{ id: string; shopId: string; prefix: string }>(
    `SELECT l.id, l."shopId", s."licenseKeyPrefix" AS prefix FROM "Listing" l JOIN "Shop" s ON s.id = l."shopId"
     WHERE l.status = 'PUBLISHED' ORDER BY l."publishedAt" LIMIT 1`,
  );
  const listing = rows[0];
  if (!listing) throw new Error("no published listing to make licence keys for");
  const owner = await db.query<{ id: string }>(`SELECT id FROM "User" ORDER BY "createdAt" LIMIT 1`);
  const userId = owner.rows[0]?.id;
  if (!userId) throw new Error("no user to own the bench's licence keys");
  const run = randomBytes(4).toString("hex");
  const keys = Array.from({ length: KEYS }, () => {
    const group = () => randomBytes(5).toString("hex").slice(0, 5).toUpperCase();
    return `${listing.prefix}-${group()}-${group()}-${group()}-${group()}`;
  });
  await db.query(
    `INSERT INTO "LicenseKey" (id, key, "userId", "shopId", "listingId", "maxActivations")
     SELECT 'bench' || $1 || '-' || n, k, $2, $3, $4, 3 FROM unnest($5::text[]) WITH ORDINALITY AS t(k, n)`,
    [run, userId, listing.shopId, listing.id, keys],
  );
  return { listingId: listing.id, keys };
}

async function startBareServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/licensing-server.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const line = /^(\d+)\n/.exec(output)?.[1];
      if (line) resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`licensing-server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export async function runVerifyBench(
  context: Context,
  load: { concurrency: number; requests: number; durationMs: number },
): Promise<VerifyReport> {
  const db = await connectServerDatabase(context.pid, context.base, context.logs());
  const params = db as unknown as {
    user: string;
    password?: string;
    host: string;
    port: number;
    database: string;
  };
  const databaseUrl = `postgresql://${params.user}:${params.password ?? ""}@${params.host}:${params.port}/${params.database}?sslmode=disable`;
  try {
    const { listingId, keys } = await makeKeys(db);
    const job =
      (url: string): Job =>
      async (index) => {
        const n = index + 1;
        const reply = await request(url, {
          form: { product_id: listingId, license_key: keys[index % keys.length] ?? "" },
          headers: { "X-Forwarded-For": `10.77.${(n % ADDRESSES) >> 8}.${n % 256}` },
          keepBody: true,
        });
        const ok = reply.status === 200 && reply.body.startsWith('{"success":true');
        return ok
          ? { ok: true, bytes: reply.bytes }
          : {
              ok: false,
              bytes: reply.bytes,
              error: `verify: HTTP ${reply.status} ${reply.body.slice(0, 120)}`,
            };
      };
    const options = { ...load, unit: "req", warmup: 50 };
    const stapel = await context.measure(
      { name: "POST /api/v1/licenses/verify", ...options },
      job(`${context.base}/api/v1/licenses/verify`),
    );
    const bare = await startBareServer({ DATABASE_URL: databaseUrl, APP_URL: context.base });
    let floor: LoadResult;
    try {
      floor = await context.measure(
        { name: "verify, bare node:http + pg", ...options },
        job(bare.url),
        bare.pid,
      );
    } finally {
      await bare.stop();
    }
    const ratio = round(stapel.perSecond / floor.perSecond, 2);
    return {
      keys: keys.length,
      stapel,
      bare: floor,
      ratio,
      targets: { ratio: 0.6, p99Ms: 10, ratioMet: ratio >= 0.6, p99Met: stapel.latencyMs.p99 <= 10 },
    };
  } finally {
    await db.end();
  }
}
