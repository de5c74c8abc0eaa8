import type Stripe from "stripe";
import { z } from "zod";
import { expireIfDue, expireSession } from "../checkout-flow.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { nowSeconds } from "../ids.ts";
import { paginate } from "../list.ts";
import { formatAmount, minimumChargeAmount } from "../money.ts";
import { buildPrice, buildProduct } from "../objects/catalog.ts";
import { buildCheckoutSession, buildLineItem } from "../objects/checkout-session.ts";
import {
  bool,
  currency,
  email,
  expandParam,
  int,
  list,
  listParams,
  metadata,
  oneOf,
  paramName,
  parseParams,
  str,
  url,
} from "../params.ts";
import type { Route } from "../router.ts";
import type { SessionRecord } from "../store.ts";
import { findCustomer } from "./customers.ts";

/** A Stripe parameter this sandbox does not model: refused loudly rather than silently ignored. */
const unsupported = () =>
  z
    .unknown()
    .refine(() => false, {
      error:
        "The Stapel Stripe sandbox does not support {param} yet; extend stripe-sandbox/ if the app needs it.",
    })
    .optional();

const UNSUPPORTED_SESSION_PARAMS = [
  "adaptive_pricing",
  "after_expiration",
  "allowed_payment_method_types",
  "branding_settings",
  "consent_collection",
  "currency",
  "custom_fields",
  "custom_text",
  "customer_account",
  "customer_update",
  "discounts",
  "excluded_payment_method_types",
  "integration_identifier",
  "invoice_creation",
  "managed_payments",
  "name_collection",
  "optional_items",
  "origin_context",
  "payment_method_collection",
  "payment_method_configuration",
  "payment_method_data",
  "payment_method_options",
  "permissions",
  "phone_number_collection",
  "redirect_on_completion",
  "return_url",
  "saved_payment_method_options",
  "setup_intent_data",
  "shipping_address_collection",
  "shipping_options",
  "tax_id_collection",
  "wallet_options",
] as const;

const productData = z.strictObject({
  name: str(),
  description: str().optional(),
  metadata: metadata().optional(),
  images: list(url()).optional(),
  tax_code: unsupported(),
  unit_label: str().optional(),
});

const priceData = z.strictObject({
  currency: currency(),
  unit_amount: int(0).optional(),
  unit_amount_decimal: unsupported(),
  product: str().optional(),
  product_data: productData.optional(),
  recurring: z
    .strictObject({ interval: oneOf(["day", "week", "month", "year"]), interval_count: int(1).optional() })
    .optional(),
  tax_behavior: oneOf(["exclusive", "inclusive", "unspecified"]).optional(),
});

const lineItem = z.strictObject({
  price: str().optional(),
  price_data: priceData.optional(),
  quantity: int(1).optional(),
  metadata: metadata().optional(),
  adjustable_quantity: unsupported(),
  dynamic_tax_rates: unsupported(),
  tax_rates: unsupported(),
});

const createSchema = z.strictObject({
  mode: oneOf(["payment", "subscription", "setup"]),
  line_items: list(lineItem).optional(),
  customer: str().optional(),
  customer_email: email().optional(),
  customer_creation: oneOf(["always", "if_required"]).optional(),
  client_reference_id: str()
    .refine((value) => value.length <= 200, { error: "client_reference_id must be at most 200 characters" })
    .optional(),
  metadata: metadata().optional(),
  success_url: url().optional(),
  cancel_url: url().optional(),
  expires_at: int(0).optional(),
  locale: str().optional(),
  submit_type: oneOf(["auto", "book", "donate", "pay", "subscribe"]).optional(),
  allow_promotion_codes: bool().optional(),
  billing_address_collection: oneOf(["auto", "required"]).optional(),
  payment_method_types: list(oneOf(["card"])).optional(),
  ui_mode: oneOf(["hosted_page"]).optional(),
  automatic_tax: z
    .strictObject({
      enabled: z.literal("false", {
        error: "The Stapel Stripe sandbox does not compute tax: {param} must be false",
      }),
    })
    .optional(),
  payment_intent_data: z
    .strictObject({
      metadata: metadata().optional(),
      description: str().optional(),
      receipt_email: email().optional(),
      application_fee_amount: int(0).optional(),
      transfer_data: z.strictObject({ destination: str(), amount: unsupported() }).optional(),
      statement_descriptor: str().optional(),
      statement_descriptor_suffix: str().optional(),
      capture_method: unsupported(),
      on_behalf_of: unsupported(),
      setup_future_usage: unsupported(),
      shipping: unsupported(),
      transfer_group: unsupported(),
    })
    .optional(),
  subscription_data: z
    .strictObject({
      metadata: metadata().optional(),
      description: str().optional(),
      trial_period_days: unsupported(),
      trial_end: unsupported(),
      application_fee_percent: unsupported(),
      billing_cycle_anchor: unsupported(),
      transfer_data: unsupported(),
    })
    .optional(),
  expand: expandParam().optional(),
  ...Object.fromEntries(UNSUPPORTED_SESSION_PARAMS.map((name) => [name, unsupported()])),
});

