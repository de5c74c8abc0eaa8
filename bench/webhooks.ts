/**
 * Webhook ingest: how fast the server takes Stripe webhooks in (deliveries stored per second: the
 * endpoint verifies, stores the event and enqueues its job, then answers 200) and works them off
 * (events handled per second, from the first delivery until the database has every event HANDLED),
 * with every event delivered twice, some out of order, and an exactly-once check at the end.
 *
 * The events are made of real subscriptions and purchases, set up through the app's own paths
 * (webhook-setup.ts, webhook-events.ts); the check is webhook-checks.ts. Two baselines take the same
 * signed deliveries: a bare node:http server that only checks the signature (verify-server.ts), and
 * the app's endpoint given a signature it must refuse (everything but storing and queueing).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import Stripe from "stripe";
import { request } from "./http.ts";
import type { Job, JobOutcome, LoadOptions, LoadResult } from "./load.ts";
import { percentile, round } from "./load.ts";
import { cpuSeconds } from "./proc.ts";
import { connectServerDatabase, sandboxClient, webhookSecretOf } from "./server-access.ts";
import {
  checkExactlyOnce,
  type ExactlyOnce,
  orderStates,
  stripeEventJobs,
  subscriptionStates,
} from "./webhook-checks.ts";
import { type BenchEvent, buildEvents, deliveryOrder, eventPrefix } from "./webhook-events.ts";
import { setUpWebhookSources } from "./webhook-setup.ts";

export type WebhookSettings = {
  /** Distinct events (each delivered twice). */
  events: number;
  senders: number;
  /** The cap from the first delivery until every event is handled (and on each baseline). */
  handleSeconds: number;
};

export type WebhookServer = {
  base: string;
  pid: number;
  dataDir: string;
  logs: () => string;
  /** Listing slugs to buy for the one-off purchases. */
  slugs: string[];
  /** Runs a load against a process (default: the server) and adds its row to the bench's table. */
  measure: (options: LoadOptions, job: Job, pid?: number) => Promise<LoadResult>;
};

export type WebhookIngestReport = {
  events: number;
  deliveries: number;
  /** Of the deliveries: second copies sent only after every event was handled. */
  lateDeliveries: number;
  outOfOrder: number;
  mix: Record<string, number>;
  subscriptions: number;
  purchases: number;
  senders: number;
  /** The stream: first deliveries and most second ones, while events are being handled. */
  stored: LoadResult;
  /** The late second deliveries, of events already handled. */
  redelivered: LoadResult;
  verifyOnly: LoadResult;
  refused: LoadResult;
  answers: Record<string, number>;
  lateAnswers: Record<string, number>;
  /** First delivery sent until the database showed every event HANDLED (polled every 100 ms). */
  handledSeconds: number;
  handledPerSecond: number;
  /** handledAt - receivedAt per event, in ms (the database's clock). */
  receiptToHandledMs: { p50: number; p99: number; max: number };
  serverCpuPercentUntilHandled: number;
  exactlyOnce: ExactlyOnce;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const signer = new Stripe("sk_test_stapel_bench");
/** Stripe sends from a few addresses; a new one every 400 deliveries keeps under the 600/min limit. */
const senderIp = (phase: number, index: number) => {
  const block = Math.floor(index / 400);
  return `10.${200 + phase}.${(block >> 8) & 255}.${block & 255}`;
};

function post(url: string, event: BenchEvent, secret: string, ip: string) {
  return request(url, {
    method: "POST",
    body: event.body,
    keepBody: true,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "Stripe-Signature": signer.webhooks.generateTestHeaderString({ payload: event.body, secret }),
      "X-Forwarded-For": ip,
    },
  });
}

