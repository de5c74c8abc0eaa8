import type Stripe from "stripe";
import { formatAmount } from "./money.ts";
import { escapeHtml, layout } from "./pages/layout.ts";

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
  /** Shown in the SEPA Direct Debit form's alert region. */
  sepaError?: string;
  /** The promotion code form (sessions with `allow_promotion_codes`): what was typed, and why it was refused. */
  promotionCode?: string;
  promotionError?: string;
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
${discountLine(session)}<p class="total"><span>Total due today</span><span>${escapeHtml(formatAmount(session.amount_total ?? 0, currency))}</span></p>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a> and return to the shop</p>` : ""}
</section>`;
}

function discountLine(session: Stripe.Checkout.Session): string {
  const discount = session.total_details?.amount_discount ?? 0;
  if (discount === 0) return "";
  return `<p><span>Discount</span><span>-${escapeHtml(formatAmount(discount, session.currency ?? "eur"))}</span></p>\n`;
}

/** "Add promotion code", shown while no discount is applied to a session that allows codes. */
function promotionForm(state: PageState): string {
  const { session } = state;
  if (!session.allow_promotion_codes || (session.discounts ?? []).length > 0) return "";
  const error = state.promotionError;
  return `<form method="post" action="/c/pay/${escapeHtml(session.id)}" aria-labelledby="promo-heading" novalidate>
<h2 id="promo-heading">Promotion code</h2>
<label for="promotion_code">Add promotion code</label>
<input id="promotion_code" name="promotion_code" value="${escapeHtml(state.promotionCode ?? "")}" autocomplete="off"${error ? ' aria-invalid="true" aria-describedby="promotion_code-error"' : ""}>
${error ? `<p class="field-error" id="promotion_code-error" role="alert">${escapeHtml(error)}</p>` : ""}
<button type="submit">Apply</button>
</form>`;
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
${promotionForm(state)}
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
${session.payment_method_types.includes("sepa_debit") ? sepaForm(state, total) : ""}
</main>`;
  return layout(`${buttonLabel} · Stapel Stripe sandbox (test mode)`, body);
}

/** SEPA Direct Debit: a delayed-notification method, confirmed (or not) after the buyer leaves. */
function sepaForm(state: PageState, total: string): string {
  const { session } = state;
  const email = state.lockedEmail
    ? `<input type="hidden" name="email" value="${escapeHtml(state.lockedEmail)}">`
    : `<label for="sepa-email">Email</label>
<input id="sepa-email" name="email" type="email" autocomplete="email" required>`;
  return `<form method="post" action="/c/pay/${escapeHtml(session.id)}" aria-labelledby="sepa-heading" novalidate>
<h2 id="sepa-heading">Pay by SEPA Direct Debit</h2>
${state.sepaError ? `<div role="alert">${escapeHtml(state.sepaError)}</div>` : ""}
<input type="hidden" name="method" value="sepa_debit">
${email}
<label for="sepa-name">Account holder</label>
<input id="sepa-name" name="name" autocomplete="name" required>
<label for="iban">IBAN</label>
<input id="iban" name="iban" autocomplete="off" placeholder="DE89 3704 0044 0532 0130 00" required>
<button type="submit">${escapeHtml(`Pay ${total} by direct debit`)}</button>
<p class="hint">Test IBANs: DE89 3704 0044 0532 0130 00 settles after a few seconds; DE62 3704 0044 0532 0130 01 fails.</p>
</form>`;
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
