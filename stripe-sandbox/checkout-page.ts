import type Stripe from "stripe";
import { formatAmount } from "./money.ts";

/**
 * The hosted test checkout page: plain HTML, no script, labelled fields, errors announced with
 * role="alert". It says plainly that it is the Stapel Stripe sandbox in test mode.
 */

export interface PageForm {
  email: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  name: string;
}

export type FieldName = keyof PageForm;

export interface PageState {
  session: Stripe.Checkout.Session;
  lineItems: Stripe.LineItem[];
  form?: Partial<PageForm>;
  /** Shown in the alert region (a decline or the first field problem). */
  error?: string;
  fieldErrors?: Partial<Record<FieldName, string>>;
  /** Email fixed by the merchant (customer_email or the customer's email). */
  lockedEmail?: string | null;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
  .banner { background: #ffde92; color: #5a3b00; padding: .5rem 1rem; text-align: center; font-size: .9rem; } .banner p { margin: 0; }
  main { max-width: 56rem; margin: 2rem auto; padding: 0 1rem; display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  section, form { background: #fff; border-radius: .5rem; padding: 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  h1 { font-size: 1.25rem; margin-top: 0; } h2 { font-size: 1.1rem; margin-top: 0; }
  ul { list-style: none; padding: 0; } li { display: flex; justify-content: space-between; gap: 1rem; padding: .4rem 0; border-bottom: 1px solid #e3e8ee; }
  .total { display: flex; justify-content: space-between; font-weight: 600; font-size: 1.1rem; }
  label { display: block; font-weight: 500; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem; border: 1px solid #8792a2; border-radius: .3rem; font-size: 1rem; }
  input[aria-invalid="true"] { border-color: #c0123c; }
  .field-error { color: #c0123c; font-size: .9rem; margin: .25rem 0 0; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
  button { margin-top: 1.25rem; width: 100%; padding: .75rem; border: 0; border-radius: .3rem; background: #4f46e5; color: #fff; font-size: 1rem; font-weight: 600; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  [role="alert"] { background: #fde8ec; color: #8a0d2b; border-radius: .3rem; padding: .6rem .8rem; margin-bottom: .5rem; }
  .hint { color: #4f566b; font-size: .9rem; }
  a { color: #3730a3; }
</style>
</head>
<body>
<header class="banner"><p><strong>Stapel Stripe sandbox</strong> · test mode · no real money moves</p></header>
${body}
</body>
</html>`;
}

function summary(session: Stripe.Checkout.Session, lineItems: Stripe.LineItem[]): string {
  const currency = session.currency ?? "eur";
  const items = lineItems
    .map((item) => {
      const interval = item.price?.recurring ? ` per ${item.price.recurring.interval}` : "";
      return `<li><span>${escapeHtml(item.description ?? "Item")}${item.quantity && item.quantity > 1 ? ` × ${item.quantity}` : ""}</span><span>${escapeHtml(formatAmount(item.amount_total, item.currency))}${interval}</span></li>`;
    })
    .join("\n");
  return `<section aria-labelledby="summary-heading">
<h1 id="summary-heading">Order summary</h1>
<ul>
${items}
</ul>
<p class="total"><span>Total due today</span><span>${escapeHtml(formatAmount(session.amount_total ?? 0, currency))}</span></p>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a> and return to the shop</p>` : ""}
</section>`;
}

function field(name: FieldName, label: string, state: PageState, attrs: string): string {
  const value = state.form?.[name] ?? "";
  const error = state.fieldErrors?.[name];
  const described = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : "";
  return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" value="${escapeHtml(value)}" ${attrs}${described}>
${error ? `<p class="field-error" id="${name}-error">${escapeHtml(error)}</p>` : ""}`;
}

export function renderCheckoutPage(state: PageState): string {
  const { session } = state;
  const total = formatAmount(session.amount_total ?? 0, session.currency ?? "eur");
  const recurring = state.lineItems.find((item) => item.price?.recurring)?.price?.recurring;
  const trial = session.mode === "subscription" && session.amount_total === 0;
  const buttonLabel = trial
    ? "Start trial"
    : session.mode === "subscription"
      ? `Subscribe ${total} per ${recurring?.interval ?? "month"}`
      : `Pay ${total}`;
  const email = state.lockedEmail
    ? `<label for="email">Email</label>
<input id="email" name="email" type="email" value="${escapeHtml(state.lockedEmail)}" readonly autocomplete="email">`
    : field("email", "Email", state, 'type="email" autocomplete="email" required');
  const body = `<main>
${summary(session, state.lineItems)}
<form method="post" action="/c/pay/${escapeHtml(session.id)}" aria-labelledby="pay-heading" novalidate>
<h2 id="pay-heading">Pay with card</h2>
${state.error ? `<div role="alert">${escapeHtml(state.error)}</div>` : ""}
${email}
${field("cardNumber", "Card number", state, 'inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required')}
<div class="row">
<div>${field("expiry", "Expiry", state, 'autocomplete="cc-exp" placeholder="MM / YY" required')}</div>
<div>${field("cvc", "CVC", state, 'inputmode="numeric" autocomplete="cc-csc" placeholder="123" required')}</div>
</div>
${field("name", "Name on card", state, 'autocomplete="cc-name" required')}
<button type="submit">${escapeHtml(buttonLabel)}</button>
<p class="hint">Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 0259 succeeds, then is disputed. Any future expiry, any CVC.</p>
</form>
</main>`;
  return layout(`${buttonLabel} · Stapel Stripe sandbox (test mode)`, body);
}

/** Instead of the form: the session is already paid, has expired, or does not exist. */
export function renderMessagePage(
  heading: string,
  text: string,
  link?: { href: string; label: string },
): string {
  const body = `<main>
<section aria-labelledby="message-heading">
<h1 id="message-heading">${escapeHtml(heading)}</h1>
<p role="status">${escapeHtml(text)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ""}
</section>
</main>`;
  return layout(`${heading} · Stapel Stripe sandbox (test mode)`, body);
}
