/**
 * Error pages and the messages modules, schemas and loaders write in English. The `msg.*` values
 * are those exact English sentences: `localizeMessage` (modules/i18n/translate.ts) finds a sentence
 * here and shows its German twin, so a module's refusal needs no language of its own. Change a
 * sentence in its module and here together (the i18n-pages test renders the common ones).
 */
export const messagesEn = {
  // Shapes of utils/schemas.ts text() and forms.server.ts refuseRateLimited
  "pattern.tooLong": "{label} can be at most {max} characters",
  "pattern.notText": "{label} must be text",
  "pattern.badCharacters": "{label} contains characters that are not allowed",
  "pattern.rateLimited": "Too many attempts. Try again in {minutes} minute(s).",

  // Field labels inside those shapes
  "msg.label.review": "Your review",
  "msg.label.output": "The output",
  "msg.label.reason": "The reason",
  "msg.label.details": "The details",
  "msg.label.field": "This field",

  // Sentences from loaders, schemas and modules
  "msg.listingNotFound": "This listing does not exist or is no longer for sale.",
  "msg.listingNotAvailable": "This listing does not exist or is no longer available.",
  "msg.listingTakenDown":
    "This listing was taken down after a report and is no longer available. If you bought it, it is still in your library.",
  "msg.reviewNotFound": "This review does not exist.",
  "msg.shopNotFound": "There is no shop with that name.",
  "msg.noSuchPlan": "This shop has no such plan.",
  "msg.planNotFound": "This plan does not exist.",
  "msg.planClosed": "This plan no longer takes new subscribers.",
  "msg.notFree": "This listing is not free: buy it from its page.",
  "msg.notForSale": "This listing is not for sale.",
  "msg.somethingMissing": "Something was missing.",
  "msg.stars": "Choose from 1 to 5 stars",
  "msg.reviewShort": "Your review needs at least 10 characters",
  "msg.reportReasonShort": "Say in a few words what is wrong with this review",
  "msg.reportKind": "Choose what is wrong",
  "msg.reportDetailsShort": "Tell us in a sentence or two what is wrong",
  "msg.reportEmail": "Enter an email address we can reach you at",
  "msg.reportEmailOrSignIn": "Enter an email address we can reach you at, or sign in",
  "msg.emailTooLong": "This email address is too long",
  "msg.emailTooLong2": "That email address is too long",
  "msg.emailInvalid": "Enter a valid email address, like you@example.com",
  "msg.emailMissing": "Enter your email address",
  "msg.newEmailMissing": "Enter the new email address",
  "msg.confirmEmail": "Type your account's email address to confirm",
  "msg.honeypot": "Leave this field empty",
  "msg.chooseButton": "Choose one of the page's buttons",
  "msg.discountCodeChars": "A discount code has only letters, digits, hyphens and underscores",
  "msg.notABuyer": "Only buyers of this listing can review it: reviews here come from verified purchases.",
  "msg.ownListing": "You cannot review your own listing.",
  "msg.refunded": "Your purchase of this listing was refunded or disputed, so it can no longer be reviewed.",
  "msg.throughPlan":
    "You have this listing through a plan. Only buyers of this listing can review it: reviews here come from verified purchases.",
  "msg.alreadyReviewed": "You have already reviewed this listing: edit your review instead.",
  "msg.ownReview": "You cannot report your own review.",
  "msg.alreadyReported": "You have already reported this review. Thank you.",
  "msg.linkIncomplete": "This link is incomplete. Open the link from your email again.",
  "msg.linkInvalid": "This link is not valid. Open the link from your email again.",
  "msg.signInIncomplete": "This sign-in link is incomplete. Open the link from your email again.",
  "msg.signInInvalid": "This sign-in link is not valid. Open the link from your email again.",
  "msg.formUnreadable":
    "This form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data.",
  "msg.formTooLarge": "This form is too large.",
  "msg.formMalformed": "This form could not be read: its body is malformed.",

  // Sentences of the account, plan change, listing, shop and checkout modules: here rather than in
  // their areas, because a German browser looks them up by their English words (this file is the
  // only English it downloads).
  // account
  "msg.receipt.paid": "Paid",
  "msg.receipt.partlyRefunded": "Partly refunded",
  "msg.receipt.refunded": "Refunded",
  "msg.receipt.disputed": "Disputed",
  "msg.receipt.draft": "Draft",
  "msg.receipt.due": "Due",
  "msg.receipt.uncollectible": "Uncollectible",
  "msg.receipt.void": "Void",
  "msg.subs.notFound": "You have no such subscription.",
  "msg.subs.ended": "This subscription has ended: there is nothing left to change.",
  "msg.subs.stripe": "Stripe could not be reached, so nothing was changed. Please try again shortly.",
  "msg.subs.INCOMPLETE": "Payment pending",
  "msg.subs.INCOMPLETE_EXPIRED": "Payment never completed",
  "msg.subs.TRIALING": "On trial",
  "msg.subs.ACTIVE": "Active",
  "msg.subs.PAST_DUE": "Payment overdue",
  "msg.subs.CANCELED": "Cancelled",
  "msg.subs.UNPAID": "Unpaid",
  "msg.subs.PAUSED": "Paused",
  // account-more
  "msg.emailChange.gone": "Your account no longer exists.",
  "msg.emailChange.stripe":
    "Stripe could not be reached, so nothing was changed. Follow the link again shortly.",
  "msg.emailChange.unusable":
    "This link has expired or was already used. Ask for a new one on your account settings.",
  "msg.freeDevice.notActivated": "This device is not activated with your key (it may be freed already).",
  "pattern.emailTaken":
    "{email} already belongs to another Stapel account. Sign in with it, or choose another address.",
  "pattern.emailSame": "Your account already uses {email}.",
  // listing-pages
  "msg.deletedUser": "Deleted user",
  "msg.aBuyer": "A buyer",
  "msg.proofImageFile": "Choose an image file",
  "msg.proofImageSize": "The image can be at most 5 MB",
  "msg.proofImageAlt": "Describe the image in a few words (alt text), for people who cannot see it",
  "msg.label.imageAlt": "The image description",
  // plan-change
  "msg.planChange.notChangeable":
    "This subscription cannot change plan now: resume it if it is cancelling, or settle a failed payment first.",
  "msg.planChange.notOffered": "That plan is not one you can change to. Choose one of the plans listed.",
  "msg.planChange.expired": "The preview is out of date. Preview the change again.",
  "pattern.planChange.declined":
    "Your card was declined for the difference ({reason}), so your plan stays as it was. Update your payment method and try again.",
  // portal
  "msg.signInUsed": "This sign-in link has expired or was already used.",
  // settings
  "msg.settings.signInAgain": "Sign in again first.",
  "msg.settings.noOthers": "There were no other sessions: you are signed in on this device only.",
  "msg.settings.signedOutOne": "Signed out 1 other session. This device stays signed in.",
  "pattern.settings.signedOut": "Signed out {count} other sessions. This device stays signed in.",
  "pattern.settings.linkSent":
    "We sent a link to {email}. Follow it within an hour to move your account there; until then nothing changes.",
  // shop-pages
  "msg.status.cancelling": "Cancelling",
  // prompts/values.ts: the library prompt tool's answers
  "pattern.prompt.tooLong": "At most {max} characters (this has {count}).",
  "msg.prompt.number": "Enter a number, such as 300 or 2.5.",
  "pattern.prompt.choose": "Choose one of: {options}.",
} as const;
