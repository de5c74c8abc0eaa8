import type Stripe from "stripe";
import { formatAmount } from "../money.ts";
import { escapeHtml, formatDateTime, layout } from "./layout.ts";

export interface ClockView {
  clock: Stripe.TestHelpers.TestClock;
  customers: Stripe.Customer[];
  subscriptions: Stripe.Subscription[];
  targets: { label: string; at: number }[];
}

function subscriptionRow(subscription: Stripe.Subscription): string {
  const item = subscription.items.data[0];
  const price = item ? formatAmount(item.price.unit_amount ?? 0, item.price.currency) : "";
  const interval = item?.price.recurring?.interval ?? "";
  const end = item ? formatDateTime(item.current_period_end) : "";
  const flags = [
    subscription.cancel_at_period_end ? "cancels at period end" : "",
    subscription.pause_collection ? `collection paused (${subscription.pause_collection.behavior})` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `<tr><td><code>${escapeHtml(subscription.id)}</code></td><td><span class="badge">${escapeHtml(subscription.status)}</span> ${escapeHtml(flags)}</td><td>${escapeHtml(price)} / ${escapeHtml(interval)}</td><td>${escapeHtml(end)}</td></tr>`;
}

function clockSection(view: ClockView): string {
  const { clock } = view;
  const id = escapeHtml(clock.id);
  const buttons = view.targets
    .map(
      (target) => `<form method="post" action="/test-clocks/${id}/advance">
<input type="hidden" name="to" value="${target.at}">
<button type="submit" class="secondary">Advance ${escapeHtml(target.label)}</button>
</form>`,
    )
    .join("\n");
  const subscriptions = view.subscriptions.length
    ? `<table>
<thead><tr><th scope="col">Subscription</th><th scope="col">Status</th><th scope="col">Price</th><th scope="col">Period ends</th></tr></thead>
<tbody>${view.subscriptions.map(subscriptionRow).join("\n")}</tbody>
</table>`
    : "<p>No subscriptions on this clock yet.</p>";
  return `<section class="wide" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${escapeHtml(clock.name ?? clock.id)} <span class="badge">${escapeHtml(clock.status)}</span></h2>
<p>Frozen time: <strong>${escapeHtml(formatDateTime(clock.frozen_time))}</strong> · <code>${id}</code></p>
<p>Customers: ${view.customers.map((c) => escapeHtml(c.email ?? c.id)).join(", ") || "none"}</p>
${subscriptions}
<div class="actions">
${buttons}
<form method="post" action="/test-clocks/${id}/advance">
<label for="${id}-at">Advance to (UTC)</label>
<input id="${id}-at" name="at" type="datetime-local">
<button type="submit" class="secondary">Advance</button>
</form>
</div>
</section>`;
}

/** GET /test-clocks: every test clock, its subscriptions, and buttons that advance it. */
export function renderClocksPage(views: ClockView[], message?: { error?: string; notice?: string }): string {
  const advancing = views.some((view) => view.clock.status === "advancing");
  const body = `<main>
<section class="wide" aria-labelledby="clocks-heading">
<h1 id="clocks-heading">Test clocks</h1>
<p>Advancing a clock runs everything due in between, in order: renewals (an invoice an hour after each period ends), failed payments and their retries, trial reminders and cancellations. Webhooks go out as they happen.</p>
${message?.error ? `<div role="alert">${escapeHtml(message.error)}</div>` : ""}
${message?.notice ? `<p role="status">${escapeHtml(message.notice)}</p>` : ""}
${views.length ? "" : "<p>No test clocks yet. Create customers with <code>test_clock</code>, or start the sandbox with <code>clockPerCheckoutCustomer</code> so that each Checkout customer gets a clock.</p>"}
</section>
${views.map(clockSection).join("\n")}
</main>`;
  const page = layout("Test clocks · Stapel Stripe sandbox (test mode)", body);
  return advancing ? page.replace("<head>", '<head>\n<meta http-equiv="refresh" content="1">') : page;
}
