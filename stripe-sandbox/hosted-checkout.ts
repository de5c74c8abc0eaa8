import { startDelayedPayment } from "./async-payment.ts";
import { completeSession, declinePayment, expireIfDue } from "./checkout-flow.ts";
import {
  type FieldName,
  type PageForm,
  type PageState,
  renderCheckoutPage,
  renderMessagePage,
} from "./checkout-page.ts";
import type { SandboxContext } from "./context.ts";
import { applyDiscount, checkRedeemable, findPromotionCodeByCode, resolveDiscount } from "./discounts.ts";
import { ApiError } from "./errors.ts";
import { parseExpiry } from "./pages/card-form.ts";
import { testIbanOutcome } from "./sepa.ts";
import type { SessionRecord } from "./store.ts";
import { chargeDecline, lookupTestCard } from "./test-cards.ts";

export interface HtmlResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const html = (status: number, body: string): HtmlResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  body,
});

/** GET /c/pay/:id and POST /c/pay/:id: the buyer-facing test checkout. */
export function handleHostedCheckout(
  ctx: SandboxContext,
  method: string,
  id: string,
  formBody: string,
): HtmlResponse {
  const record = ctx.store.sessions.get(id);
  if (!record) {
    return html(
      404,
      renderMessagePage(
        "Checkout session not found",
        "This checkout link is not valid. Start again from the shop.",
      ),
    );
  }
  expireIfDue(ctx, record);
  const closed = closedPage(record);
  if (closed) return closed;
  if (method !== "POST") return html(200, page(ctx, record));

  if (new URLSearchParams(formBody).get("method") === "sepa_debit") return payByDebit(ctx, record, formBody);
  if (new URLSearchParams(formBody).has("promotion_code")) return applyPromotionCode(ctx, record, formBody);
  const form = readForm(formBody);
  const lockedEmail = lockedEmailOf(ctx, record);
  if (lockedEmail) form.email = lockedEmail;
  const problems = validate(form);
  const first = Object.values(problems)[0];
  if (first) return html(400, page(ctx, record, { form, error: first, fieldErrors: problems }));

  const card = lookupTestCard(form.cardNumber);
  if (!card) {
    const error = "Your card number is invalid.";
    return html(400, page(ctx, record, { form, error, fieldErrors: { cardNumber: error } }));
  }
  const [month, year] = parseExpiry(form.expiry) ?? [12, 2099];
  const buyer = {
    email: form.email.trim(),
    name: form.name.trim(),
    card: { ...card, expMonth: month, expYear: year },
  };
  const decline = chargeDecline(card);
  if (decline) {
    declinePayment(ctx, record, buyer);
    return html(402, page(ctx, record, { form: { ...form, cvc: "" }, error: decline.message }));
  }
  completeSession(ctx, record, buyer);
  const success = record.session.success_url;
  if (!success)
    return html(200, renderMessagePage("Payment successful", "Thanks! Your payment went through."));
  return {
    status: 303,
    headers: { Location: success.replaceAll("{CHECKOUT_SESSION_ID}", record.session.id) },
    body: "",
  };
}

/**
 * The "Add promotion code" form of a session made with `allow_promotion_codes`: the buyer's code is
 * looked up among active promotion codes (case-insensitive) and checked as `discounts[]` would be;
 * a refusal is shown beside the field and the total stays as it was.
 */
function applyPromotionCode(ctx: SandboxContext, record: SessionRecord, formBody: string): HtmlResponse {
  const code = (new URLSearchParams(formBody).get("promotion_code") ?? "").trim();
  const refuse = (message: string) =>
    html(400, page(ctx, record, { promotionError: message, promotionCode: code }));
  if (!record.session.allow_promotion_codes)
    return refuse("Promotion codes are not accepted for this payment.");
  if ((record.session.discounts ?? []).length > 0) return refuse("A promotion code is already applied.");
  const promo = code ? findPromotionCodeByCode(ctx, code) : undefined;
  if (!promo) return refuse("This code is invalid.");
  try {
    const resolved = resolveDiscount(ctx, { promotion_code: promo.id }, "promotion_code");
    checkRedeemable(ctx, record, resolved, "promotion_code");
    const fee = record.paymentIntentData.applicationFeeAmount ?? 0;
    const before = structuredClone({ session: record.session, lineItems: record.lineItems });
    applyDiscount(record, resolved);
    const total = record.session.amount_total ?? 0;
    if (total > 0 && total < fee) {
      // Assumption (unconfirmed): Stripe refuses a discount that leaves less than the application fee.
      Object.assign(record.session, before.session);
      record.lineItems = before.lineItems;
      return refuse("This code cannot be applied to this order.");
    }
  } catch (error) {
    if (error instanceof ApiError)
      return refuse(
        error.code === "coupon_expired"
          ? "This code has expired or is no longer available."
          : "This code cannot be applied to this order.",
      );
    throw error;
  }
  ctx.store.markDirty();
  return html(200, page(ctx, record));
}

