import type Stripe from "stripe";
import type { EmitOptions, EventObject, EventOf, EventType } from "./events.ts";
import type { Store } from "./store.ts";

/** What route handlers and the payment flow share: state, event emission and the public URLs. */
export interface SandboxContext {
  store: Store;
  emit<T extends EventType>(type: T, object: EventObject<T>, options?: EmitOptions<T>): EventOf<T>;
  /** Base URL for links people open (hosted checkout pages). */
  publicBaseUrl(): string;
  /** Runs `work` once the current operation (API request, page action, clock step) is done. */
  afterwards(work: () => void): void;
  /** Runs the work queued with `afterwards`, including work that queues more. */
  settle(): void;
  /** Billing options: the retry schedule after a failed subscription payment. */
  billing: BillingOptions;
  /** Runs `work` after `ms` (then settles and saves); cancelled when the sandbox closes. */
  later(ms: number, work: () => void): void;
  /** How long a delayed-notification payment (SEPA Direct Debit) stays `processing`. */
  asyncPaymentDelayMs: number;
}

/** How failed subscription payments are retried (a fixed stand-in for Stripe's Smart Retries). */
export interface BillingOptions {
  /** Days after the first failed attempt at which the payment is retried. */
  retryDays: number[];
  /** What happens to the subscription when the last retry fails (Stripe's default: cancel). */
  afterRetries: "cancel" | "unpaid" | "past_due";
  /**
   * Demo aid, not Stripe behaviour: each customer Checkout creates gets its own test clock, so a person
   * trying the app can move its subscription through time on the /test-clocks page.
   */
  clockPerCheckoutCustomer: boolean;
}

/** The API request being handled, for `Event.request`. */
export interface RequestInfo {
  requestId: string;
  idempotencyKey: string | null;
}

export function eventRequest(info: RequestInfo): Stripe.Event.Request {
  return { id: info.requestId, idempotency_key: info.idempotencyKey };
}
