import type Stripe from "stripe";
import { z } from "zod";
import { bookRefund, reverseConnectShares } from "../connect-money.ts";
import { eventRequest, type SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { refundsForCharge, render, renderList } from "../expand.ts";
import { paginate } from "../list.ts";
import { formatAmount } from "../money.ts";
import { buildRefund } from "../objects/payments.ts";
import {
  bool,
  createdFilter,
  expandParam,
  int,
  listParams,
  metadata,
  oneOf,
  parseParams,
  str,
} from "../params.ts";
import type { Route } from "../router.ts";

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });

const refundSchema = z.strictObject({
  payment_intent: str().optional(),
  charge: str().optional(),
  amount: int(1).optional(),
  reason: oneOf(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
  metadata: metadata().optional(),
  refund_application_fee: bool().optional(),
  reverse_transfer: bool().optional(),
  instructions_email: str().optional(),
  expand: expandParam().optional(),
});

const refundListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  charge: str().optional(),
  payment_intent: str().optional(),
});
const intentListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  customer: str().optional(),
});
const chargeListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  customer: str().optional(),
  payment_intent: str().optional(),
});

function findIntent(ctx: SandboxContext, id: string, param = "id"): Stripe.PaymentIntent {
  const intent = ctx.store.paymentIntents.get(id);
  if (!intent) throw resourceMissing("payment_intent", id, param);
  return intent;
}

function findCharge(ctx: SandboxContext, id: string, param = "id"): Stripe.Charge {
  const charge = ctx.store.charges.get(id);
  if (!charge) throw resourceMissing("charge", id, param);
  return charge;
}

/** The charge a refund request points at, directly or through its PaymentIntent. */
function chargeToRefund(ctx: SandboxContext, params: z.output<typeof refundSchema>): Stripe.Charge {
  if (params.charge && params.payment_intent) {
    throw invalidRequest(
      "You may only specify one of these parameters: charge, payment_intent.",
      "payment_intent",
    );
  }
  if (params.payment_intent) {
    const intent = findIntent(ctx, params.payment_intent, "payment_intent");
    const chargeId =
      typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
    if (intent.status !== "succeeded" || !chargeId) {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        "payment_intent",
        "charge_not_refundable",
      );
    }
    return findCharge(ctx, chargeId, "payment_intent");
  }
  if (params.charge) return findCharge(ctx, params.charge, "charge");
  throw invalidRequest(
    "One of `charge` or `payment_intent` is required.",
    "payment_intent",
    "parameter_missing",
  );
}

function createRefund(
  ctx: SandboxContext,
  params: z.output<typeof refundSchema>,
  request: Stripe.Event.Request,
): Stripe.Refund {
  const charge = chargeToRefund(ctx, params);
  if (charge.status !== "succeeded") {
    throw invalidRequest(
      `Charge ${charge.id} has not succeeded and cannot be refunded.`,
      "charge",
      "charge_not_refundable",
    );
  }
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (charge.refunded || remaining <= 0) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      "charge",
      "charge_already_refunded",
    );
  }
  const amount = params.amount ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      "amount",
      "amount_too_large",
    );
  }
  const refund = buildRefund({
    charge,
    amount,
    reason: params.reason ?? null,
    metadata: params.metadata ?? {},
  });
  ctx.store.refunds.set(refund.id, refund);
  const now = refund.created;
  bookRefund(ctx, refund, now);
  // A destination charge: take back the connected account's share and/or give back the fee's.
  const announceConnect = reverseConnectShares(ctx, {
    charge,
    refund,
    reverseTransfer: params.reverse_transfer ?? false,
    refundApplicationFee: params.refund_application_fee ?? false,
    now,
  });
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount_captured;
  ctx.store.markDirty();
  ctx.emit("refund.created", refund, { request });
  ctx.emit("charge.refunded", charge, { previous, request });
  ctx.afterwards(announceConnect);
  return refund;
}

export const paymentRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/payment_intents/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findIntent(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/payment_intents",
    handler: (ctx, req) => {
      const { expand, customer, ...page } = parseParams(intentListSchema, req.input);
      const intents = [...ctx.store.paymentIntents.values()]
        .filter((pi) => !customer || pi.customer === customer)
        .reverse();
      return renderList(ctx.store, paginate(intents, page, "/v1/payment_intents"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/charges/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findCharge(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/charges",
    handler: (ctx, req) => {
      const { expand, customer, payment_intent, ...page } = parseParams(chargeListSchema, req.input);
      const charges = [...ctx.store.charges.values()]
        .filter(
          (ch) =>
            (!customer || ch.customer === customer) &&
            (!payment_intent || ch.payment_intent === payment_intent),
        )
        .reverse();
      return renderList(ctx.store, paginate(charges, page, "/v1/charges"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/charges/:id/refunds",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(z.strictObject(listParams), req.input);
      const charge = findCharge(ctx, req.params.id ?? "");
      return renderList(
        ctx.store,
        paginate(refundsForCharge(ctx.store, charge.id), page, `/v1/charges/${charge.id}/refunds`),
        expand,
      );
    },
  },
  {
    method: "POST",
    pattern: "/v1/refunds",
    handler: (ctx, req) => {
      const params = parseParams(refundSchema, req.input);
      return render(ctx.store, createRefund(ctx, params, eventRequest(req.info)), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/refunds",
    handler: (ctx, req) => {
      const { expand, charge, payment_intent, ...page } = parseParams(refundListSchema, req.input);
      const refunds = [...ctx.store.refunds.values()]
        .filter(
          (re) =>
            (!charge || re.charge === charge) && (!payment_intent || re.payment_intent === payment_intent),
        )
        .reverse();
      return renderList(ctx.store, paginate(refunds, page, "/v1/refunds"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/refunds/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const id = req.params.id ?? "";
      const refund = ctx.store.refunds.get(id);
      if (!refund) throw resourceMissing("refund", id);
      return render(ctx.store, refund, expand);
    },
  },
];
