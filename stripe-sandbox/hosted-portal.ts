import type Stripe from "stripe";
import { productName } from "./billing/lines.ts";
import {
  offeredPrices,
  portalCancel,
  portalRenew,
  portalSwitch,
  portalUpdateCard,
} from "./billing/portal-actions.ts";
import { paymentMethodFor } from "./billing/subscription-state.ts";
import { renderMessagePage } from "./checkout-page.ts";
import type { SandboxContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import type { HtmlResponse } from "./hosted-checkout.ts";
import { customerIdOf } from "./objects/subscription.ts";
import { checkCard, readCardForm } from "./pages/card-form.ts";
import { type PortalView, renderPortalPage } from "./pages/portal-page.ts";

const html = (status: number, body: string): HtmlResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  body,
});

const LIVE = new Set(["active", "trialing", "past_due", "unpaid", "incomplete", "paused"]);

/** The subscription a flow is about, if the session deep-links into one. */
function flowSubscription(session: Stripe.BillingPortal.Session): string | undefined {
  const flow = session.flow;
  return (
    flow?.subscription_cancel?.subscription ??
    flow?.subscription_update?.subscription ??
    flow?.subscription_update_confirm?.subscription
  );
}

function onlyPart(session: Stripe.BillingPortal.Session): PortalView["only"] {
  switch (session.flow?.type) {
    case "subscription_cancel":
      return "cancel";
    case "subscription_update":
    case "subscription_update_confirm":
      return "update";
    case "payment_method_update":
      return "card";
    default:
      return undefined;
  }
}

function view(
  ctx: SandboxContext,
  session: Stripe.BillingPortal.Session,
  extra: Partial<PortalView> = {},
): PortalView | undefined {
  const configuration = ctx.store.portalConfigurations.get(String(session.configuration));
  const customer = ctx.store.customers.get(session.customer);
  if (!configuration || !customer) return undefined;
  const only = onlyPart(session);
  const subscriptions = [...ctx.store.subscriptions.values()]
    .filter((s) => customerIdOf(s) === customer.id && LIVE.has(s.status))
    .filter((s) => !only || only === "card" || s.id === flowSubscription(session))
    .reverse();
  const confirmPrices = session.flow?.subscription_update_confirm?.items.map((item) => item.price);
  const offered = offeredPrices(ctx, configuration)
    .filter((price) => !confirmPrices || confirmPrices.includes(price.id))
    .map((price) => ({ price, productName: productName(ctx, price) }));
  const first = subscriptions[0];
  const card = first
    ? paymentMethodFor(ctx, first)
    : ctx.store.paymentMethods.get(String(customer.invoice_settings.default_payment_method));
  return {
    session,
    configuration,
    customer,
    subscriptions: subscriptions.map((subscription) => ({
      subscription,
      productName: subscription.items.data[0]
        ? productName(ctx, subscription.items.data[0].price)
        : "Subscription",
    })),
    offered,
    card,
    invoices: [...ctx.store.invoices.values()]
      .filter((invoice) => invoice.customer === customer.id && invoice.status !== "draft")
      .sort((a, b) => b.created - a.created),
    only,
    ...extra,
  };
}

/** GET/POST /p/session/:id: the hosted customer portal. */
export function handleHostedPortal(
  ctx: SandboxContext,
  method: string,
  id: string,
  body: string,
  query: URLSearchParams,
): HtmlResponse {
  const session = ctx.store.portalSessions.get(id);
  const page = session && view(ctx, session, { notice: query.get("notice") ?? undefined });
  if (!session || !page) {
    return html(
      404,
      renderMessagePage(
        "Portal session not found",
        "This portal link is not valid. Start again from the app.",
      ),
    );
  }
  if (method !== "POST") return html(200, renderPortalPage(page));
  const form = new URLSearchParams(body);
  let notice: string;
  try {
    notice = act(ctx, page, form);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const again = view(ctx, session, { error: error.message }) ?? page;
    return html(error.status === 402 ? 402 : 400, renderPortalPage(again));
  }
  const after = session.flow?.after_completion;
  if (after?.type === "redirect" && after.redirect) {
    return { status: 303, headers: { Location: after.redirect.return_url }, body: "" };
  }
  if (after?.type === "hosted_confirmation") {
    const back = session.return_url ? { href: session.return_url, label: "Return" } : undefined;
    return html(200, renderMessagePage("Done", after.hosted_confirmation?.custom_message ?? notice, back));
  }
  return {
    status: 303,
    headers: { Location: `/p/session/${session.id}?notice=${encodeURIComponent(notice)}` },
    body: "",
  };
}

function act(ctx: SandboxContext, page: PortalView, form: URLSearchParams): string {
  const action = form.get("action");
  if (action === "card") {
    if (!page.configuration.features.payment_method_update.enabled)
      throw new ApiError(400, "invalid_request_error", "Updating the card is not enabled in this portal.");
    const checked = checkCard(readCardForm(form));
    if ("error" in checked) throw new ApiError(400, "invalid_request_error", checked.error);
    return portalUpdateCard(ctx, page.customer, checked.card, checked.name);
  }
  const entry = page.subscriptions.find(({ subscription }) => subscription.id === form.get("subscription"));
  if (!entry) throw new ApiError(400, "invalid_request_error", "Choose one of your subscriptions.");
  const { subscription } = entry;
  if (action === "cancel" && page.only !== "update")
    return portalCancel(ctx, page.configuration, subscription);
  if (action === "renew" && page.only !== "update") return portalRenew(ctx, subscription);
  if (action === "switch" && page.only !== "cancel") {
    return portalSwitch(ctx, page.configuration, subscription, form.get("price") ?? "");
  }
  throw new ApiError(400, "invalid_request_error", "That action is not available here.");
}