export async function runWebhookIngest(
  server: WebhookServer,
  settings: WebhookSettings,
): Promise<WebhookIngestReport> {
  const db = await connectServerDatabase(server.pid, server.base, server.logs());
  try {
    return await ingest(server, settings, db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

async function ingest(server: WebhookServer, settings: WebhookSettings, db: pg.Client) {
  const stripe = sandboxClient(server.logs());
  const secret = webhookSecretOf(server.dataDir);
  const tag = randomBytes(3).toString("hex");

  const setupStarted = performance.now();
  const { purchases, sessionIds, subscriptions, sources } = await setUpWebhookSources(
    server,
    db,
    stripe,
    tag,
    settings.events,
  );
  const events = buildEvents(sources, settings.events, tag);
  const { stream, late, outOfOrder } = deliveryOrder(events);
  const deliveries = [...stream, ...late];
  const mix: Record<string, number> = {};
  for (const event of events) mix[event.type] = (mix[event.type] ?? 0) + 1;
  // What the events must leave as it is: they repeat what the set-up already did.
  const subscriptionsBefore = await subscriptionStates(
    db,
    subscriptions.map((row) => row.id),
  );
  const ordersBefore = await orderStates(db, sessionIds);
  console.info(
    `bench: webhooks: ${subscriptions.length} subscriptions and ${purchases} purchases set up in ` +
      `${round((performance.now() - setupStarted) / 1000, 1)} s; ${events.length} events ` +
      `(${Object.entries(mix)
        .map(([type, count]) => `${count} ${type}`)
        .join(", ")}), ${deliveries.length} deliveries, ${outOfOrder} events first delivered out of order`,
  );

  const load = (name: string, requests: number) => ({
    name,
    unit: "delivery",
    concurrency: settings.senders,
    requests,
    durationMs: settings.handleSeconds * 1000,
  });
  const at = (list: BenchEvent[], index: number) => list[index % list.length] as BenchEvent;

  // Baseline 1: the floor, a bare server that checks the signature.
  const floor = await startVerifyServer(secret);
  let verifyOnly: LoadResult;
  try {
    verifyOnly = await server.measure(
      { ...load("POST webhook, verify-only node:http", deliveries.length), warmup: 20 },
      async (index) => {
        const reply = await post(floor.url, at(deliveries, index), secret, "127.0.0.1");
        return reply.status === 200
          ? { ok: true }
          : { ok: false, error: `verify-only: HTTP ${reply.status}` };
      },
      floor.pid,
    );
  } finally {
    await floor.stop();
  }

  // Baseline 2: the app's endpoint, all of it but storing and queueing (the signature is refused).
  const endpoint = `${server.base}/webhooks/stripe`;
  const otherSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const refused = await server.measure(
    { ...load("POST /webhooks/stripe, bad signature", deliveries.length), warmup: 20 },
    async (index) => {
      const reply = await post(endpoint, at(deliveries, index), otherSecret, senderIp(1, index));
      return reply.status === 400 && reply.body.includes("Invalid Stripe-Signature")
        ? { ok: true }
        : { ok: false, error: `bad signature: HTTP ${reply.status} ${reply.body.slice(0, 80)}` };
    },
  );

  /** Signed deliveries of `list`; answers are counted in `answers`, and `accepted` ones are ok. */
  const deliver =
    (list: BenchEvent[], phase: number, answers: Record<string, number>, accepted: string[]) =>
    async (index: number): Promise<JobOutcome> => {
      const reply = await post(endpoint, at(list, index), secret, senderIp(phase, index));
      const result =
        reply.status === 200 ? (JSON.parse(reply.body) as { result?: string }).result : undefined;
      const answer = reply.status === 200 ? `200 ${result}` : `HTTP ${reply.status}`;
      answers[answer] = (answers[answer] ?? 0) + 1;
      return result && accepted.includes(result)
        ? { ok: true }
        : { ok: false, error: `webhook: ${answer} ${reply.body.slice(0, 80)}` };
    };

  // The measurement: the stream of signed deliveries, stored and queued; the database polled meanwhile.
  const answers: Record<string, number> = {};
  let firstSentAt: number | undefined;
  let cpuAtFirst = 0;
  const deadline = performance.now() + settings.handleSeconds * 1000;
  const handled = pollUntilHandled(db, tag, events.length, deadline, server.pid);
  const sendStream = deliver(stream, 2, answers, ["queued", "duplicate"]);
  const stored = await server.measure(load("POST /webhooks/stripe, stored", stream.length), async (index) => {
    if (firstSentAt === undefined) {
      firstSentAt = performance.now();
      cpuAtFirst = cpuSeconds(server.pid);
    }
    return sendStream(index);
  });
  const allHandled = await handled;
  const handledSeconds = allHandled ? (allHandled.at - (firstSentAt ?? allHandled.at)) / 1000 : Number.NaN;
  const serverCpu = (allHandled?.cpuSeconds ?? Number.NaN) - cpuAtFirst;

  // A redelivery of an event not handled yet adds its job again; wait for the queue to empty. Then
  // Stripe's late retries of handled events: each must be acknowledged as a duplicate, and queue nothing.
  const waitForJobs = async () => {
    for (let i = 0; i < 50 && (await stripeEventJobs(db, eventPrefix(tag))) > 0; i++) await sleep(100);
  };
  await waitForJobs();
  const lateAnswers: Record<string, number> = {};
  const redelivered = await server.measure(
    load("POST /webhooks/stripe, handled before", late.length),
    deliver(late, 3, lateAnswers, ["duplicate"]),
  );
  await waitForJobs();
  const acknowledged = (counts: Record<string, number>) =>
    (counts["200 queued"] ?? 0) + (counts["200 duplicate"] ?? 0);
  const exactlyOnce = await checkExactlyOnce(db, {
    tag,
    events,
    deliveriesPerEvent: 2,
    acknowledged: acknowledged(answers) + acknowledged(lateAnswers),
    late: { sent: late.length, duplicates: lateAnswers["200 duplicate"] ?? 0 },
    ordersBefore,
    subscriptionsBefore,
  });

  return {
    events: events.length,
    deliveries: deliveries.length,
    lateDeliveries: late.length,
    outOfOrder,
    mix,
    subscriptions: subscriptions.length,
    purchases,
    senders: settings.senders,
    stored,
    redelivered,
    verifyOnly,
    refused,
    answers,
    lateAnswers,
    handledSeconds: round(handledSeconds, 2),
    handledPerSecond: round(events.length / handledSeconds, 1),
    receiptToHandledMs: await receiptToHandled(db, tag),
    serverCpuPercentUntilHandled: Math.round((serverCpu / handledSeconds) * 100),
    exactlyOnce,
  };
}

/**
 * Resolves with the time (performance.now) the database first shows every event HANDLED, and the
 * server's CPU seconds then; undefined after the deadline.
 */
async function pollUntilHandled(
  db: pg.Client,
  tag: string,
  count: number,
  deadline: number,
  pid: number,
): Promise<{ at: number; cpuSeconds: number } | undefined> {
  while (performance.now() < deadline) {
    const { rows } = await db.query<{ handled: number }>(
      `SELECT count(*)::int AS handled FROM "StripeEvent" WHERE id LIKE $1 AND status = 'HANDLED'`,
      [`${eventPrefix(tag)}%`],
    );
    if ((rows[0]?.handled ?? 0) >= count) return { at: performance.now(), cpuSeconds: cpuSeconds(pid) };
    await sleep(100);
  }
  return undefined;
}

async function receiptToHandled(db: pg.Client, tag: string) {
  const { rows } = await db.query<{ ms: number }>(
    `SELECT extract(epoch FROM "handledAt" - "receivedAt") * 1000 AS ms FROM "StripeEvent"
     WHERE id LIKE $1 AND "handledAt" IS NOT NULL ORDER BY 1`,
    [`${eventPrefix(tag)}%`],
  );
  const sorted = rows.map((row) => Number(row.ms));
  return {
    p50: round(percentile(sorted, 50), 0),
    p99: round(percentile(sorted, 99), 0),
    max: round(sorted.at(-1) ?? Number.NaN, 0),
  };
}

/** bench/verify-server.ts in its own process; resolves once it listens. */
async function startVerifyServer(
  secret: string,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/verify-server.ts"], {
    env: { ...process.env, WEBHOOK_SECRET: secret },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const line = /^(\d+)\n/.exec(output)?.[1];
      if (line) resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`verify-server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
