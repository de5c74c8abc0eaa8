import type Stripe from "stripe";
import { invalidRequest } from "./errors.ts";
import { paginate } from "./list.ts";
import { type Store, snapshot } from "./store.ts";

type Json = Record<string, unknown>;
type Virtual = (store: Store, owner: Json) => unknown;

/** Fields that are not ids but can still be expanded, per object type. */
const VIRTUAL_FIELDS: Record<string, Record<string, Virtual>> = {
  "checkout.session": {
    line_items: (store, owner) => {
      const items = store.sessions.get(String(owner.id))?.lineItems ?? [];
      return paginate(items, {}, `/v1/checkout/sessions/${String(owner.id)}/line_items`);
    },
  },
  invoice: {
    payments: (store, owner) => {
      const payments = [...store.invoicePayments.values()].filter((p) => p.invoice === owner.id);
      return paginate(payments, {}, `/v1/invoice_payments?invoice=${String(owner.id)}`);
    },
  },
  charge: {
    refunds: (store, owner) =>
      paginate(refundsForCharge(store, String(owner.id)), {}, `/v1/charges/${String(owner.id)}/refunds`),
  },
};

export function refundsForCharge(store: Store, chargeId: string): Stripe.Refund[] {
  return [...store.refunds.values()].filter((refund) => refund.charge === chargeId).reverse();
}

/**
 * Returns a copy of `object` ready to send: ids named in `expand` (dot paths such as
 * `payment_intent.latest_charge`) replaced by the objects they point at. Stored state is never touched.
 */
export function render<T>(store: Store, object: T, expand: readonly string[] = []): T {
  const copy = snapshot(object);
  for (const path of expand) expandPath(store, copy as Json, path.split("."), path);
  return copy;
}

function expandPath(store: Store, owner: Json, path: string[], full: string): void {
  const [field, ...rest] = path;
  if (!field) return;
  let value = owner[field];
  const virtual = VIRTUAL_FIELDS[String(owner.object)]?.[field];
  if (virtual && (value === undefined || value === null || typeof value === "object")) {
    value = snapshot(virtual(store, owner));
    owner[field] = value;
  } else if (typeof value === "string") {
    const found = store.findById(value);
    if (found === undefined) throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
    value = snapshot(found);
    owner[field] = value;
  } else if (value === undefined) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
  }
  if (rest.length === 0 || value === null || typeof value !== "object") return;
  if (rest[0] === "data" && Array.isArray((value as Json).data)) {
    for (const item of (value as { data: Json[] }).data) expandPath(store, item, rest.slice(1), full);
    return;
  }
  expandPath(store, value as Json, rest, full);
}

/** For list endpoints: `expand[]=data.customer` expands inside each element. */
export function renderList<T>(
  store: Store,
  list: Stripe.ApiList<T>,
  expand: readonly string[] = [],
): Stripe.ApiList<T> {
  const inner = expand.filter((path) => path.startsWith("data.")).map((path) => path.slice(5));
  return { ...list, data: list.data.map((item) => render(store, item, inner)) };
}
