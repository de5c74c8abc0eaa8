import type { ActionFunctionArgs } from "@remix-run/node";
import { constructWebhookEvent, WebhookSignatureError } from "~/integrations/stripe.server.ts";
import { processStripeEvent } from "~/modules/billing/stripe-events.server.ts";
import { consumeRateLimit, tooManyRequests } from "~/modules/rate-limits/rate-limit.server.ts";
import { clientIp } from "~/utils/client-ip.ts";

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

// Raw body → verify → record → dispatch. Anything but a 2xx makes Stripe retry later.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  // A flood guard, checked before any other work; Stripe retries a 429 later.
  const limit = await consumeRateLimit("stripe-webhook", clientIp(request));
  if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds, { error: "Too many requests" });
  const rawBody = await request.text();
  let event: ReturnType<typeof constructWebhookEvent>;
  try {
    event = constructWebhookEvent(rawBody, request.headers.get("Stripe-Signature"));
  } catch (error) {
    if (error instanceof WebhookSignatureError)
      return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
  try {
    const result = await processStripeEvent(event);
    return Response.json({ received: true, result });
  } catch (error) {
    console.error(`Stripe event ${event.id} (${event.type}) failed`, error);
    return Response.json({ error: "Processing failed; Stripe will retry" }, { status: 500 });
  }
}
