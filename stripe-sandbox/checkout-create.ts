import type Stripe from "stripe";
import { nowFor } from "./billing/time.ts";
import type { SandboxContext } from "./context.ts";
import { applyDiscount, checkRedeemable, resolveDiscount } from "./discounts.ts";
import { invalidRequest, resourceMissing } from "./errors.ts";
import { nowSeconds } from "./ids.ts";
import { formatAmount, minimumChargeAmount } from "./money.ts";
import { buildPrice, buildProduct } from "./objects/catalog.ts";
import { buildCheckoutSession, buildLineItem } from "./objects/checkout-session.ts";
import { paramName } from "./params.ts";
import type { CreateParams, LineItemParams } from "./routes/checkout-params.ts";
import { findCustomer } from "./routes/customers.ts";
import type { SessionRecord } from "./store.ts";

/** Creating a Checkout Session: line items resolved to prices, Stripe's rules per mode checked. */

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

/** Resolves one `line_items[i]` entry to a stored Price (creating inline product/price for price_data). */
function resolveLineItem(ctx: SandboxContext, item: LineItemParams, index: number): Stripe.LineItem {
  const at = (...rest: string[]) => paramName(["line_items", index, ...rest]);
  if (item.price && item.price_data) {
    throw invalidRequest(
      `You may only specify one of these parameters: price, price_data.`,
      at("price_data"),
    );
  }
  if (item.quantity === undefined) {
    throw invalidRequest(
      `Quantity is required. Add \`quantity\` to \`${at()}\``,
      at("quantity"),
      "parameter_missing",
    );
  }
  let price: Stripe.Price;
  let product: Stripe.Product | undefined;
  if (item.price) {
    const stored = ctx.store.prices.get(item.price);
    if (!stored) throw resourceMissing("price", item.price, at("price"));
    if (!stored.active) {
      throw invalidRequest(
        "The price specified is inactive. This field only accepts active prices.",
        at("price"),
      );
    }
    price = stored;
    product = ctx.store.products.get(String(stored.product));
  } else if (item.price_data) {
    const data = item.price_data;
    if (data.unit_amount === undefined) {
      throw invalidRequest(
        `Missing required param: ${at("price_data", "unit_amount")}.`,
        at("price_data", "unit_amount"),
        "parameter_missing",
      );
    }
    if (data.product && data.product_data) {
      throw invalidRequest(
        "You may only specify one of these parameters: product, product_data.",
        at("price_data", "product_data"),
      );
    }
    if (data.product) {
      product = ctx.store.products.get(data.product);
      if (!product) throw resourceMissing("product", data.product, at("price_data", "product"));
    } else if (data.product_data) {
      product = buildProduct({ ...data.product_data });
      ctx.store.products.set(product.id, product);
    } else {
      throw invalidRequest(
        `Missing required param: ${at("price_data", "product_data")}.`,
        at("price_data", "product_data"),
        "parameter_missing",
      );
    }
    price = buildPrice({
      currency: data.currency,
      unitAmount: data.unit_amount,
      product: product.id,
      recurring: data.recurring && {
        interval: data.recurring.interval,
        intervalCount: data.recurring.interval_count ?? 1,
      },
      active: false,
    });
    ctx.store.prices.set(price.id, price);
  } else {
    throw invalidRequest(
      `You must specify either \`price\` or \`price_data\` in \`${at()}\`.`,
      at(),
      "parameter_missing",
    );
  }
  return buildLineItem(price, item.quantity, product?.name ?? "", item.metadata ?? {});
}

function validateModeRules(params: CreateParams, items: Stripe.LineItem[]): void {
  items.forEach((item, index) => {
    if (params.mode === "payment" && item.price?.type === "recurring") {
      throw invalidRequest(
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
        paramName(["line_items", index, "price"]),
      );
    }
  });
  if (params.mode === "subscription" && !items.some((item) => item.price?.type === "recurring")) {
    throw invalidRequest(
      "You must provide at least one recurring price in `subscription` mode when using prices.",
      "line_items",
    );
  }
  const currencies = new Set(items.map((item) => item.currency));
  if (currencies.size > 1) {
    throw invalidRequest(
      `All line items must use the same currency, got: ${[...currencies].join(", ")}.`,
      "line_items",
    );
  }
  if (params.mode === "subscription") {
    if (params.payment_intent_data)
      throw invalidRequest(
        "You can not pass `payment_intent_data` in `subscription` mode.",
        "payment_intent_data",
      );
    if (params.customer_creation)
      throw invalidRequest("`customer_creation` can only be used in `payment` mode.", "customer_creation");
  }
  if (params.mode === "payment" && params.subscription_data) {
    throw invalidRequest("You can not pass `subscription_data` in `payment` mode.", "subscription_data");
  }
}

