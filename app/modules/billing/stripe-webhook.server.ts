import { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS } from "~/integrations/stripe.server.ts";
import { type JsonValue, readEventEnvelope } from "./stripe-event-payload.ts";
import { type ProcessOutcome, processStripeEvent } from "./stripe-events.server.ts";

export type WebhookOutcome =
  | { kind: "signature-missing" }
  | { kind: "signature-invalid"; message: string }
  | { kind: "signed-in-the-future"; secondsAhead: number; toleranceSeconds: number }
  | { kind: "not-json" }
  | { kind: "not-an-event"; problem: string }
  | ({ eventId: string; eventType: string } & ProcessOutcome);

/**
 * One webhook delivery, from its raw body to a result: verify the signature (and its timestamp),
 * parse, check that it is an event, then store it and enqueue its job. Says what happened; the
 * route decides what that means in HTTP.
 */
export async function receiveStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
): Promise<WebhookOutcome> {
  const signature = verifyWebhookSignature(rawBody, signatureHeader);
  switch (signature.kind) {
    case "missing":
      return { kind: "signature-missing" };
    case "invalid":
      return { kind: "signature-invalid", message: signature.message };
    case "from-the-future":
      return {
        kind: "signed-in-the-future",
        secondsAhead: signature.secondsAhead,
        toleranceSeconds: WEBHOOK_TOLERANCE_SECONDS,
      };
  }

  let body: JsonValue;
  try {
    body = JSON.parse(rawBody) as JsonValue;
  } catch {
    return { kind: "not-json" };
  }
  const envelope = readEventEnvelope(body);
  if (envelope.kind === "not-an-event") return envelope;
  const { event } = envelope;
  return { eventId: event.id, eventType: event.type, ...(await processStripeEvent(event)) };
}
