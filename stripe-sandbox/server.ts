import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Stripe from "stripe";
import type { SandboxContext } from "./context.ts";
import { ApiError, unrecognizedUrl } from "./errors.ts";
import { parseForm } from "./form-body.ts";
import { handlePage } from "./hosted-pages.ts";
import { newId, nowSeconds } from "./ids.ts";
import { matchRoute, type Route } from "./router.ts";
import { billingPortalRoutes } from "./routes/billing-portal.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { catalogUpdateRoutes } from "./routes/catalog-updates.ts";
import { checkoutSessionRoutes } from "./routes/checkout-sessions.ts";
import { connectRoutes } from "./routes/connect.ts";
import { couponRoutes } from "./routes/coupons.ts";
import { customerSearchRoutes } from "./routes/customer-search.ts";
import { customerRoutes } from "./routes/customers.ts";
import { eventRoutes } from "./routes/events.ts";
import { invoiceRoutes } from "./routes/invoices.ts";
import { paymentMethodRoutes } from "./routes/payment-methods.ts";
import { paymentRoutes } from "./routes/payments.ts";
import { subscriptionRoutes } from "./routes/subscriptions.ts";
import { testClockRoutes } from "./routes/test-clocks.ts";

const ROUTES: Route[] = [
  ...customerSearchRoutes,
  ...customerRoutes,
  ...catalogRoutes,
  ...catalogUpdateRoutes,
  ...checkoutSessionRoutes,
  ...paymentRoutes,
  ...eventRoutes,
  ...paymentMethodRoutes,
  ...subscriptionRoutes,
  ...testClockRoutes,
  ...invoiceRoutes,
  ...billingPortalRoutes,
  ...connectRoutes,
  ...couponRoutes,
];

const MAX_BODY_BYTES = 1024 * 1024;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The request listener: API under /v1 (Bearer auth), hosted checkout under /c/pay, a health check. */
export function createRequestListener(ctx: SandboxContext) {
  return (req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((body) => dispatch(ctx, req, body))
      .catch((error: unknown) => {
        if (error instanceof ApiError) return json(error.status, error.toBody());
        process.stderr.write(
          `[stripe-sandbox] internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        return json(500, {
          error: { type: "api_error", message: "The Stapel Stripe sandbox hit an internal error." },
        });
      })
      .then((reply) => {
        try {
          ctx.settle();
          ctx.store.flush();
        } catch (error) {
          process.stderr.write(`[stripe-sandbox] could not write state: ${String(error)}\n`);
        }
        res.writeHead(reply.status, reply.headers).end(reply.body);
      });
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "invalid_request_error", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "Content-Type": "application/json", "Stripe-Version": Stripe.API_VERSION, ...headers },
    body: JSON.stringify(body, null, 2),
  };
}

async function dispatch(ctx: SandboxContext, req: IncomingMessage, body: string): Promise<Reply> {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const path = url.pathname;

  const page = handlePage(ctx, method, url, body);
  if (page) return page;
  if (path === "/" || path === "/healthz") {
    return json(200, {
      ok: true,
      name: "Stapel Stripe sandbox",
      livemode: false,
      api_version: Stripe.API_VERSION,
    });
  }
  if (!path.startsWith("/v1/")) {
    return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "Not found\n" };
  }
  return handleApi(ctx, req, method, path, url.search.slice(1), body);
}

function authenticate(header: string | undefined): void {
  let key: string | undefined;
  if (header?.startsWith("Bearer ")) key = header.slice(7).trim();
  else if (header?.startsWith("Basic "))
    key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
  if (!key) {
    throw new ApiError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith("sk_test_")) {
    const masked =
      key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "****";
    // Stripe answers an unknown key without an error code.
    throw new ApiError(401, "invalid_request_error", `Invalid API Key provided: ${masked}`);
  }
}

function handleApi(
  ctx: SandboxContext,
  req: IncomingMessage,
  method: string,
  path: string,
  query: string,
  body: string,
): Reply {
  const requestId = newId("req_", 14);
  const idempotencyKey = method === "POST" ? headerValue(req, "idempotency-key") : undefined;
  const headers: Record<string, string> = { "Request-Id": requestId };
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  try {
    authenticate(headerValue(req, "authorization"));
    const found = matchRoute(ROUTES, method, path);
    if (!found) throw unrecognizedUrl(method, path);

    const input = method === "POST" ? { ...parseForm(query), ...parseForm(body) } : parseForm(query);
    const fingerprint = createHash("sha256").update(`${query}\n${body}`).digest("hex");
    if (idempotencyKey) {
      const stored = ctx.store.idempotency.get(idempotencyKey);
      if (stored) return replay(stored, method, path, fingerprint, idempotencyKey);
    }

    const result = found.route.handler(ctx, {
      method,
      path,
      params: found.params,
      input,
      info: { requestId, idempotencyKey: idempotencyKey ?? null },
    });
    const reply = json(200, result, headers);
    if (idempotencyKey) remember(ctx, idempotencyKey, { method, path, fingerprint, requestId }, reply);
    return reply;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const reply = json(error.status, error.toBody(), headers);
    // A card error comes from a request that ran (a charge was attempted): Stripe replays it too.
    // Validation errors are not stored, so a corrected retry with the same key runs.
    if (idempotencyKey && error.status === 402) {
      const fingerprint = createHash("sha256").update(`${query}\n${body}`).digest("hex");
      remember(ctx, idempotencyKey, { method, path, fingerprint, requestId }, reply);
    }
    return reply;
  }
}

function remember(
  ctx: SandboxContext,
  key: string,
  request: { method: string; path: string; fingerprint: string; requestId: string },
  reply: Reply,
): void {
  ctx.store.idempotency.set(key, {
    ...request,
    status: reply.status,
    body: reply.body,
    created: nowSeconds(),
  });
  ctx.store.markDirty();
}

function replay(
  stored: {
    method: string;
    path: string;
    fingerprint: string;
    status: number;
    body: string;
    requestId: string;
  },
  method: string,
  path: string,
  fingerprint: string,
  key: string,
): Reply {
  if (stored.method !== method || stored.path !== path) {
    throw new ApiError(
      400,
      "idempotency_error",
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${method} ${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  if (stored.fingerprint !== fingerprint) {
    throw new ApiError(
      400,
      "idempotency_error",
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  return {
    status: stored.status,
    headers: {
      "Content-Type": "application/json",
      "Stripe-Version": Stripe.API_VERSION,
      "Request-Id": stored.requestId,
      "Idempotency-Key": key,
      "Idempotent-Replayed": "true",
    },
    body: stored.body,
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
