import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import type { SandboxContext } from "../context.ts";
import { invalidRequest, resourceMissing } from "../errors.ts";
import { render, renderList } from "../expand.ts";
import { nowSeconds } from "../ids.ts";
import { paginate } from "../list.ts";
import { buildAccount, PLATFORM_COUNTRY } from "../objects/connect.ts";
import {
  bool,
  createdFilter,
  email,
  expandParam,
  listParams,
  metadata,
  oneOf,
  parseParams,
  str,
  url,
} from "../params.ts";
import type { Route } from "../router.ts";
import { unsupported } from "./checkout-params.ts";

/**
 * Stripe Connect on the platform: connected accounts, account links (the hosted onboarding page is
 * in hosted-onboarding.ts), and the transfers, application fees and balance transactions of
 * destination charges.
 */

/** Account links stop working a few minutes after creation (Stripe does not publish the exact time). */
const ACCOUNT_LINK_TTL_SECONDS = 300;

const capability = z.strictObject({ requested: bool() });

const createAccountSchema = z.strictObject({
  type: oneOf(["custom", "express", "standard"]).optional(),
  country: str()
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z]{2}$/.test(value), { error: "Invalid country: {value}" })
    .optional(),
  email: email().optional(),
  business_type: oneOf(["company", "government_entity", "individual", "non_profit"]).optional(),
  capabilities: z.record(z.string(), capability).optional(),
  controller: z
    .strictObject({
      fees: z.strictObject({ payer: oneOf(["account", "application"]) }).optional(),
      losses: z.strictObject({ payments: oneOf(["application", "stripe"]) }).optional(),
      requirement_collection: oneOf(["application", "stripe"]).optional(),
      stripe_dashboard: z.strictObject({ type: oneOf(["express", "full", "none"]) }).optional(),
    })
    .optional(),
  metadata: metadata().optional(),
  expand: expandParam().optional(),
  business_profile: unsupported(),
  company: unsupported(),
  default_currency: unsupported(),
  documents: unsupported(),
  external_account: unsupported(),
  individual: unsupported(),
  settings: unsupported(),
  tos_acceptance: unsupported(),
});

const accountLinkSchema = z.strictObject({
  account: str(),
  type: oneOf(["account_onboarding", "account_update"]),
  refresh_url: url().optional(),
  return_url: url().optional(),
  collect: oneOf(["currently_due", "eventually_due"]).optional(),
  collection_options: unsupported(),
  expand: expandParam().optional(),
});

const retrieveSchema = z.strictObject({ expand: expandParam().optional() });
const listSchema = z.strictObject({ ...listParams, created: createdFilter().optional() });
const transferListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  destination: str().optional(),
  transfer_group: str().optional(),
});
const feeListSchema = z.strictObject({
  ...listParams,
  created: createdFilter().optional(),
  charge: str().optional(),
});

export function findAccount(ctx: SandboxContext, id: string, param = "id"): Stripe.Account {
  const account = ctx.store.accounts.get(id);
  if (!account) throw resourceMissing("account", id, param);
  return account;
}

function createAccount(ctx: SandboxContext, params: z.output<typeof createAccountSchema>): Stripe.Account {
  if (params.type && params.controller) {
    throw invalidRequest(
      "You may only specify one of these parameters: type, controller.",
      "controller",
      "parameters_exclusive",
    );
  }
  const expressLike =
    params.type === "express" ||
    (params.controller?.stripe_dashboard?.type === "express" &&
      params.controller.fees?.payer === "application");
  const type: Stripe.Account.Type =
    params.type ?? (expressLike ? "express" : params.controller ? "none" : "standard");
  const requested = Object.entries(params.capabilities ?? {})
    .filter(([, value]) => value.requested)
    .map(([name]) => name);
  const controller: Stripe.Account.Controller | undefined = params.controller
    ? {
        fees: { payer: params.controller.fees?.payer ?? "account" },
        is_controller: true,
        losses: { payments: params.controller.losses?.payments ?? "stripe" },
        requirement_collection: params.controller.requirement_collection ?? "stripe",
        stripe_dashboard: { type: params.controller.stripe_dashboard?.type ?? "full" },
        type: "application",
      }
    : undefined;
  const account = buildAccount({
    type,
    country: params.country ?? PLATFORM_COUNTRY,
    email: params.email ?? null,
    businessType: params.business_type ?? null,
    requested,
    metadata: params.metadata ?? {},
    controller,
  });
  ctx.store.accounts.set(account.id, account);
  ctx.store.markDirty();
  return account;
}

