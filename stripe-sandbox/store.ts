import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import Stripe from "stripe";

/** What a Checkout Session carries beyond the public object: its line items and PaymentIntent data. */
export interface SessionRecord {
  session: Stripe.Checkout.Session;
  lineItems: Stripe.LineItem[];
  paymentIntentData: {
    metadata: Stripe.Metadata;
    description: string | null;
    applicationFeeAmount: number | null;
    transferDestination: string | null;
    receiptEmail: string | null;
  };
  subscriptionData: {
    metadata: Stripe.Metadata;
    description: string | null;
    trialPeriodDays?: number | null;
    trialEnd?: number | null;
    applicationFeePercent?: number | null;
    transferDestination?: string | null;
    transferAmountPercent?: number | null;
  };
  customerCreation: "always" | "if_required" | null;
}

/** What the billing engine remembers about a subscription beyond the public object. */
export interface SubscriptionState {
  /** `customer.subscription.trial_will_end` was sent for the current trial. */
  trialWillEndSent: boolean;
  /** A renewal invoice waiting in draft; Stripe finalizes and charges it an hour after creating it. */
  draftInvoice: { id: string; finalizeAt: number } | null;
  /** Smart-retry state of the open invoice whose payment failed. */
  dunning: { invoice: string; firstFailedAt: number; retriesDone: number } | null;
  /** The subscription's discount (from Checkout's `discounts[]`); `subscription.discounts` holds its id. */
  discount?: Stripe.Discount | null;
}

export interface IdempotentRecord {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  created: number;
}

/** Every table the sandbox keeps, keyed by object id. Events are kept oldest first. */
export interface Tables {
  customers: Map<string, Stripe.Customer>;
  products: Map<string, Stripe.Product>;
  prices: Map<string, Stripe.Price>;
  sessions: Map<string, SessionRecord>;
  paymentIntents: Map<string, Stripe.PaymentIntent>;
  charges: Map<string, Stripe.Charge>;
  refunds: Map<string, Stripe.Refund>;
  subscriptions: Map<string, Stripe.Subscription>;
  invoices: Map<string, Stripe.Invoice>;
  invoiceItems: Map<string, Stripe.InvoiceItem>;
  invoicePayments: Map<string, Stripe.InvoicePayment>;
  paymentMethods: Map<string, Stripe.PaymentMethod>;
  disputes: Map<string, Stripe.Dispute>;
  testClocks: Map<string, Stripe.TestHelpers.TestClock>;
  portalConfigurations: Map<string, Stripe.BillingPortal.Configuration>;
  portalSessions: Map<string, Stripe.BillingPortal.Session>;
  subscriptionStates: Map<string, SubscriptionState>;
  idempotency: Map<string, IdempotentRecord>;
  accounts: Map<string, Stripe.Account>;
  accountLinks: Map<string, AccountLinkRecord>;
  transfers: Map<string, Stripe.Transfer>;
  applicationFees: Map<string, Stripe.ApplicationFee>;
  balanceTransactions: Map<string, Stripe.BalanceTransaction>;
  coupons: Map<string, Stripe.Coupon>;
  promotionCodes: Map<string, Stripe.PromotionCode>;
}

/** An account link as the hosted onboarding page needs it (Stripe only returns `url` and times). */
export interface AccountLinkRecord {
  token: string;
  account: string;
  type: "account_onboarding" | "account_update";
  refreshUrl: string;
  returnUrl: string;
  created: number;
  expiresAt: number;
  /** Opened once in a browser: a second visit goes to `refresh_url`, as Stripe's links do. */
  visited: boolean;
  /** The onboarding form was submitted: the link is spent. */
  used: boolean;
}

type TableName = keyof Tables;
const TABLES: TableName[] = [
  "customers",
  "products",
  "prices",
  "sessions",
  "paymentIntents",
  "charges",
  "refunds",
  "subscriptions",
  "invoices",
  "invoiceItems",
  "invoicePayments",
  "paymentMethods",
  "disputes",
  "testClocks",
  "portalConfigurations",
  "portalSessions",
  "subscriptionStates",
  "idempotency",
  "accounts",
  "accountLinks",
  "transfers",
  "applicationFees",
  "balanceTransactions",
  "coupons",
  "promotionCodes",
];

const STATE_VERSION = 1;
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Fields the SDK types as `Stripe.Decimal`; JSON carries them as strings. */
const DECIMAL_FIELDS = new Set([
  "unit_amount_decimal",
  "amount_decimal",
  "quantity_decimal",
  "flat_amount_decimal",
]);

function decimalReviver(key: string, value: unknown): unknown {
  return DECIMAL_FIELDS.has(key) && typeof value === "string" ? Stripe.Decimal.from(value) : value;
}

/** A deep copy through JSON, as the object would look after a trip over the wire. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), decimalReviver) as T;
}

/**
 * In-memory state, optionally mirrored to a JSON file. Mutations mark the store dirty; `flush()`
 * writes the whole state atomically (temp file + rename) so a crash never leaves half a file.
 */
