import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { testEnv } from "./test-env.ts";

type Sandbox = Awaited<ReturnType<typeof startStripeSandbox>>;

/**
 * Configures the app for one test file exactly as the launcher would: a Stripe sandbox, secrets,
 * a private file store. Webhooks from the sandbox reach the real route module through a tiny
 * HTTP bridge, so signature checks and event handling run as in production.
 */
export async function startTestApp(): Promise<{
  sandbox: Sandbox;
  /** Where the sandbox delivers webhooks (to the real route); `sandbox.setWebhookUrl` can divert them. */
  webhookUrl: string;
  stop(): Promise<void>;
}> {
  const webhookSecret = testEnv.STRIPE_WEBHOOK_SECRET;
  let bridge: Server | undefined;
  const bridgeUrl = await new Promise<string>((ready) => {
    bridge = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { action } = await import("~/routes/webhooks.stripe/route.ts");
      const response = await action({
        request: new Request("http://stapel.test/webhooks/stripe", {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Stripe-Signature": String(req.headers["stripe-signature"] ?? ""),
          },
          body: Buffer.concat(chunks).toString("utf8"),
        }),
        params: {},
        context: { requestId: "webhook-bridge", nonce: "", clientAddress: "127.0.0.1" },
      });
      res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text());
    }).listen(0, "127.0.0.1", () => {
      const address = bridge?.address();
      ready(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/webhooks/stripe`);
    });
  });

  const sandbox = await startStripeSandbox({ port: 0, webhookUrl: bridgeUrl, webhookSecret });
  Object.assign(process.env, {
    ...testEnv,
    STRIPE_SECRET_KEY: sandbox.secretKey,
    STRIPE_WEBHOOK_SECRET: sandbox.webhookSecret,
    STRIPE_API_BASE: sandbox.url,
    FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), "stapel-files-")),
  });
  return {
    sandbox,
    webhookUrl: bridgeUrl,
    async stop() {
      await sandbox.close();
      await new Promise((done) => bridge?.close(done));
    },
  };
}

/** Pays a sandbox Checkout Session the way a buyer does: submits the hosted page's form. */
export async function payHostedCheckout(
  checkoutUrl: string,
  cardNumber: string,
  email = "buyer@example.com",
) {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, cardNumber, expiry: "12 / 34", cvc: "123", name: "Test Buyer" }),
  });
  return { status: response.status, location: response.headers.get("Location"), body: await response.text() };
}
