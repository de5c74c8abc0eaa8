import type Stripe from "stripe";
import { formatAmount } from "../money.ts";
import { CARD_HINT, cardFields } from "./card-form.ts";
import { escapeHtml, formatDate, layout } from "./layout.ts";

export interface PortalView {
  session: Stripe.BillingPortal.Session;
  configuration: Stripe.BillingPortal.Configuration;
  customer: Stripe.Customer;
  subscriptions: { subscription: Stripe.Subscription; productName: string }[];
  offered: { price: Stripe.Price; productName: string }[];
  card: Stripe.PaymentMethod | undefined;
  invoices: Stripe.Invoice[];
  /** Which parts to show: a flow deep-links into one of them. */
  only?: "cancel" | "update" | "card";
  notice?: string;
  error?: string;
}

const money = (amount: number, currency: string) => escapeHtml(formatAmount(amount, currency));

function priceLabel(price: Stripe.Price, productName: string): string {
  return `${productName} · ${formatAmount(price.unit_amount ?? 0, price.currency)} / ${price.recurring?.interval ?? "once"}`;
}

function statusLine(subscription: Stripe.Subscription): string {
  const end = subscription.items.data[0]?.current_period_end ?? 0;
  if (subscription.status === "trialing") return `Trial ends ${formatDate(subscription.trial_end ?? end)}`;
  if (subscription.status === "past_due")
    return "Your last payment failed. Update your card to keep your subscription.";
  if (subscription.cancel_at) return `Cancels ${formatDate(subscription.cancel_at)}`;
  return `Renews ${formatDate(end)}`;
}

function subscriptionSection(view: PortalView, entry: PortalView["subscriptions"][number]): string {
  const { subscription } = entry;
  const item = subscription.items.data[0];
  const action = `/p/session/${escapeHtml(view.session.id)}`;
  const hidden = `<input type="hidden" name="subscription" value="${escapeHtml(subscription.id)}">`;
  const forms: string[] = [];
  const { features } = view.configuration;
  if (view.only !== "update" && features.subscription_cancel.enabled) {
    forms.push(
      subscription.cancel_at_period_end
        ? `<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="renew"><button type="submit">Renew subscription</button></form>`
        : `<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="cancel"><button type="submit" class="secondary">Cancel subscription</button></form>`,
    );
  }
  const choices = view.offered.filter(({ price }) => price.id !== item?.price.id);
  if (view.only !== "cancel" && choices.length > 0) {
    const id = `switch-${escapeHtml(subscription.id)}`;
    const options = choices
      .map(
        ({ price, productName }) =>
          `<option value="${escapeHtml(price.id)}">${escapeHtml(priceLabel(price, productName))}</option>`,
      )
      .join("");
    forms.push(`<form method="post" action="${action}">${hidden}<input type="hidden" name="action" value="switch">
<label for="${id}">Switch plan</label>
<select id="${id}" name="price">${options}</select>
<button type="submit">Update plan</button></form>`);
  }
  const price = item ? priceLabel(item.price, entry.productName) : entry.productName;
  return `<section aria-labelledby="${escapeHtml(subscription.id)}-heading">
<h2 id="${escapeHtml(subscription.id)}-heading">${escapeHtml(price)} <span class="badge">${escapeHtml(subscription.status)}</span></h2>
<p>${escapeHtml(statusLine(subscription))}</p>
<div class="actions">${forms.join("\n")}</div>
</section>`;
}

function cardSection(view: PortalView): string {
  const card = view.card?.card;
  const current = card
    ? `${card.brand} •••• ${card.last4}, expires ${card.exp_month}/${card.exp_year}`
    : "No card on file";
  return `<form method="post" action="/p/session/${escapeHtml(view.session.id)}" aria-labelledby="card-heading" novalidate>
<h2 id="card-heading">Payment method</h2>
<p>${escapeHtml(current)}</p>
<input type="hidden" name="action" value="card">
${cardFields()}
<button type="submit">Save card</button>
${CARD_HINT}
</form>`;
}

function invoiceSection(view: PortalView): string {
  const rows = view.invoices
    .map((invoice) => {
      const link = invoice.hosted_invoice_url
        ? `<a href="${escapeHtml(invoice.hosted_invoice_url)}">View</a>`
        : "";
      return `<tr><td>${escapeHtml(formatDate(invoice.created))}</td><td class="num">${money(invoice.total, invoice.currency)}</td><td><span class="badge">${escapeHtml(invoice.status ?? "")}</span></td><td>${link}</td></tr>`;
    })
    .join("\n");
  return `<section class="wide" aria-labelledby="invoices-heading">
<h2 id="invoices-heading">Invoice history</h2>
${view.invoices.length ? `<table><thead><tr><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Status</th><th scope="col"><span class="hint">Link</span></th></tr></thead><tbody>${rows}</tbody></table>` : "<p>No invoices yet.</p>"}
</section>`;
}

/** The hosted customer portal of one session. */
export function renderPortalPage(view: PortalView): string {
  const { features } = view.configuration;
  const back = view.session.return_url
    ? `<p><a href="${escapeHtml(view.session.return_url)}">Return to ${escapeHtml(view.configuration.business_profile.headline ?? "Stapel")}</a></p>`
    : "";
  const showCard = (!view.only || view.only === "card") && features.payment_method_update.enabled;
  const subscriptions = view.only === "card" ? [] : view.subscriptions;
  const body = `<main>
<section class="wide" aria-labelledby="portal-heading">
<h1 id="portal-heading">${escapeHtml(view.configuration.business_profile.headline ?? "Manage your subscription")}</h1>
<p>Signed in as ${escapeHtml(view.customer.email ?? view.customer.id)}</p>
${view.error ? `<div role="alert">${escapeHtml(view.error)}</div>` : ""}
${view.notice ? `<p role="status">${escapeHtml(view.notice)}</p>` : ""}
${back}
</section>
${subscriptions.map((entry) => subscriptionSection(view, entry)).join("\n")}
${!view.only && subscriptions.length === 0 ? "<section><h2>Subscriptions</h2><p>No active subscriptions.</p></section>" : ""}
${showCard ? cardSection(view) : ""}
${!view.only && features.invoice_history.enabled ? invoiceSection(view) : ""}
</main>`;
  return layout("Customer portal · Stapel Stripe sandbox (test mode)", body);
}
