// Turns a table cell into a request and checks the answer against the expectation.
import type { Body, Expectation } from "./access.ts";
import { FORM, type Reply, resolveLocation, send } from "./http.ts";
import type { Principal, World } from "./world.ts";

export function encodeBody(body: Body): { body: string; contentType: string } {
  if ("form" in body) return { body: new URLSearchParams(body.form).toString(), contentType: FORM };
  if ("json" in body) return { body: JSON.stringify(body.json), contentType: "application/json" };
  return { body: body.raw, contentType: body.contentType };
}

/** One request as `principal`, with a fresh session; POSTs carry the same-origin headers a browser sends. */
export async function requestAs(
  world: World,
  principal: Principal,
  request: { method: "GET" | "POST"; path: string; body?: Body; headers?: Record<string, string> },
): Promise<Reply> {
  const encoded = request.body ? encodeBody(request.body) : undefined;
  return send(world.server.url, {
    method: request.method,
    path: request.path,
    cookie: await world.cookie(principal),
    headers: {
      ...(request.method === "POST" && world.sameOrigin),
      ...(encoded && { "Content-Type": encoded.contentType }),
      ...request.headers,
    },
    body: encoded?.body ?? (request.method === "POST" ? "" : undefined),
  });
}

export const describeExpectation = (expectation: Expectation): string =>
  "status" in expectation
    ? String(expectation.status)
    : "redirect" in expectation
      ? `a redirect to ${expectation.redirect}…`
      : "redirectToStripe" in expectation
        ? `a redirect to Stripe's ${expectation.redirectToStripe} page`
        : "a 4xx";

export function describeReply(reply: Reply): string {
  const location = reply.header("location");
  if (location) return `${reply.status} → ${location}`;
  const text = reply.body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${reply.status}${text ? ` (${text.slice(0, 160)})` : ""}`;
}

/** null when the reply meets the expectation, else what is wrong. */
export function judge(reply: Reply, expectation: Expectation, world: World): string | null {
  const wrong = `expected ${describeExpectation(expectation)}, got ${describeReply(reply)}`;
  if ("status" in expectation) return reply.status === expectation.status ? null : wrong;
  if ("clientError" in expectation) return reply.status >= 400 && reply.status < 500 ? null : wrong;
  const location = reply.header("location");
  if (reply.status < 300 || reply.status >= 400 || !location) return wrong;
  const target = resolveLocation(location, world.server.url);
  if ("redirectToStripe" in expectation) {
    // The sandbox's hosted pages, where Stripe's would be: /c/pay/ for Checkout, /p/session/ for the portal.
    const page = expectation.redirectToStripe === "checkout" ? "/c/pay/" : "/p/session/";
    return target.href.startsWith(`${world.server.sandbox.url}${page}`) ? null : wrong;
  }
  const ownOrigins = [new URL(world.server.url).origin, new URL(world.server.appUrl).origin];
  if (!ownOrigins.includes(target.origin)) return `${wrong} (another origin)`;
  return `${target.pathname}${target.search}`.startsWith(expectation.redirect) ? null : wrong;
}
