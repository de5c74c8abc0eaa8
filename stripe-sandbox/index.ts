/**
 * Stapel's local Stripe sandbox: a small HTTP server that speaks the part of the Stripe REST API the
 * app uses, so the official `stripe` SDK works against it unchanged:
 *
 *   new Stripe(sandbox.secretKey, { host: sandbox.host, port: sandbox.port, protocol: "http" })
 *
 * A dev and test tool only. App code never imports it; the app only receives configuration
 * (secret key, API base URL, webhook secret). See stripe-sandbox/README.md.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { resumeDelayedPayments } from "./async-payment.ts";
import { finishAdvance } from "./billing/clock-runner.ts";
import { runDue } from "./billing/scheduler.ts";
import { clockOfCustomer } from "./billing/time.ts";
import { expireIfDue } from "./checkout-flow.ts";
import type { BillingOptions, SandboxContext } from "./context.ts";
import type { DeliveryChaos } from "./delivery-chaos.ts";
import { buildEvent } from "./events.ts";
import { createRequestListener } from "./server.ts";
import { Store } from "./store.ts";
import { type DeliveryRecord, WebhookDispatcher } from "./webhooks.ts";

export interface StripeSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Where events are POSTed; without it events are only stored (see `events()`, GET /v1/events). */
  webhookUrl?: string;
  /** Signs webhooks; default: the one saved in `statePath`, else a new random `whsec_…`. */
  webhookSecret?: string;
  /** JSON file that keeps state across restarts; undefined keeps everything in memory. */
  statePath?: string;
  /** Base URL browsers use to reach the sandbox (hosted checkout links); default: `url`. */
  publicBaseUrl?: string;
  /** Pauses between webhook attempts; default 200 ms, 1 s, 3 s, 3 s (five tries in all). */
  webhookRetryDelaysMs?: number[];
  /** Where failed webhook deliveries are reported; default stderr. */
  log?: (line: string) => void;
  /**
   * Retries after a failed subscription payment: days after the first failure (default 1, 2, 4, 6,
   * 8, 10, 12 and 14: eight retries in two weeks, like Smart Retries' recommended default) and what
   * happens after the last one (default "cancel", Stripe's default setting).
   */
  billing?: Partial<BillingOptions>;
  /** How long a SEPA Direct Debit payment in Checkout stays `processing`; default 3000 ms. */
  asyncPaymentDelayMs?: number;
  /**
   * Deliver webhooks as Stripe may: duplicated, delayed, out of order and concurrently, following a
   * seeded plan (see delivery-chaos.ts). Off by default: in order, one at a time.
   */
  deliveryChaos?: DeliveryChaos;
}

export interface StripeSandbox {
  /** `http://host:port`, the API base (`STRIPE_API_BASE`). */
  url: string;
  host: string;
  port: number;
  /** A key the sandbox accepts (any `sk_test_…` key is accepted). */
  secretKey: string;
  webhookSecret: string;
  close(): Promise<void>;
  setWebhookUrl(url: string): void;
  /** Every event so far, oldest first. */
  events(): Stripe.Event[];
  /** Resolves when all pending webhook deliveries have finished (delivered or given up). */
  deliveries(): Promise<void>;
  /** Turns chaotic delivery on (or off with `null`) for events emitted from now on. */
  setDeliveryChaos(chaos: DeliveryChaos | null): void;
  /** Every finished delivery (including duplicates), in the order they finished. */
  deliveryLog(): DeliveryRecord[];
}

export const SANDBOX_SECRET_KEY = "sk_test_stapel_sandbox_0000000000000000";

const EXPIRY_SWEEP_MS = 15_000;

