import { describe, expect, it } from "vitest";
import {
  type JsonValue,
  MAX_PAYLOAD_DEPTH,
  readEventEnvelope,
  sanitiseJson,
  sanitiseText,
} from "~/modules/billing/stripe-event-payload.ts";

const nested = (depth: number): JsonValue => {
  let value: JsonValue = "leaf";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { inner: value };
  return value;
};

describe("sanitising what PostgreSQL cannot store", () => {
  it("replaces NUL and unpaired surrogates, and keeps everything else", () => {
    expect(sanitiseText("a\u0000b")).toBe("a\uFFFDb");
    expect(sanitiseText("x\ud800y\udc00z")).toBe("x\uFFFDy\uFFFDz");
    expect(sanitiseText("\udbff")).toBe("\uFFFD");
    // A surrogate pair is one character (an emoji), and other control characters are storable.
    expect(sanitiseText("ok 😀 \u0001\t\n ü")).toBe("ok 😀 \u0001\t\n ü");
  });

  it("walks keys, values and arrays, and says whether anything changed", () => {
    expect(sanitiseJson({ a: ["x", 1, true, null, { "k\u0000": "v\u0000" }] })).toEqual({
      value: { a: ["x", 1, true, null, { "k\uFFFD": "v\uFFFD" }] },
      changed: true,
    });
    expect(sanitiseJson({ a: ["x", 1] })).toEqual({ value: { a: ["x", 1] }, changed: false });
  });

  it('keeps a "__proto__" key as a plain key', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "\\u0000"}}') as JsonValue;
    const result = sanitiseJson(parsed);
    expect(Object.getPrototypeOf(result?.value)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(result?.value)).toBe('{"__proto__":{"polluted":"\uFFFD"}}');
  });

  it("gives up on values nested deeper than the limit", () => {
    expect(sanitiseJson(nested(MAX_PAYLOAD_DEPTH))).not.toBeNull();
    expect(sanitiseJson(nested(MAX_PAYLOAD_DEPTH + 1))).toBeNull();
    expect(sanitiseJson(nested(100_000))).toBeNull();
  });
});

describe("reading an event's envelope", () => {
  const event = {
    id: "evt_1",
    object: "event",
    type: "charge.refunded",
    data: { object: { id: "ch_\u0000" } },
  };

  it("gives the id, type and sanitised object of a Stripe event", () => {
    expect(readEventEnvelope(event)).toEqual({
      kind: "event",
      event: {
        id: "evt_1",
        type: "charge.refunded",
        object: { id: "ch_\uFFFD" },
        payload: { ...event, data: { object: { id: "ch_\uFFFD" } } },
        sanitised: true,
      },
    });
    expect(readEventEnvelope({ ...event, data: null })).toMatchObject({
      kind: "event",
      event: { object: undefined },
    });
  });

  it("refuses what is not one", () => {
    for (const body of [
      null,
      [],
      "evt_1",
      3,
      { ...event, object: "v2.core.event" },
      { ...event, object: undefined },
      { ...event, id: undefined },
      { ...event, id: "" },
      { ...event, id: "evt_1\n" },
      { ...event, id: "evt_\ud800" },
      { ...event, id: "e".repeat(256) },
      { ...event, type: 1 },
      { ...event, data: { object: nested(MAX_PAYLOAD_DEPTH) } },
    ] as JsonValue[]) {
      expect(readEventEnvelope(body).kind, JSON.stringify(body)?.slice(0, 80)).toBe("not-an-event");
    }
  });
});
