import type Stripe from "stripe";
import { formatAmount } from "../money.ts";
import { CARD_HINT, type CardForm, cardFields } from "./card-form.ts";
import { escapeHtml, formatDate, layout } from "./layout.ts";

/** The hosted invoice page (`invoice.hosted_invoice_url`): the invoice, and a card form while it is due. */
export function renderInvoicePage(
  invoice: Stripe.Invoice,
  state: { error?: string; form?: Partial<CardForm>; notice?: string } = {},
): string {
  const money = (amount: number) => escapeHtml(formatAmount(amount, invoice.currency));
  const rows = invoice.lines.data
    .map((line) => {
      const period = `${formatDate(line.period.start)} – ${formatDate(line.period.end)}`;
      return `<tr><td>${escapeHtml(line.description ?? "")}<br><span class="hint">${period}</span></td><td class="num">${money(line.amount)}</td></tr>`;
    })
    .join("\n");
  const title = `Invoice ${invoice.number ?? invoice.id}`;
  const due = invoice.status === "open" || invoice.status === "uncollectible";
  const statusLine =
    invoice.status === "paid"
      ? `Paid on ${formatDate(invoice.status_transitions.paid_at ?? invoice.created)}`
      : invoice.status === "void"
        ? "This invoice was voided: nothing is due."
        : `Amount due: ${money(invoice.amount_remaining)}`;
  const payForm = due
    ? `<form method="post" action="/i/${escapeHtml(invoice.id)}" aria-labelledby="pay-heading" novalidate>
<h2 id="pay-heading">Pay ${money(invoice.amount_remaining)}</h2>
${state.error ? `<div role="alert">${escapeHtml(state.error)}</div>` : ""}
${cardFields(state.form)}
<button type="submit">Pay ${money(invoice.amount_remaining)}</button>
${CARD_HINT}
</form>`
    : "";
  const body = `<main>
<section aria-labelledby="invoice-heading"${due ? "" : ' class="wide"'}>
<h1 id="invoice-heading">${escapeHtml(title)} <span class="badge">${escapeHtml(invoice.status ?? "")}</span></h1>
${state.notice ? `<p role="status">${escapeHtml(state.notice)}</p>` : ""}
<p>${escapeHtml(invoice.account_name ?? "")} · billed to ${escapeHtml(invoice.customer_email ?? invoice.customer_name ?? "")}</p>
<p><strong>${statusLine}</strong></p>
<table>
<thead><tr><th scope="col">Description</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num">${money(invoice.total)}</td></tr></tfoot>
</table>
</section>
${payForm}
</main>`;
  return layout(`${title} · Stapel Stripe sandbox (test mode)`, body);
}
