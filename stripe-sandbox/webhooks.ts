import Stripe from "stripe";

export interface WebhookDispatcherOptions {
  secret: string;
  url: () => string | undefined;
  /** Waits before each retry; the first try is immediate. Default: 0.2 s, 1 s, 3 s, 3 s (5 tries). */
  retryDelaysMs?: number[];
  /** Called when an event was accepted (2xx) by the endpoint. */
  onDelivered?: (event: Stripe.Event) => void;
  log?: (line: string) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 3000, 3000];
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * Delivers events to one endpoint in order, one at a time, signed exactly as Stripe signs them
 * (`Stripe-Signature: t=…,v1=…` from the SDK's own `generateTestHeaderString`). A non-2xx answer
 * or a connection error is retried with a short backoff, then given up and logged.
 */
export class WebhookDispatcher {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly inFlight = new Set<AbortController>();
  private readonly sleeping = new Set<() => void>();

  constructor(private readonly options: WebhookDispatcherOptions) {}

  enqueue(event: Stripe.Event): void {
    const payload = JSON.stringify(event, null, 2);
    this.chain = this.chain.then(() => this.deliver(event, payload));
  }

  /** Resolves once every queued delivery has finished (succeeded or given up). */
  async idle(): Promise<void> {
    let current: Promise<void> | undefined;
    while (current !== this.chain) {
      current = this.chain;
      await current;
    }
  }

  /** Aborts the delivery in progress and drops the queue. */
  stop(): void {
    this.stopped = true;
    for (const controller of this.inFlight) controller.abort();
    for (const wake of this.sleeping) wake();
  }

  private async deliver(event: Stripe.Event, payload: string): Promise<void> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const log = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    for (let attempt = 0; attempt <= delays.length && !this.stopped; attempt++) {
      if (attempt > 0) await this.sleep(delays[attempt - 1] ?? 0);
      const url = this.options.url();
      if (!url || this.stopped) return;
      const problem = await this.post(url, payload);
      if (this.stopped) return;
      if (!problem) {
        this.options.onDelivered?.(event);
        return;
      }
      const last = attempt === delays.length;
      log(
        `[stripe-sandbox] webhook ${event.type} ${event.id} -> ${url}: ${problem} ` +
          `(attempt ${attempt + 1}/${delays.length + 1}${last ? ", giving up" : ", will retry"})`,
      );
    }
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