export class Store implements Tables {
  customers = new Map<string, Stripe.Customer>();
  products = new Map<string, Stripe.Product>();
  prices = new Map<string, Stripe.Price>();
  sessions = new Map<string, SessionRecord>();
  paymentIntents = new Map<string, Stripe.PaymentIntent>();
  charges = new Map<string, Stripe.Charge>();
  refunds = new Map<string, Stripe.Refund>();
  subscriptions = new Map<string, Stripe.Subscription>();
  invoices = new Map<string, Stripe.Invoice>();
  invoiceItems = new Map<string, Stripe.InvoiceItem>();
  invoicePayments = new Map<string, Stripe.InvoicePayment>();
  paymentMethods = new Map<string, Stripe.PaymentMethod>();
  disputes = new Map<string, Stripe.Dispute>();
  testClocks = new Map<string, Stripe.TestHelpers.TestClock>();
  portalConfigurations = new Map<string, Stripe.BillingPortal.Configuration>();
  portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  subscriptionStates = new Map<string, SubscriptionState>();
  idempotency = new Map<string, IdempotentRecord>();
  accounts = new Map<string, Stripe.Account>();
  accountLinks = new Map<string, AccountLinkRecord>();
  transfers = new Map<string, Stripe.Transfer>();
  applicationFees = new Map<string, Stripe.ApplicationFee>();
  balanceTransactions = new Map<string, Stripe.BalanceTransaction>();
  coupons = new Map<string, Stripe.Coupon>();
  promotionCodes = new Map<string, Stripe.PromotionCode>();
  events: Stripe.Event[] = [];
  webhookSecret: string | undefined;
  private dirty = false;

  constructor(private readonly statePath?: string) {}

  /** Reads the state file if there is one; a missing file means a fresh start. */
  load(): void {
    if (!this.statePath) return;
    let text: string;
    try {
      text = readFileSync(this.statePath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const data = JSON.parse(text, decimalReviver) as PersistedState;
    if (data.version !== STATE_VERSION) {
      throw new Error(
        `stripe-sandbox: ${this.statePath} has state version ${data.version}, expected ${STATE_VERSION}`,
      );
    }
    for (const name of TABLES) {
      const rows = (data.tables[name] ?? []) as [string, never][];
      (this as unknown as Record<TableName, Map<string, unknown>>)[name] = new Map(rows);
    }
    this.events = data.events ?? [];
    this.webhookSecret = data.webhookSecret;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Writes the state file if anything changed since the last write. */
  flush(): void {
    if (!this.dirty || !this.statePath) {
      this.dirty = false;
      return;
    }
    this.pruneIdempotencyKeys();
    const tables: Partial<Record<TableName, [string, unknown][]>> = {};
    for (const name of TABLES) tables[name] = [...(this[name] as Map<string, unknown>).entries()];
    const state: PersistedState = {
      version: STATE_VERSION,
      webhookSecret: this.webhookSecret,
      tables,
      events: this.events,
    };
    mkdirSync(dirname(this.statePath), { recursive: true });
    const temp = `${this.statePath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, this.statePath);
    this.dirty = false;
  }

  private pruneIdempotencyKeys(): void {
    const cutoff = Math.floor(Date.now() / 1000) - IDEMPOTENCY_TTL_SECONDS;
    for (const [key, record] of this.idempotency) if (record.created < cutoff) this.idempotency.delete(key);
  }

  /** Finds any stored object by id, using Stripe's id prefixes. Used by `expand`. */
  findById(id: string): unknown {
    const table = tableForId(id);
    if (!table) return undefined;
    if (table === "sessions") return this.sessions.get(id)?.session;
    if (table === "events") return this.events.find((event) => event.id === id);
    return (this[table] as Map<string, unknown>).get(id);
  }
}

interface PersistedState {
  version: number;
  webhookSecret: string | undefined;
  tables: Partial<Record<TableName, [string, unknown][]>>;
  events: Stripe.Event[];
}

const PREFIXES: [string, TableName | "events"][] = [
  ["cus_", "customers"],
  ["prod_", "products"],
  ["price_", "prices"],
  ["cs_", "sessions"],
  ["pi_", "paymentIntents"],
  ["ch_", "charges"],
  ["re_", "refunds"],
  ["sub_", "subscriptions"],
  ["in_", "invoices"],
  ["ii_", "invoiceItems"],
  ["inpay_", "invoicePayments"],
  ["pm_", "paymentMethods"],
  ["dp_", "disputes"],
  ["clock_", "testClocks"],
  ["bpc_", "portalConfigurations"],
  ["bps_", "portalSessions"],
  ["evt_", "events"],
  ["acct_", "accounts"],
  ["tr_", "transfers"],
  ["fee_", "applicationFees"],
  ["txn_", "balanceTransactions"],
  ["promo_", "promotionCodes"],
];

type LookupTable = Exclude<TableName, "idempotency" | "subscriptionStates" | "accountLinks"> | "events";

function tableForId(id: string): LookupTable | undefined {
  const found = PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1];
  return found === "idempotency" || found === "subscriptionStates" || found === "accountLinks"
    ? undefined
    : found;
}