function createAccountLink(
  ctx: SandboxContext,
  params: z.output<typeof accountLinkSchema>,
): Stripe.AccountLink {
  const account = findAccount(ctx, params.account, "account");
  if (!params.refresh_url)
    throw invalidRequest("Missing required param: refresh_url.", "refresh_url", "parameter_missing");
  if (!params.return_url)
    throw invalidRequest("Missing required param: return_url.", "return_url", "parameter_missing");
  if (params.type === "account_update" && account.type !== "custom") {
    throw invalidRequest(
      "You cannot create `account_update` type Account Links for accounts that are not Custom accounts.",
      "type",
    );
  }
  const created = nowSeconds();
  const token = randomBytes(18).toString("base64url");
  ctx.store.accountLinks.set(token, {
    token,
    account: account.id,
    type: params.type,
    refreshUrl: params.refresh_url,
    returnUrl: params.return_url,
    created,
    expiresAt: created + ACCOUNT_LINK_TTL_SECONDS,
    visited: false,
    used: false,
  });
  ctx.store.markDirty();
  return {
    object: "account_link",
    created,
    expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
    url: `${ctx.publicBaseUrl()}/setup/e/${account.id}/${token}`,
  };
}

const newestFirst = <T extends { created?: number }>(items: Iterable<T>) => [...items].reverse();

export const connectRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/accounts",
    handler: (ctx, req) => {
      const params = parseParams(createAccountSchema, req.input);
      return render(ctx.store, createAccount(ctx, params), params.expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/accounts/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      return render(ctx.store, findAccount(ctx, req.params.id ?? ""), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/accounts",
    handler: (ctx, req) => {
      const { expand, ...page } = parseParams(listSchema, req.input);
      return renderList(
        ctx.store,
        paginate(newestFirst(ctx.store.accounts.values()), page, "/v1/accounts"),
        expand,
      );
    },
  },
  {
    method: "POST",
    pattern: "/v1/account_links",
    handler: (ctx, req) => {
      return createAccountLink(ctx, parseParams(accountLinkSchema, req.input));
    },
  },
  {
    method: "GET",
    pattern: "/v1/transfers/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const id = req.params.id ?? "";
      const transfer = ctx.store.transfers.get(id);
      if (!transfer) throw resourceMissing("transfer", id);
      return render(ctx.store, transfer, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/transfers",
    handler: (ctx, req) => {
      const { expand, destination, transfer_group, ...page } = parseParams(transferListSchema, req.input);
      const transfers = newestFirst(ctx.store.transfers.values()).filter(
        (transfer) =>
          (!destination || transfer.destination === destination) &&
          (!transfer_group || transfer.transfer_group === transfer_group),
      );
      return renderList(ctx.store, paginate(transfers, page, "/v1/transfers"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/application_fees/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const id = req.params.id ?? "";
      const fee = ctx.store.applicationFees.get(id);
      if (!fee) throw resourceMissing("application fee", id);
      return render(ctx.store, fee, expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/application_fees",
    handler: (ctx, req) => {
      const { expand, charge, ...page } = parseParams(feeListSchema, req.input);
      const fees = newestFirst(ctx.store.applicationFees.values()).filter(
        (fee) => !charge || fee.originating_transaction === charge || fee.charge === charge,
      );
      return renderList(ctx.store, paginate(fees, page, "/v1/application_fees"), expand);
    },
  },
  {
    method: "GET",
    pattern: "/v1/balance_transactions/:id",
    handler: (ctx, req) => {
      const { expand } = parseParams(retrieveSchema, req.input);
      const id = req.params.id ?? "";
      const txn = ctx.store.balanceTransactions.get(id);
      if (!txn) throw resourceMissing("balance transaction", id);
      return render(ctx.store, txn, expand);
    },
  },
];
