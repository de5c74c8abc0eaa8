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
  "email.change.subject": "Confirm your new email address for Stapel",
  "email.change.body":
    "Someone signed in to the Stapel account {current} asked to use this address for it from now on. Click the button to confirm. The link works once and expires in {minutes} minutes.",
  "email.change.button": "Use this address",
  "email.change.paste": "Or paste this link into your browser: {url}",
  "email.change.ignore": "If you did not ask for this, ignore this email: nothing changes.",
  "email.notice.subject": "Someone asked to move your Stapel account",
  "email.notice.preview": "Someone asked to move your Stapel account to another address",
  "email.notice.body":
    "Someone signed in to your Stapel account asked to move it to {email}. The account moves only if the link sent to that address is followed within {minutes} minutes.",
  "email.notice.action":
    "If it wasn't you, sign in and choose “Sign out everywhere else” on your account settings ({url}): that ends every other session and withdraws the move. Until the link is followed, your account stays at this address.",
} as const;
