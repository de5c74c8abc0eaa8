import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook, type WebhookOutcome } from "~/modules/billing/stripe-webhook.server.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { clientIp } from "~/utils/client-ip.ts";
import { MAX_WEBHOOK_BODY_BYTES, readBodyWithin } from "./body.server.ts";

const refuse = (status: number, error: string, headers?: HeadersInit) =>
  Response.json({ error }, { status, headers });

export const loader = () => refuse(405, "Method not allowed: Stripe webhooks are POSTed", { Allow: "POST" });

/** `application/json`, with or without parameters (Stripe sends `; charset=utf-8`). */
const isJson = (contentType: string | null) =>
  contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";

// Raw body → verify → store and enqueue (one transaction) → answer; a job per event type handles it
// (app/modules/billing/stripe-events.server.ts). Stripe retries anything but a 2xx for three days,
// so a delivery is refused (4xx) only when it is not a usable Stripe event at all, acknowledged (2xx)
// when it is one, including one that can never be processed (stored as ignored), and answered 5xx
// only when it could not be stored.
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return refuse(405, "Method not allowed", { Allow: "POST" });
  // A flood guard, checked before any other work; Stripe retries a 429 later.
  let limit: Awaited<ReturnType<typeof consumeRateLimit>>;
  try {
    limit = await consumeRateLimit("stripe-webhook", clientIp(context));
  } catch (error) {
    console.error("Stripe webhook: the rate limiter's database failed", error);
    return refuse(503, "Temporarily unavailable; Stripe will retry");
  }
  if (!limit.ok) return refuse(429, "Too many requests", { "Retry-After": String(limit.retryAfterSeconds) });

  if (!isJson(request.headers.get("Content-Type")))
    return refuse(415, "Content-Type must be application/json, as Stripe sends it");
  const body = await readBodyWithin(request, MAX_WEBHOOK_BODY_BYTES);
  // The rest of the body stays unread: the connection closes after the answer.
  if (body.kind === "too-large")
    return refuse(413, `Body too large: a Stripe event is far below ${MAX_WEBHOOK_BODY_BYTES} bytes`, {
      Connection: "close",
    });
  if (body.kind === "unreadable") return refuse(400, "The request body could not be read");

  return respond(await receiveStripeWebhook(body.text, request.headers.get("Stripe-Signature")));
}

function respond(outcome: WebhookOutcome): Response {
  switch (outcome.kind) {
    case "signature-missing":
      return refuse(400, "Missing Stripe-Signature header");
    case "signature-invalid":
      return refuse(400, `Invalid Stripe-Signature: ${outcome.message}`);
    case "signed-in-the-future":
      return refuse(
        400,
        `Stripe-Signature timestamp is ${outcome.secondsAhead} s in the future, beyond the ` +
          `${outcome.toleranceSeconds} s tolerance; check this server's clock`,
      );
    case "not-json":
      return refuse(400, "The body is not JSON");
    case "not-an-event":
      return refuse(400, `The body is not a Stripe event: ${outcome.problem}`);
    case "queued":
    case "duplicate":
      return Response.json({ received: true, result: outcome.kind });
    case "ignored":
      if (outcome.reason === "MALFORMED_OBJECT" || outcome.reason === "INVALID_DATA")
        console.warn(`Stripe event ${outcome.eventId} (${outcome.eventType}) ignored: ${outcome.reason}`);
      return Response.json({ received: true, result: "ignored", reason: outcome.reason });
    case "failed":
      console.error(
        `Stripe event ${outcome.eventId} (${outcome.eventType}) could not be stored`,
        outcome.error,
      );
      return refuse(500, "The event could not be stored; Stripe will retry");
  }
}
