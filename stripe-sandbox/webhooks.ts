import Stripe from "stripe";
import { type DeliveryChaos, DeliveryPlanner, type PlannedCopy } from "./delivery-chaos.ts";

export interface WebhookDispatcherOptions {
  secret: string;
  url: () => string | undefined;
  /** Waits before each retry; the first try is immediate. Default: 0.2 s, 1 s, 3 s, 3 s (5 tries). */
  retryDelaysMs?: number[];
  /** Called when an event was accepted (2xx) by the endpoint. */
  onDelivered?: (event: Stripe.Event) => void;
  log?: (line: string) => void;
  /** Duplicate, delay, reorder and overlap deliveries, as Stripe may (see delivery-chaos.ts). */
  chaos?: DeliveryChaos;
}

/** One delivery as it happened, for tests that check what the endpoint saw. */
export interface DeliveryRecord {
  eventId: string;
  type: string;
  /** 0 for the delivery, 1 for a duplicate. */
  copy: number;
  delayMs: number;
  attempts: number;
  ok: boolean;
  startedAt: number;
  finishedAt: number;
}

const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 3000, 3000];
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * Delivers events to one endpoint, signed exactly as Stripe signs them (`Stripe-Signature: t=…,v1=…`
 * from the SDK's own `generateTestHeaderString`). By default in order, one at a time. With chaos on,
 * a seeded plan decides per event whether it is sent twice and how long each copy waits; copies
 * then go out concurrently, so later events can overtake earlier ones. A non-2xx answer or a
 * connection error is retried with a short backoff, then given up and logged.
 */
export class WebhookDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;
  private readonly inFlight = new Set<AbortController>();
  private readonly sleeping = new Set<() => void>();
  private planner: DeliveryPlanner | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  readonly log: DeliveryRecord[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.setChaos(options.chaos);
  }

  setChaos(chaos: DeliveryChaos | undefined): void {
    this.planner = chaos ? new DeliveryPlanner(chaos) : undefined;
  }

  enqueue(event: Stripe.Event): void {
    const payload = JSON.stringify(event, null, 2);
    const planner = this.planner;
    if (!planner) {
      this.chain = this.chain.then(() => this.deliver(event, payload, 0, 0));
      return;
    }
    const [first, duplicate] = planner.plan();
    if (!first) return;
    const send = (copy: PlannedCopy) => () => this.deliver(event, payload, copy.copy, copy.delayMs);
    let delivered: Promise<void>;
    if (planner.reorder) {
      delivered = this.sleep(first.delayMs).then(() => this.withSlot(planner.concurrency, send(first)));
      this.track(delivered);
    } else {
      this.chain = this.chain.then(() => this.sleep(first.delayMs)).then(send(first));
      delivered = this.chain;
    }
    if (duplicate) {
      this.track(
        delivered
          .then(() => this.sleep(duplicate.delayMs))
          .then(() => this.withSlot(planner.concurrency, send(duplicate))),
      );
    }
  }

  private track(run: Promise<void>): void {
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves once every queued delivery has finished (succeeded or given up). */
  async idle(): Promise<void> {
    for (;;) {
      const chain = this.chain;
      const pending = [...this.pending];
      await Promise.all([chain, ...pending]);
      if (chain === this.chain && this.pending.size === 0) return;
    }
  }

  /** Aborts the deliveries in progress and drops the queue. */
  stop(): void {
    this.stopped = true;
    for (const controller of this.inFlight) controller.abort();
    for (const wake of this.sleeping) wake();
    for (const next of this.waiting.splice(0)) next();
  }

  private async withSlot(limit: number, work: () => Promise<void>): Promise<void> {
    while (this.running >= limit && !this.stopped)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async deliver(event: Stripe.Event, payload: string, copy: number, delayMs: number): Promise<void> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const log = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const record: DeliveryRecord = {
      eventId: event.id,
      type: event.type,
      copy,
      delayMs,
      attempts: 0,
      ok: false,
      startedAt: Date.now(),
      finishedAt: 0,
    };
    for (let attempt = 0; attempt <= delays.length && !this.stopped; attempt++) {
      if (attempt > 0) await this.sleep(delays[attempt - 1] ?? 0);
      const url = this.options.url();
      if (!url || this.stopped) return;
      record.attempts++;
      const problem = await this.post(url, payload);
      if (this.stopped) return;
      if (!problem) {
        record.ok = true;
        this.options.onDelivered?.(event);
        break;
      }
      const last = attempt === delays.length;
      log(
        `[stripe-sandbox] webhook ${event.type} ${event.id} -> ${url}: ${problem} ` +
          `(attempt ${attempt + 1}/${delays.length + 1}${last ? ", giving up" : ", will retry"})`,
      );
    }
    record.finishedAt = Date.now();
    this.log.push(record);
  }

  /** Returns undefined on a 2xx answer, else what went wrong. */
  private async post(url: string, payload: string): Promise<string | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    this.inFlight.add(controller);
    try {
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.options.secret });
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": header,
        },
        body: payload,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return `${error instanceof Error ? error.message : String(error)}${cause}`;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleeping.add(wake);
    });
  }
}
