/** The account settings page: email address, sessions, data export, deleting the account. */
export const settingsEn = {
  "settings.metaTitle": "Settings · Your account · Stapel",
  "settings.heading": "Settings",
  "settings.email.heading": "Email address",
  "settings.email.intro":
    "You sign in with this address and receive receipts there. To change it, enter the new one: we email it a link, and your account moves when you follow it (within an hour). Your current address gets a notice.",
  "settings.email.pending":
    "A link was sent to {email}. Follow it to move your account there; asking again sends a new link.",
  "settings.email.new": "New email address",
  "settings.email.send": "Send confirmation link",
  "settings.sessions.heading": "Where you're signed in",
  "settings.sessions.unknown": "Unknown browser",
  "settings.sessions.this": "This device",
  "settings.sessions.since": "Signed in {day}",
  "settings.sessions.only": "You are signed in on this device only.",
  "settings.sessions.one":
    "Signs out the other session at its next page load, and withdraws a pending email change. This device stays signed in.",
  "settings.sessions.other":
    "Signs out the {count} other sessions at their next page load, and withdraws a pending email change. This device stays signed in.",
  "settings.sessions.signOut": "Sign out everywhere else",
  "settings.data.heading": "Your data",
  "settings.data.intro":
    "Download everything Stapel keeps about your account as one JSON file: your profile, orders with their items and refunds, your library's entitlements, licence keys with their activations, subscriptions, invoices, reviews, downloads and sign-in sessions. Five downloads an hour.",
  "settings.data.download": "Download my data (JSON)",
  "settings.delete.heading": "Delete your account",
  "settings.delete.shop":
    "Your account runs a shop. Close your shop first: its buyers, listings and payouts depend on it, and this page does not delete shops. Write to support to close it; then you can delete your account here.",
  "settings.delete.warning": "This cannot be undone. Deleting your account:",
  "settings.delete.subscriptions": "cancels your subscriptions at once, with no further charges;",
  "settings.delete.library": "ends your access to your library and disables your licence keys;",
  "settings.delete.signOut": "signs you out everywhere and removes your email address and name.",
  "settings.delete.kept":
    "Orders are kept, without your email address, because the law requires sellers' sales records. Your reviews stay, shown as by “Deleted user”. Signing in with this address later starts a new, empty account. Download your data first if you want a copy.",
  "settings.delete.confirm": "Type {email} to confirm",
  "settings.delete.submit": "Delete my account",
} as const;
