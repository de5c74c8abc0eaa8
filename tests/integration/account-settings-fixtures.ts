// Shared by the account-settings-*.test.ts files: the settings page's forms and the emailed links,
// driven through the real route modules.
import * as settingsRoute from "~/routes/account.settings/route.tsx";
import * as emailChangeRoute from "~/routes/account_.email-change/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import type { StripeSandbox } from "../../stripe-sandbox/index.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute } from "../support/routes.ts";

export type SettingsReply = {
  intent: string | null;
  result: { status?: string; error?: Record<string, string[] | null> };
  done?: string;
};

export const formErrors = (reply: { result: { error?: Record<string, string[] | null> } }) =>
  Object.values(reply.result.error ?? {})
    .flat()
    .filter((message): message is string => typeof message === "string");

export const postSettings = (cookie: string | null, fields: Record<string, string>, init: RequestInit = {}) =>
  callRoute<SettingsReply>(
    settingsRoute.action,
    requestAs(cookie, "/account/settings", { method: "POST", body: new URLSearchParams(fields), ...init }),
  );

export const loadSettings = (cookie: string | null) =>
  callRoute(settingsRoute.loader, requestAs(cookie, "/account/settings"));

export const openEmailChangeLink = (cookie: string | null, link: string) =>
  callRoute(emailChangeRoute.loader, requestAs(cookie, link));

export const followEmailChangeLink = (cookie: string | null, token: string) =>
  callRoute(
    emailChangeRoute.action,
    requestAs(cookie, "/account/email-change", { method: "POST", body: new URLSearchParams({ token }) }),
  );

/** The newest email to `to` whose idempotency key starts with `prefix`. */
export async function latestEmail(to: string, prefix: string) {
  return prisma.emailMessage.findFirst({
    where: { to, idempotencyKey: { startsWith: prefix } },
    orderBy: { createdAt: "desc" },
    select: { subject: true, text: true, html: true, idempotencyKey: true },
  });
}

/** The link in an email, e.g. `/account/email-change?token=` or `/login/verify?token=`. */
export function linkIn(text: string, path: string): { url: string; token: string } {
  const escaped = path.replace(/[.?]/g, "\\$&");
  const url = new RegExp(`https?://[^\\s]+${escaped}\\?token=[\\w-]+`).exec(text)?.[0];
  if (!url) throw new Error(`no ${path} link in: ${text.slice(0, 300)}`);
  return { url, token: new URL(url).searchParams.get("token") as string };
}

/** The cookie (`name=value`) a response sets, or null. */
export const cookieFrom = (response: Response) => response.headers.get("Set-Cookie")?.split(";")[0] ?? null;

/**
 * A buyer with one of everything the export and the deletion deal with, made through the real code
 * paths where Stapel has them: a paid order (partly refunded) with its entitlement and licence key,
 * a plan subscription paid at the sandbox, an activation, a review, a download.
 */
export async function buyerWithHistory(
  app: { sandbox: Pick<StripeSandbox, "deliveries" | "events"> },
  tag: string,
) {
  const { startCheckout } = await import("~/modules/checkout/start-checkout.server.ts");
  const { refundOrder } = await import("~/modules/refunds/request.server.ts");
  const { payHostedCheckout } = await import("../support/app-env.ts");
  const { createUser } = await import("../support/fixtures.ts");
  const { createPlanForSale, subscribe } = await import("../support/subscriptions.ts");
  const { settleWebhooks } = await import("../support/webhooks.ts");

  const buyer = await createUser(`${tag}-${Date.now().toString(36)}@example.com`);
  const sale = await createPlanForSale();
  const started = await startCheckout(buyer, sale.listing.id);
  if (started.kind !== "redirect-to-stripe") throw new Error(started.kind);
  await payHostedCheckout(started.url, "4242424242424242", buyer.email);
  await settleWebhooks(app.sandbox);
  const order = await prisma.order.findFirstOrThrow({ where: { buyerId: buyer.id, status: "PAID" } });
  const refunded = await refundOrder(sale.shop.id, order.id, 100);
  if (!refunded.ok) throw new Error("the partial refund failed");
  const { stripeSubscriptionId } = await subscribe(buyer, sale.price.id);
  await settleWebhooks(app.sandbox);
  const entitlement = await prisma.entitlement.findFirstOrThrow({
    where: { userId: buyer.id, source: "ORDER_ITEM" },
    include: { licenseKey: true },
  });
  if (!entitlement.licenseKey) throw new Error("the purchase issued no licence key");
  await prisma.licenseActivation.create({
    data: { licenseKeyId: entitlement.licenseKey.id, instanceName: `laptop-of-${tag}` },
  });
  await prisma.review.create({
    data: { listingId: sale.listing.id, userId: buyer.id, rating: 5, body: `Review by ${tag}` },
  });
  await prisma.downloadLog.create({
    data: {
      userId: buyer.id,
      entitlementId: entitlement.id,
      fileId: sale.file.id,
      ip: "203.0.113.7",
      userAgent: `agent-of-${tag}`,
    },
  });
  return { buyer, sale, order, entitlement, licenseKey: entitlement.licenseKey, stripeSubscriptionId };
}