/** The SEPA Direct Debit form: the session completes unpaid, the money follows (or not) later. */
function payByDebit(ctx: SandboxContext, record: SessionRecord, formBody: string): HtmlResponse {
  const params = new URLSearchParams(formBody);
  const email = (lockedEmailOf(ctx, record) ?? params.get("email") ?? "").trim();
  const name = (params.get("name") ?? "").trim();
  const iban = params.get("iban") ?? "";
  const problem = !record.session.payment_method_types.includes("sepa_debit")
    ? "Direct debit is not offered for this payment."
    : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
      ? "Your email address is invalid."
      : !name
        ? "Enter the account holder's name."
        : !testIbanOutcome(iban)
          ? "Use a test IBAN: DE89 3704 0044 0532 0130 00 or DE62 3704 0044 0532 0130 01."
          : undefined;
  if (problem) return html(400, page(ctx, record, { sepaError: problem }));
  startDelayedPayment(ctx, record, { email, name, iban });
  const success = record.session.success_url;
  if (!success)
    return html(200, renderMessagePage("Payment submitted", "Your direct debit is being processed."));
  return {
    status: 303,
    headers: { Location: success.replaceAll("{CHECKOUT_SESSION_ID}", record.session.id) },
    body: "",
  };
}

function closedPage(record: SessionRecord): HtmlResponse | undefined {
  const { session } = record;
  if (session.status === "complete") {
    const link = session.success_url
      ? {
          href: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id),
          label: "Return to the shop",
        }
      : undefined;
    return html(
      200,
      renderMessagePage(
        "This payment is already complete",
        "This checkout session has been paid. Nothing more to do here.",
        link,
      ),
    );
  }
  if (session.status === "expired") {
    const link = session.cancel_url ? { href: session.cancel_url, label: "Return to the shop" } : undefined;
    return html(
      410,
      renderMessagePage(
        "This checkout session has expired",
        "The checkout session expired before it was paid. Start again from the shop.",
        link,
      ),
    );
  }
  return undefined;
}

function page(ctx: SandboxContext, record: SessionRecord, extra: Partial<PageState> = {}): string {
  return renderCheckoutPage({
    session: record.session,
    lineItems: record.lineItems,
    lockedEmail: lockedEmailOf(ctx, record),
    ...extra,
  });
}

function lockedEmailOf(ctx: SandboxContext, record: SessionRecord): string | null {
  const { session } = record;
  if (session.customer_email) return session.customer_email;
  const customer =
    typeof session.customer === "string" ? ctx.store.customers.get(session.customer) : undefined;
  return customer?.email ?? null;
}

function readForm(body: string): PageForm {
  const params = new URLSearchParams(body);
  const get = (name: string) => params.get(name) ?? "";
  return {
    email: get("email"),
    cardNumber: get("cardNumber"),
    expiry: get("expiry"),
    cvc: get("cvc"),
    name: get("name"),
  };
}

function validate(form: PageForm): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  const email = form.email.trim();
  if (!email) problems.email = "Your email is incomplete.";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = "Your email address is invalid.";
  if (!form.cardNumber.trim()) problems.cardNumber = "Your card number is incomplete.";
  const expiry = parseExpiry(form.expiry);
  if (!expiry) {
    problems.expiry = "Your card's expiration date is incomplete.";
  } else {
    const now = new Date();
    const [month, year] = expiry;
    if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
      problems.expiry = "Your card's expiration date is in the past.";
    }
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) problems.cvc = "Your card's security code is incomplete.";
  if (!form.name.trim()) problems.name = "Enter the name on the card.";
  return problems;
}
