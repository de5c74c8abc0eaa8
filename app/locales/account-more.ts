/** The account's leaving and moving pages (deleted, email change) and freeing a key's device. */
export const accountMoreEn = {
  "deleted.metaTitle": "Account deleted · Stapel",
  "deleted.heading": "Your account is deleted",
  "deleted.body":
    "You are signed out everywhere, your subscriptions are cancelled and your licence keys no longer work. Your email address and name are gone from Stapel; orders are kept without them, as the law requires.",
  "deleted.goodbye": "Thank you for using Stapel. Goodbye!",

  "emailChange.metaTitle": "Confirm your new email address · Stapel",
  "emailChange.moved": "Your account now uses {email}",
  "emailChange.movedBody": "Sign in with {email} from now on. Every other session was signed out.",
  "emailChange.movedBodyHere":
    "Sign in with {email} from now on. Every other session was signed out; this one stays signed in.",
  "emailChange.backToSettings": "Back to your settings",
  "emailChange.signIn": "Sign in",
  "emailChange.dead": "This link no longer works",
  "emailChange.deadBody":
    "Email change links work once and expire after an hour; your account keeps its address. Ask for a new link on your account settings.",
  "emailChange.settings": "Account settings",
  "emailChange.confirm": "Move your account to {email}?",
  "emailChange.confirmBody":
    "The Stapel account {current} will use {email} to sign in and for receipts. Other sessions are signed out.",
  "emailChange.use": "Use {email}",

  "freeDevice.metaTitle": "Free a device · Stapel",
  "freeDevice.failed": "The device was not freed",
  "freeDevice.nothing": "Nothing to free",
  "freeDevice.missing": "Something was missing.",
  "freeDevice.how": "Open an item in your library and press “Free this device” next to the device to free.",
  "freeDevice.library": "Your library",
  "settings.language.heading": "Language for emails",
  "settings.language.intro":
    "Refunds, gifts, plan renewals, review replies and news about things you own are written in this language. Switching the site's language while signed in changes it too.",
  "settings.language.legend": "Write my emails in",
  "settings.language.save": "Save language",
  "settings.language.saved": "Saved: your emails will be in the language you chose.",
} as const;
