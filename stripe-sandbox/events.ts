import Stripe from "stripe";
import { newId, nowSeconds } from "./ids.ts";
import { snapshot } from "./store.ts";

export type EventType = Stripe.Event["type"];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
export type EventObject<T extends EventType> = EventOf<T>["data"]["object"];

export interface EmitOptions<T extends EventType> {
  /** For `*.updated`-style events: the changed fields' values before the change. */
  previous?: Partial<EventObject<T>>;
  /** The API request that caused the event; `null` ids for hosted-page actions, as in Stripe. */
  request?: Stripe.Event.Request;
  /** When the event happened; default now. Events caused by a test clock carry its frozen time. */
  created?: number;
}

/**
 * A `Stripe.Event` as Stripe sends it: `evt_` id, the SDK's pinned `api_version`, a snapshot of the
 * object at the time of the event, `livemode: false`.
 */
export function buildEvent<T extends EventType>(
  type: T,
  object: EventObject<T>,
  pendingWebhooks: number,
  options: EmitOptions<T> = {},
): EventOf<T> {
  const event = {
    id: newId("evt_3"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: options.created ?? nowSeconds(),
    data: {
      object: snapshot(object),
      ...(options.previous && { previous_attributes: snapshot(options.previous) }),
    },
    livemode: false,
    pending_webhooks: pendingWebhooks,
    request: options.request ?? { id: null, idempotency_key: null },
    type,
  };
  // TypeScript cannot narrow a generic member of the Event union; `object` is already typed by `T`.
  return event as unknown as EventOf<T>;
}
