/**
 * Emails to buyers, in the language of the request that caused them (the sign-in form's page, the
 * checkout the buyer started: its Stripe session carries `metadata.lang`). Rendered when queued.
 */
export const emailsEn = {
  "email.footer": "You get this email because of activity on your Stapel account.",
  "email.magic.subject": "Your Stapel sign-in link",
  "email.magic.body":
    "Click the button to sign in to Stapel. The link works once and expires in {minutes} minutes.",
  "email.magic.button": "Sign in to Stapel",
  "email.magic.paste": "Or paste this link into your browser: {url}",
  "email.magic.ignore": "If you did not ask to sign in, ignore this email.",
  "email.receipt.subject": "Your purchase from {shop}",
  "email.receipt.body": "Thank you for your purchase from {shop}. Your items are ready in your library.",
  "email.receipt.tier": "{title} ({tier} licence)",
  "email.receipt.key": " (licence key {key})",
  "email.receipt.total": "Total paid: {total}",
  "email.receipt.order": "Order {id}",
  "email.receipt.button": "Open your library",
} as const;
