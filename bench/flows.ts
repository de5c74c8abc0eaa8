/**
 * Multi-request journeys, done the way a browser without JavaScript does them: sign in by email
 * (the link is read from the dev outbox), buy on the sandbox's hosted checkout page, open the
 * library and its signed download links.
 */
import { CookieJar, decodeHtml, location, type Reply, request } from "./http.ts";

export type Buyer = { email: string; ip: string; jar: CookieJar };

/** Each simulated buyer has its own address, so per-IP sign-in limits see separate clients. */
export function newBuyer(email: string, index: number): Buyer {
  return {
    email,
    ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    jar: new CookieJar(),
  };
}

type Steps = Record<string, number>;

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status === status) return;
  const text = reply.body
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  throw new Error(
    `${what}: expected HTTP ${status}, got ${reply.status}${text ? ` (${text.slice(0, 100)})` : ""}`,
  );
}

async function timed<T>(steps: Steps, step: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    steps[step] = (steps[step] ?? 0) + (performance.now() - t0);
  }
}

function appRequest(buyer: Buyer, url: string, form?: Record<string, string>, keepBody = true) {
  return request(url, {
    form,
    keepBody,
    headers: { "X-Forwarded-For": buyer.ip, ...buyer.jar.header() },
  }).then((reply) => {
    buyer.jar.store(reply);
    return reply;
  });
}

/** The newest sign-in link for `email` on /dev/outbox (messages are listed newest first). */
export function findSignInToken(outboxHtml: string, email: string): string | undefined {
  for (const item of outboxHtml.split("<li").slice(1)) {
    if (!item.includes(`<strong>${email}</strong>`)) continue;
    const token = /\/login\/verify\?token=([A-Za-z0-9_-]+)/.exec(item)?.[1];
    if (token) return token;
  }
  return undefined;
}

export async function signIn(base: string, buyer: Buyer, steps: Steps = {}): Promise<void> {
  const asked = await timed(steps, "POST /login", () =>
    appRequest(buyer, `${base}/login`, { email: buyer.email, redirectTo: "", website: "" }),
  );
  expectStatus(asked, 200, "POST /login");
  const outbox = await timed(steps, "GET /dev/outbox", () => appRequest(buyer, `${base}/dev/outbox`));
  expectStatus(outbox, 200, "GET /dev/outbox");
  const token = findSignInToken(outbox.body, buyer.email);
  if (!token) throw new Error(`no sign-in link for ${buyer.email} in /dev/outbox`);
  const verified = await timed(steps, "POST /login/verify", () =>
    appRequest(buyer, `${base}/login/verify`, { token }, false),
  );
  if (verified.status !== 302 || !buyer.jar.header().Cookie)
    throw new Error(`POST /login/verify: expected a 302 with a session cookie, got ${verified.status}`);
}

export function listingIdFrom(html: string): string | undefined {
  return /name="listingId" value="([^"]+)"/.exec(html)?.[1];
}

export function listingSlugsFrom(html: string): string[] {
  return [...new Set([...html.matchAll(/href="\/p\/([a-z0-9-]+)"/g)].map((match) => match[1] ?? ""))].filter(
    Boolean,
  );
}

/** Listing page, POST /checkout, the hosted page, pay with 4242, then the success page that fulfils. */
export async function buy(
  base: string,
  buyer: Buyer,
  slug: string,
  steps: Steps = {},
): Promise<{ listingId: string }> {
  const listing = await timed(steps, "GET /p/:slug", () => appRequest(buyer, `${base}/p/${slug}`));
  expectStatus(listing, 200, `GET /p/${slug}`);
  const listingId = listingIdFrom(listing.body);
  if (!listingId) throw new Error(`no buy form on /p/${slug} (already owned?)`);

  const checkout = await timed(steps, "POST /checkout", () =>
    appRequest(buyer, `${base}/checkout`, { listingId }, false),
  );
  expectStatus(checkout, 302, "POST /checkout");
  const hostedUrl = location(checkout, `${base}/checkout`);
  if (!hostedUrl.includes("/c/pay/cs_")) throw new Error(`POST /checkout redirected to ${hostedUrl}`);

  const success = await payOnHostedPage(buyer, hostedUrl, steps);
  if (!success.body.includes("It is yours")) throw new Error("the success page did not confirm the purchase");
  return { listingId };
}

/** The sandbox's hosted Checkout page: open it, pay with 4242, then open the app's success page. */
async function payOnHostedPage(buyer: Buyer, hostedUrl: string, steps: Steps): Promise<Reply> {
  // The sandbox is another origin: no app cookies go there.
  const hosted = await timed(steps, "GET hosted checkout", () => request(hostedUrl, { keepBody: true }));
  expectStatus(hosted, 200, "GET hosted checkout");
  const paid = await timed(steps, "POST pay (sandbox)", () =>
    request(hostedUrl, {
      form: {
        email: buyer.email,
        cardNumber: "4242424242424242",
        expiry: "12 / 34",
        cvc: "123",
        name: "Bench Buyer",
      },
    }),
  );
  expectStatus(paid, 303, "POST pay");
  const successUrl = location(paid, hostedUrl);
  const success = await timed(steps, "GET /checkout/success", () => appRequest(buyer, successUrl));
  expectStatus(success, 200, "GET /checkout/success");
  return success;
}

/** Subscribes a signed-in buyer to a plan price: `POST /subscribe`, the hosted page, the success page. */
export async function subscribe(base: string, buyer: Buyer, planPriceId: string): Promise<void> {
  const started = await appRequest(buyer, `${base}/subscribe`, { planPriceId }, true);
  expectStatus(started, 302, "POST /subscribe");
  const hostedUrl = location(started, `${base}/subscribe`);
  if (!hostedUrl.includes("/c/pay/cs_")) throw new Error(`POST /subscribe redirected to ${hostedUrl}`);
  await payOnHostedPage(buyer, hostedUrl, {});
}

/** A fresh signed download link for the first file of the buyer's first library item. */
export async function downloadLink(base: string, buyer: Buyer): Promise<string> {
  const library = await appRequest(buyer, `${base}/library`);
  expectStatus(library, 200, "GET /library");
  const item = /href="(\/library\/[A-Za-z0-9_-]+)"/.exec(library.body)?.[1];
  if (!item) throw new Error("no item in /library");
  const page = await appRequest(buyer, `${base}${item}`);
  expectStatus(page, 200, `GET ${item}`);
  const href = /href="(\/downloads\/[^"]+)"/.exec(page.body)?.[1];
  if (!href) throw new Error(`no download link on ${item}`);
  return `${base}${decodeHtml(href)}`;
}
