import type Stripe from "stripe";
import { escapeHtml, layout } from "./layout.ts";

/** The hosted Connect onboarding page: who is onboarding, what is due, and the two ways it ends. */
export function renderOnboardingPage(view: {
  account?: Stripe.Account;
  action?: string;
  error?: string;
}): string {
  const { account, action, error } = view;
  const due = account?.requirements?.currently_due ?? [];
  const body = `<main>
<section class="wide" aria-labelledby="onboarding-heading">
<h1 id="onboarding-heading">Set up payouts${account ? ` · <code>${escapeHtml(account.id)}</code>` : ""}</h1>
${error ? `<div role="alert">${escapeHtml(error)}</div>` : ""}
${
  account && action
    ? `<p>Stripe Connect Express onboarding (test mode). ${account.email ? `Account email: ${escapeHtml(account.email)}. ` : ""}Country: ${escapeHtml(account.country ?? "")}.</p>
<p>Still due: ${due.length ? due.map((item) => `<code>${escapeHtml(item)}</code>`).join(", ") : "nothing"}</p>
<div class="actions">
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="outcome" value="complete">
<button type="submit">Complete onboarding (test data)</button>
</form>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="outcome" value="leave-open">
<button type="submit" class="secondary">Leave requirements open (no bank account, no ID document)</button>
</form>
</div>`
    : ""
}
</section>
</main>`;
  return layout("Connect onboarding · Stapel Stripe sandbox (test mode)", body);
}