export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<StripeSandbox> {
  const store = new Store(options.statePath);
  store.load();
  const webhookSecret =
    options.webhookSecret ?? store.webhookSecret ?? `whsec_${randomBytes(24).toString("hex")}`;
  if (store.webhookSecret !== webhookSecret) {
    store.webhookSecret = webhookSecret;
    store.markDirty();
  }

  let webhookUrl = options.webhookUrl;
  let publicBaseUrl = options.publicBaseUrl?.replace(/\/$/, "") ?? "";

  const dispatcher = new WebhookDispatcher({
    secret: webhookSecret,
    url: () => webhookUrl,
    retryDelaysMs: options.webhookRetryDelaysMs,
    log: options.log,
    chaos: options.deliveryChaos,
    onDelivered: (event) => {
      const stored = store.events.find((candidate) => candidate.id === event.id);
      if (!stored) return;
      stored.pending_webhooks = 0;
      store.markDirty();
      safeFlush(store);
    },
  });

  const deferred: (() => void)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const ctx: SandboxContext = {
    store,
    publicBaseUrl: () => publicBaseUrl,
    afterwards: (work) => {
      deferred.push(work);
    },
    settle: () => {
      for (let work = deferred.shift(); work; work = deferred.shift()) work();
    },
    billing: {
      retryDays: options.billing?.retryDays ?? [1, 2, 4, 6, 8, 10, 12, 14],
      afterRetries: options.billing?.afterRetries ?? "cancel",
      clockPerCheckoutCustomer: options.billing?.clockPerCheckoutCustomer ?? false,
    },
    asyncPaymentDelayMs: options.asyncPaymentDelayMs ?? 3000,
    later: (ms, work) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work();
        ctx.settle();
        safeFlush(store);
      }, ms);
      timers.add(timer);
    },
    emit(type, object, emitOptions) {
      const event = buildEvent(type, object, webhookUrl ? 1 : 0, emitOptions);
      store.events.push(event);
      store.markDirty();
      if (webhookUrl) dispatcher.enqueue(event);
      return event;
    },
  };

  const host = options.host ?? "127.0.0.1";
  const server = createServer(createRequestListener(ctx));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  publicBaseUrl ||= url;

  // Links saved by an earlier run may point at another port: open sessions get this run's link.
  for (const record of store.sessions.values()) {
    if (record.session.status === "open") record.session.url = `${publicBaseUrl}/c/pay/${record.session.id}`;
  }
  store.markDirty();
  safeFlush(store);
  resumeDelayedPayments(ctx);
  for (const clock of store.testClocks.values()) {
    const target = clock.status_details.advancing?.target_frozen_time;
    if (clock.status === "advancing" && target) setImmediate(() => finishAdvance(ctx, clock.id, target));
  }

  // Sessions expire and subscriptions without a test clock renew in real time.
  const sweep = setInterval(() => {
    for (const record of store.sessions.values()) expireIfDue(ctx, record);
    const realTime = () =>
      [...store.subscriptions.values()].filter((s) => !clockOfCustomer(ctx, String(s.customer)));
    runDue(ctx, realTime, Math.floor(Date.now() / 1000));
    safeFlush(store);
  }, EXPIRY_SWEEP_MS);
  sweep.unref();

  let closed: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    secretKey: SANDBOX_SECRET_KEY,
    webhookSecret,
    setWebhookUrl(next: string) {
      webhookUrl = next;
    },
    events: () => [...store.events],
    deliveries: () => dispatcher.idle(),
    setDeliveryChaos: (chaos) => dispatcher.setChaos(chaos ?? undefined),
    deliveryLog: () => [...dispatcher.log],
    close() {
      closed ??= closeServer(server, () => {
        clearInterval(sweep);
        for (const timer of timers) clearTimeout(timer);
        dispatcher.stop();
        safeFlush(store);
      });
      return closed;
    },
  };
}

function closeServer(server: Server, beforeClose: () => void): Promise<void> {
  beforeClose();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function safeFlush(store: Store): void {
  try {
    store.flush();
  } catch (error) {
    process.stderr.write(`[stripe-sandbox] could not write state: ${String(error)}\n`);
  }
}
