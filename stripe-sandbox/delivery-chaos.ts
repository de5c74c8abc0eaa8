/**
 * Webhook delivery the way Stripe does not promise it won't: "Stripe doesn't guarantee delivery of
 * events in the order in which they're generated" and "endpoints might occasionally receive the same
 * event more than once". With a seed, the plan — which events are sent twice, how long each copy
 * waits — is the same on every run; copies then go out concurrently.
 */
export interface DeliveryChaos {
  /** Seeds the plan; the same seed gives the same duplicates and delays. Default 1. */
  seed?: number;
  /** Probability (0–1) that an event is delivered a second time. Default 0. */
  duplicate?: number;
  /** Longest wait before a copy goes out, in ms: `max` or `[min, max]`. Default 0. */
  delayMs?: number | [number, number];
  /**
   * Deliver without waiting for earlier events (default true): with delays, later events can arrive
   * first. `false` keeps the order of first copies (duplicates still arrive late).
   */
  reorder?: boolean;
  /** Deliveries in flight at once. Default 8 (1 when `reorder` is false). */
  concurrency?: number;
}

export interface PlannedCopy {
  copy: number;
  delayMs: number;
}

/** mulberry32: a small seeded generator, plenty for test plans. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class DeliveryPlanner {
  private readonly random: () => number;
  private readonly min: number;
  private readonly max: number;
  /** Whether first copies may overtake each other (else they go out one after another). */
  readonly reorder: boolean;
  readonly concurrency: number;

  constructor(private readonly chaos: DeliveryChaos) {
    this.random = generator(chaos.seed ?? 1);
    const delay = chaos.delayMs ?? 0;
    [this.min, this.max] = Array.isArray(delay) ? delay : [0, delay];
    this.reorder = chaos.reorder ?? true;
    this.concurrency = Math.max(1, chaos.concurrency ?? (this.reorder ? 8 : 1));
  }

  private delay(): number {
    return Math.round(this.min + this.random() * (this.max - this.min));
  }

  /**
   * The copies of the next event and how long each waits. The first copy waits from now (with
   * `reorder`) or from the previous event's delivery (without); a duplicate waits from the first
   * copy's delivery, as a redelivery would.
   */
  plan(): PlannedCopy[] {
    const first = this.delay();
    const copies: PlannedCopy[] = [{ copy: 0, delayMs: first }];
    if (this.random() < (this.chaos.duplicate ?? 0))
      copies.push({ copy: 1, delayMs: first + 1 + this.delay() });
    return copies;
  }
}