/**
 * A destination must be a connected account of the platform that can receive transfers: Stripe
 * answers an unknown one with `No such destination` (resource_missing) and one whose `transfers`
 * capability is not active with `insufficient_capabilities_for_transfer`.
 */
function checkDestination(ctx: SandboxContext, destination: string | undefined, param: string): void {
  if (destination === undefined) return;
  const account = ctx.store.accounts.get(destination);
  if (!destination.startsWith("acct_") || !account) throw resourceMissing("destination", destination, param);
  if (account.capabilities?.transfers !== "active") {
    throw invalidRequest(
      "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      param,
      "insufficient_capabilities_for_transfer",
    );
  }
}

function validateConnect(ctx: SandboxContext, params: CreateParams, amountTotal: number): void {
  const data = params.payment_intent_data;
  const destination = data?.transfer_data?.destination;
  checkDestination(ctx, destination, "payment_intent_data[transfer_data][destination]");
  if (data?.application_fee_amount === undefined) return;
  if (!destination) {
    throw invalidRequest(
      "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
      "payment_intent_data[application_fee_amount]",
    );
  }
  if (data.application_fee_amount > amountTotal) {
    throw invalidRequest(
      "The application fee amount cannot be greater than the amount of the payment.",
      "payment_intent_data[application_fee_amount]",
    );
  }
}

/** Checks `subscription_data`; returns whether the subscription starts with a trial. */
function validateSubscriptionData(ctx: SandboxContext, params: CreateParams, now: number): boolean {
  const data = params.subscription_data;
  if (!data) return false;
  if (data.trial_end !== undefined && data.trial_period_days !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: trial_end, trial_period_days.",
      "subscription_data[trial_end]",
    );
  }
  if (data.trial_end !== undefined && data.trial_end < now + 2 * 24 * 60 * 60) {
    throw invalidRequest(
      "`subscription_data[trial_end]` must be at least 48 hours in the future.",
      "subscription_data[trial_end]",
    );
  }
  const destination = data.transfer_data?.destination;
  checkDestination(ctx, destination, "subscription_data[transfer_data][destination]");
  if (data.application_fee_percent !== undefined && !destination) {
    throw invalidRequest(
      "Can only apply an application_fee_percent when the subscription is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
      "subscription_data[application_fee_percent]",
    );
  }
  return data.trial_end !== undefined || data.trial_period_days !== undefined;
}

