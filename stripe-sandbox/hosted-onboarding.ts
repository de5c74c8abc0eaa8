import type Stripe from "stripe";
import type { SandboxContext } from "./context.ts";
import { previousAttributes } from "./diff.ts";
import type { HtmlResponse } from "./hosted-checkout.ts";
import { nowSeconds } from "./ids.ts";
import { NO_REQUIREMENTS, openRequirements, PARTIAL_REQUIREMENTS } from "./objects/connect.ts";
import { renderOnboardingPage } from "./pages/onboarding-page.ts";
import { snapshot } from "./store.ts";

/**
 * The hosted Connect onboarding page an account link opens (`/setup/e/:account/:token`). Stripe's
 * real page collects identity and bank details; this one offers the two outcomes an integration must
 * handle: onboarding completed (charges and payouts enabled, nothing due) or left with requirements
 * open. Either way the seller is sent to the link's `return_url` and `account.updated` follows.
 * A link works once and for a few minutes: expired or visited again, it sends the browser to its
 * `refresh_url`, where the platform makes a new link.
 */

const html = (status: number, body: string): HtmlResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  body,
});
const redirect = (status: 302 | 303, location: string): HtmlResponse => ({
  status,
  headers: { Location: location, "Cache-Control": "no-store" },
  body: "",
});

export type OnboardingOutcome = "complete" | "leave-open";

/** Applies an onboarding outcome to the account and emits `account.updated` with what changed. */
export function applyOnboarding(
  ctx: SandboxContext,
  account: Stripe.Account,
  outcome: OnboardingOutcome,
): void {
  const before = snapshot(account);
  const now = nowSeconds();
  const capabilities = Object.fromEntries(
    Object.keys(account.capabilities ?? {}).map((name) => [
      name,
      outcome === "complete" ? "active" : "inactive",
    ]),
  );
  Object.assign(account, {
    business_type: account.business_type ?? "individual",
    capabilities: capabilities as Stripe.Account.Capabilities,
    charges_enabled: outcome === "complete",
    payouts_enabled: outcome === "complete",
    details_submitted: outcome === "complete",
    requirements: outcome === "complete" ? { ...NO_REQUIREMENTS } : openRequirements(PARTIAL_REQUIREMENTS),
    tos_acceptance: { date: now, ip: "127.0.0.1", user_agent: "Stapel sandbox onboarding" },
  } satisfies Partial<Stripe.Account>);
  const previous = previousAttributes(before, account);
  ctx.store.markDirty();
  if (previous) ctx.emit("account.updated", account, { previous, created: now });
}

export function handleHostedOnboarding(
  ctx: SandboxContext,
  method: string,
  accountId: string,
  token: string,
  body: string,
): HtmlResponse {
  const link = ctx.store.accountLinks.get(token);
  const account = ctx.store.accounts.get(accountId);
  if (!link || !account || link.account !== accountId) {
    return html(404, renderOnboardingPage({ error: "This onboarding link is not valid." }));
  }
  const spent = link.used || nowSeconds() >= link.expiresAt;
  if (method === "GET") {
    if (spent || link.visited) return redirect(302, link.refreshUrl);
    link.visited = true;
    ctx.store.markDirty();
    return html(200, renderOnboardingPage({ account, action: `/setup/e/${account.id}/${token}` }));
  }
  if (spent) return redirect(303, link.refreshUrl);
  const outcome = new URLSearchParams(body).get("outcome");
  if (outcome !== "complete" && outcome !== "leave-open") {
    return html(
      400,
      renderOnboardingPage({
        account,
        action: `/setup/e/${account.id}/${token}`,
        error: "Choose how onboarding ends.",
      }),
    );
  }
  link.used = true;
  applyOnboarding(ctx, account, outcome);
  return redirect(303, link.returnUrl);
}
