import Stripe from "stripe";
import { env } from "~/utils/env.server.ts";

/**
 * The only place that constructs the Stripe SDK. STRIPE_API_BASE points it at any Stripe-compatible
 * server (the local sandbox in development and tests); unset, it talks to api.stripe.com.
 */
let client: Stripe | undefined;

export function stripe(): Stripe {
  if (client) return client;
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  const base = STRIPE_API_BASE ? new URL(STRIPE_API_BASE) : undefined;
  client = new Stripe(STRIPE_SECRET_KEY, {
    appInfo: { name: "Stapel" },
    maxNetworkRetries: 2,
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
  return client;
}

/**
 * How far a webhook's signed timestamp may lie from our clock, either way: Stripe's default of five
 * minutes. Stripe signs every delivery attempt afresh, so a retry is never refused for its age.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookSignatureCheck =
  | { kind: "valid" }
  | { kind: "missing" }
  | { kind: "invalid"; message: string }
  | { kind: "from-the-future"; secondsAhead: number };

/**
 * Verifies the Stripe-Signature header against the raw body with the official SDK, which also
 * refuses timestamps older than the tolerance. stripe-node does not refuse timestamps in the
 * future (Stripe's other libraries compare the absolute difference), so that bound is checked here.
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | null,
  now = Date.now(),
): WebhookSignatureCheck {
  if (!header) return { kind: "missing" };
  const signature = stripe().webhooks.signature;
  if (!signature) throw new Error("stripe-node has no webhook signature helper on this platform");
  try {
    signature.verifyHeader(
      rawBody,
      header,
      env().STRIPE_WEBHOOK_SECRET,
      WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      now,
    );
  } catch (error) {
    // The SDK appends a paragraph of advice after the first line; the first line says what failed.
    if (error instanceof Stripe.errors.StripeSignatureVerificationError)
      return { kind: "invalid", message: error.message.split("\n")[0]?.trim() || "Invalid signature" };
    // verifyHeader does no I/O: anything else it throws is about the input, e.g. a plain Error from
    // its constant-time compare when the header holds an empty signature ("t=…,v1=").
    return { kind: "invalid", message: "Malformed Stripe-Signature header" };
  }
  // t=abc passes stripe-node (its age check compares NaN) when the HMAC covers "NaN.<body>".
  const timestamp = signedTimestamp(header);
  if (!Number.isSafeInteger(timestamp))
    return { kind: "invalid", message: "The signature's timestamp is not a number" };
  const secondsAhead = timestamp - Math.floor(now / 1000);
  if (secondsAhead > WEBHOOK_TOLERANCE_SECONDS) return { kind: "from-the-future", secondsAhead };
  return { kind: "valid" };
}

/** The header's `t=` value, read exactly as stripe-node reads it (the last `t=` wins). */
function signedTimestamp(header: string): number {
  let timestamp = Number.NaN;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") timestamp = Number.parseInt(value ?? "", 10);
  }
  return timestamp;
}

/** A Stripe API answer that an object does not exist (or not under this key and mode). */
export function isStripeResourceMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";
}

export type { Stripe };
