/** Changing a subscription's plan (account/subscriptions/:id): choices, preview, refusals. */
export const planChangeEn = {
  "planChange.metaTitle": "Change plan · Your account · Stapel",
  "planChange.heading": "Change plan",
  "planChange.now": "Now: {plan} by {shop}",
  "planChange.noOther": "{shop} offers no other plan or price in your currency.",
  "planChange.newPlan": "New plan",
  "planChange.current": "(current)",
  "planChange.preview": "Preview change",
  "planChange.what": "What changes",
  "planChange.target": "{plan} at {price}.",
  "planChange.lines": "Lines of the invoice the change creates",
  "planChange.line": "Line",
  "planChange.amount": "Amount",
  "planChange.dueNow": "Due now: {amount}",
  "planChange.credit":
    "The unused part of your current plan is more than the new plan costs for the rest of the period: the difference is kept as credit for your next payments.",
  "planChange.confirm": "Confirm change",
} as const;