type CreateParams = z.output<typeof createSchema>;
type LineItemParams = z.output<typeof lineItem>;

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const listSchema = z.strictObject({
  ...listParams,
  customer: str().optional(),
  payment_intent: str().optional(),
  subscription: str().optional(),
  status: oneOf(["open", "complete", "expired"]).optional(),
});

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

export function findSession(ctx: SandboxContext, id: string): SessionRecord {
  const record = ctx.store.sessions.get(id);
  if (!record) throw resourceMissing("checkout.session", id);
  expireIfDue(ctx, record);
  return record;
}

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

function validateConnect(params: CreateParams, amountTotal: number): void {
  const data = params.payment_intent_data;
  const destination = data?.transfer_data?.destination;
  if (destination !== undefined && !destination.startsWith("acct_")) {
    throw resourceMissing("destination", destination, "payment_intent_data[transfer_data][destination]");
  }
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

function createSession(ctx: SandboxContext, params: CreateParams): SessionRecord {
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
  const amountTotal = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  const minimum = minimumChargeAmount(currencyCode);
  if (amountTotal < minimum) {
    throw invalidRequest(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currencyCode)} ${currencyCode}`,
      "line_items",
    );
  }
  validateConnect(params, amountTotal);

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
  });
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
    },
    customerCreation:
      session.customer_creation === "always" ? "always" : mode === "payment" ? "if_required" : null,
  };
  ctx.store.sessions.set(session.id, record);
  ctx.store.markDirty();
  return record;
}

export const checkoutSessionRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const params = parseParams(createSchema, req.input);
      return render(ctx.store, createSession(ctx, params).session, params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions",
    handler: (ctx, req) => {
      const { expand, customer, payment_intent, subscription, status, ...page } = parseParams(
        listSchema,
        req.input,
      );
      const sessions = [...ctx.store.sessions.values()]
        .map((record) => {
          expireIfDue(ctx, record);
          return record.session;
        })
        .filter(
          (s) =>
            (!customer || s.customer === customer) &&
            (!payment_intent || s.payment_intent === payment_intent),
        )
        .filter((s) => (!subscription || s.subscription === subscription) && (!status || s.status === status))
        .reverse();
      return renderList(ctx.store, paginate(sessions, page, "/v1/checkout/sessions"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findSession(ctx, req.params.id ?? "").session, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/checkout/sessions/:id/line_items",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(z.strictObject(listParams), req.input);
      const record = findSession(ctx, req.params.id ?? "");
      const url = `/v1/checkout/sessions/${record.session.id}/line_items`;
      return renderList(ctx.store, paginate(record.lineItems, page, url), expand);
    },
  },
  {
    method: "POST",
    pattern: "/v1/checkout/sessions/:id/expire",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const record = findSession(ctx, req.params.id ?? "");
      if (record.session.status !== "open") {
        throw invalidRequest(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
          "session",
        );
      }
      expireSession(ctx, record, eventRequest(req.info));
      return render(ctx.store, record.session, expand);
    },
  },
];
