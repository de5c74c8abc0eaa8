/**
 * What the webhook scenario needs from the running server besides HTTP: its database (to read the
 * stored events and their side effects), its Stripe sandbox (real objects to build events from) and
 * its webhook secret (to sign them as Stripe does). All of it is on loopback or in its data folder.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import Stripe from "stripe";
import { listeningPorts, processEnv } from "./proc.ts";

/**
 * A client of the server's database. On PostgreSQL the server's environment names it; the embedded
 * PGlite listens on a free port of the server process that the server does not print: the one of its
 * listening ports that is neither the app's nor the sandbox's and answers the Postgres protocol.
 */
export async function connectServerDatabase(pid: number, appUrl: string, logs: string): Promise<pg.Client> {
  const named = processEnv(pid).DATABASE_URL;
  if (named) return connect(named);
  const known = new Set([Number(new URL(appUrl).port), sandboxUrl(logs).port].map(Number));
  const candidates = listeningPorts(pid).filter((port) => !known.has(port));
  for (const port of candidates) {
    try {
      return await connect(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`);
    } catch {
      // not the database
    }
  }
  throw new Error(`no PostgreSQL among the server's listening ports ${candidates.join(", ") || "(none)"}`);
}

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** The sandbox's address, from the line the server prints when it starts it. */
function sandboxUrl(logs: string): URL {
  const url = /Stripe sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(logs)?.[1];
  if (!url)
    throw new Error("the server did not print its Stripe sandbox address (is STRIPE_SECRET_KEY set?)");
  return new URL(url);
}

/** The official SDK against the server's sandbox (it accepts any sk_test_ key). */
export function sandboxClient(logs: string): Stripe {
  const url = sandboxUrl(logs);
  return new Stripe("sk_test_stapel_bench", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** The secret the sandbox signs webhooks with, which the server made once in its data folder. */
export function webhookSecretOf(dataDir: string): string {
  const secrets = JSON.parse(readFileSync(join(dataDir, "local-secrets.json"), "utf8")) as {
    STRIPE_WEBHOOK_SECRET?: string;
  };
  if (!secrets.STRIPE_WEBHOOK_SECRET?.startsWith("whsec_"))
    throw new Error(`no webhook secret in ${join(dataDir, "local-secrets.json")}`);
  return secrets.STRIPE_WEBHOOK_SECRET;
}
