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

export class WebhookSignatureError extends Error {}

/** Verifies the raw body against the Stripe-Signature header exactly as Stripe documents it. */
export function constructWebhookEvent(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new WebhookSignatureError("Missing Stripe-Signature header");
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, env().STRIPE_WEBHOOK_SECRET);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "Invalid signature");
  }
}

export type { Stripe };
