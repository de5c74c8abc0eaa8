import type Stripe from "stripe";
import type { EmitOptions, EventObject, EventOf, EventType } from "./events.ts";
import type { Store } from "./store.ts";

/** What route handlers and the payment flow share: state, event emission and the public URLs. */
export interface SandboxContext {
  store: Store;
  emit<T extends EventType>(type: T, object: EventObject<T>, options?: EmitOptions<T>): EventOf<T>;
  /** Base URL for links people open (hosted checkout pages). */
  publicBaseUrl(): string;
}

/** The API request being handled, for `Event.request`. */
export interface RequestInfo {
  requestId: string;
  idempotencyKey: string | null;
}

export function eventRequest(info: RequestInfo): Stripe.Event.Request {
  return { id: info.requestId, idempotency_key: info.idempotencyKey };
}
