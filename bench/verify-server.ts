/**
 * The webhook scenario's floor: a bare node:http server that only reads the body and checks its
 * Stripe signature with stripe-node (as the app does), then answers 200. Run in its own process, as
 * the app is; it prints its port on the first line. Secret: WEBHOOK_SECRET.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

const secret = process.env.WEBHOOK_SECRET ?? "";
if (!secret.startsWith("whsec_")) throw new Error("WEBHOOK_SECRET must be a whsec_ secret");
const stripe = new Stripe("sk_test_stapel_bench");

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const event = stripe.webhooks.constructEvent(
        Buffer.concat(chunks).toString("utf8"),
        req.headers["stripe-signature"] ?? "",
        secret,
      );
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ received: true, id: event.id }));
    } catch {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "Invalid signature" }));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  console.info(String((server.address() as AddressInfo).port));
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
