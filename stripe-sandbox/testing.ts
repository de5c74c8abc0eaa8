/**
 * Helpers for tests that drive the sandbox the way the app and a buyer do: an SDK client, a hosted
 * page submitted like a browser form, a webhook endpoint, waiting for a test clock.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import type { StripeSandbox } from "./index.ts";

export function sandboxClient(sandbox: StripeSandbox, key = sandbox.secretKey): Stripe {
  return new Stripe(key, { host: sandbox.host, port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  event: Stripe.Event;
  /** When the delivery arrived (ms since the epoch). */
  at: number;
}

/** A webhook endpoint on a free port. `failFirst` answers 500 to that many requests first. */
export async function startWebhookReceiver(options: { failFirst?: number; delayMs?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(500).end("not yet");
        return;
      }
      const body = Buffer.concat(chunks).toString("utf8");
      const answer = () => {
        received.push({
          headers: req.headers,
          body,
          event: JSON.parse(body) as Stripe.Event,
          at: Date.now(),
        });
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    received,
    events: () => received.map((delivery) => delivery.event),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface CardForm {
  email?: string;
  cardNumber: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

/** Submits a hosted form (checkout, portal, invoice) as a browser would, without following redirects. */
export async function submitForm(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
}

/** Pays a hosted checkout page with a test card. */
export function payCheckout(checkoutUrl: string, card: CardForm) {
  return submitForm(checkoutUrl, {
    email: card.email ?? "buyer@example.com",
    cardNumber: card.cardNumber,
    expiry: card.expiry ?? "12 / 34",
    cvc: card.cvc ?? "123",
    name: card.name ?? "Test Buyer",
  });
}

/** Advances a test clock and waits until it is `ready` again, as an integration against Stripe must. */
export async function advanceClock(stripe: Stripe, clockId: string, frozenTime: number) {
  await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
  for (let i = 0; i < 500; i++) {
    const clock = await stripe.testHelpers.testClocks.retrieve(clockId);
    if (clock.status === "ready") return clock;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`test clock ${clockId} did not become ready`);
}