export function createSession(ctx: SandboxContext, params: CreateParams): SessionRecord {
  if (params.mode === "setup") {
    throw invalidRequest(
      "The Stapel Stripe sandbox supports only `payment` and `subscription` mode.",
      "mode",
    );
  }
  const mode = params.mode;
  if (params.customer && params.customer_email) {
    throw invalidRequest(
      "You may only specify one of these parameters: customer, customer_email.",
      "customer_email",
    );
  }
  const customer = params.customer ? findCustomer(ctx, params.customer, "customer") : undefined;
  if (!params.line_items || params.line_items.length === 0) {
    throw invalidRequest(`Missing required param: line_items.`, "line_items", "parameter_missing");
  }
  const now = nowSeconds();
  const expiresAt = params.expires_at ?? now + MAX_EXPIRY_SECONDS;
  if (expiresAt < now + MIN_EXPIRY_SECONDS - 10) {
    throw invalidRequest(
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      "expires_at",
    );
  }
  if (expiresAt > now + MAX_EXPIRY_SECONDS) {
    throw invalidRequest(
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      "expires_at",
    );
  }
  const lineItems = params.line_items.map((item, index) => resolveLineItem(ctx, item, index));
  validateModeRules(params, lineItems);
  const currencyCode = lineItems[0]?.currency ?? "eur";
  const trial = validateSubscriptionData(ctx, params, nowFor(ctx, customer?.id));
  // With a trial nothing is due today: the session's total is 0.
  const amountTotal = trial ? 0 : lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  const minimum = minimumChargeAmount(currencyCode);
  if (!trial && amountTotal < minimum) {
    throw invalidRequest(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currencyCode)} ${currencyCode}`,
      "line_items",
    );
  }
  checkDiscountParams(params);
  const methodTypes = params.allowed_payment_method_types ?? ["card"];
  if (methodTypes.includes("sepa_debit")) {
    if (mode !== "payment") {
      throw invalidRequest(
        "The Stapel Stripe sandbox models sepa_debit in `payment` mode only.",
        "allowed_payment_method_types",
      );
    }
    if (currencyCode !== "eur") {
      throw invalidRequest(
        `The currency provided (${currencyCode}) is invalid for one or more payment method types: sepa_debit.`,
        "allowed_payment_method_types",
      );
    }
  }

  const session = buildCheckoutSession({
    mode,
    currency: currencyCode,
    amountTotal,
    customer: customer?.id ?? null,
    customerEmail: params.customer_email ?? null,
    customerCreation: mode === "payment" ? (params.customer_creation ?? "if_required") : null,
    clientReferenceId: params.client_reference_id ?? null,
    metadata: params.metadata ?? {},
    successUrl: params.success_url ?? null,
    cancelUrl: params.cancel_url ?? null,
    expiresAt,
    locale: params.locale ?? null,
    submitType: params.submit_type ?? null,
    urlTemplate: `${ctx.publicBaseUrl()}/c/pay/{id}`,
    paymentMethodTypes: methodTypes,
    allowedPaymentMethodTypes: params.allowed_payment_method_types ?? null,
  });
  session.allow_promotion_codes = params.allow_promotion_codes ?? null;
  const pid = params.payment_intent_data;
  const record: SessionRecord = {
    session,
    lineItems,
    paymentIntentData: {
      metadata: pid?.metadata ?? {},
      description: pid?.description ?? null,
      applicationFeeAmount: pid?.application_fee_amount ?? null,
      transferDestination: pid?.transfer_data?.destination ?? null,
      receiptEmail: pid?.receipt_email ?? null,
    },
    subscriptionData: {
      metadata: params.subscription_data?.metadata ?? {},
      description: params.subscription_data?.description ?? null,
      trialPeriodDays: params.subscription_data?.trial_period_days ?? null,
      trialEnd: params.subscription_data?.trial_end ?? null,
      applicationFeePercent: params.subscription_data?.application_fee_percent ?? null,
      transferDestination: params.subscription_data?.transfer_data?.destination ?? null,
      transferAmountPercent: params.subscription_data?.transfer_data?.amount_percent ?? null,
    },
    customerCreation:
      session.customer_creation === "always" ? "always" : mode === "payment" ? "if_required" : null,
  };
  const discount = params.discounts?.[0];
  if (discount) {
    const resolved = resolveDiscount(ctx, discount, "discounts[0]");
    checkRedeemable(ctx, record, resolved, "discounts[0]");
    applyDiscount(record, resolved);
    // A discount may make the order free (Stripe then collects nothing), never less than the minimum.
    const discounted = session.amount_total ?? 0;
    if (discounted > 0 && discounted < minimum) {
      throw invalidRequest(
        `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currencyCode)} ${currencyCode}`,
        "discounts[0]",
      );
    }
  }
  validateConnect(ctx, params, session.amount_total ?? 0);
  ctx.store.sessions.set(session.id, record);
  ctx.store.markDirty();
  return record;
}

/** `discounts` and `allow_promotion_codes` exclude each other; one discount per session here. */
function checkDiscountParams(params: CreateParams): void {
  if (!params.discounts || params.discounts.length === 0) return;
  if (params.allow_promotion_codes !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: allow_promotion_codes, discounts.",
      "allow_promotion_codes",
    );
  }
  if (params.discounts.length > 1) {
    throw invalidRequest("You may only specify one discount per Checkout Session.", "discounts");
  }
}
