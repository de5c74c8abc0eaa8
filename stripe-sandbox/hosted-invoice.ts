import { payInvoiceNow } from "./billing/invoice-actions.ts";
import { nowFor } from "./billing/time.ts";
import { renderMessagePage } from "./checkout-page.ts";
import type { SandboxContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import type { HtmlResponse } from "./hosted-checkout.ts";
import { buildPaymentMethod } from "./objects/payment-method.ts";
import { checkCard, readCardForm } from "./pages/card-form.ts";
import { renderInvoicePage } from "./pages/invoice-page.ts";

const html = (status: number, body: string): HtmlResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  body,
});

/** GET/POST /i/:id: the hosted invoice page; paying charges the entered card (it is not saved). */
export function handleHostedInvoice(
  ctx: SandboxContext,
  method: string,
  id: string,
  formBody: string,
): HtmlResponse {
  const invoice = ctx.store.invoices.get(id);
  if (!invoice?.hosted_invoice_url) {
    return html(404, renderMessagePage("Invoice not found", "This invoice link is not valid."));
  }
  if (method !== "POST") return html(200, renderInvoicePage(invoice));
  if (invoice.status !== "open" && invoice.status !== "uncollectible") {
    return html(409, renderInvoicePage(invoice, { notice: "This invoice cannot be paid any more." }));
  }
  const form = readCardForm(new URLSearchParams(formBody));
  const checked = checkCard(form);
  if ("error" in checked) return html(400, renderInvoicePage(invoice, { error: checked.error, form }));
  const paymentMethod = buildPaymentMethod({
    card: checked.card,
    customer: null,
    email: invoice.customer_email,
    name: checked.name,
    created: nowFor(ctx, String(invoice.customer)),
  });
  ctx.store.paymentMethods.set(paymentMethod.id, paymentMethod);
  try {
    payInvoiceNow(ctx, invoice, paymentMethod, undefined, true);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return html(402, renderInvoicePage(invoice, { error: error.message, form: { ...form, cvc: "" } }));
  }
  return html(200, renderInvoicePage(invoice, { notice: "Thank you! Your payment went through." }));
}

/** GET /i/:id/pdf: the sandbox renders no PDF; a plain-text stand-in keeps the link working. */
export function handleInvoicePdf(ctx: SandboxContext, id: string): HtmlResponse {
  const invoice = ctx.store.invoices.get(id);
  if (!invoice?.hosted_invoice_url)
    return { status: 404, headers: { "Content-Type": "text/plain" }, body: "Not found\n" };
  const lines = invoice.lines.data.map((line) => `${line.description}: ${line.amount} ${invoice.currency}`);
  return {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
    body: [
      `Invoice ${invoice.number} (${invoice.status})`,
      ...lines,
      `Total: ${invoice.total} ${invoice.currency}`,
      "",
    ].join("\n"),
  };
}
