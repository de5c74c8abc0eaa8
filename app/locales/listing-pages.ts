/**
 * The pages hanging off a listing: the review form, the report forms, all reviews. The listing page's
 * own words (examples, the sticky bar, reviews) are in `en-core.ts`, the part its browser loads.
 */
export const listingPagesEn = {
  "reviewForm.metaTitle": "Review {title} · Stapel",
  "reviewForm.metaTitleBare": "Review · Stapel",
  "reviewForm.intro":
    "of {title} by {shop}. Your name and review are shown on the listing page with a “Verified purchase” badge; the seller can reply once.",
  "reviewForm.hidden": "An admin has hidden this review after reports: it is not shown and does not count.",
  "reviewForm.rating": "Your rating",
  "reviewForm.body": "Your review",
  "reviewForm.bodyHint": "What did it do for you? 10 to {max} characters.",
  "reviewForm.proof": "An output you made with it (optional)",
  "reviewForm.proofHint": "Paste a result as proof for other buyers. Text only; leave out anything private.",
  "reviewForm.image": "An image you made with it (optional)",
  "reviewForm.imageNow": "Your image now. Choose a new one to replace it.",
  "reviewForm.imageFile": "Image file",
  "reviewForm.imageHint":
    "PNG, JPEG, WebP or GIF, at most 5 MB. We store a copy without its metadata (no location).",
  "reviewForm.imageAlt": "Describe the image for people who cannot see it (alt text)",
  "reviewForm.imageRemove": "Remove the image",
  "reviewForm.save": "Save your review",
  "reviewForm.post": "Post your review",

  "allReviews.metaTitle": "Reviews of {title} · Stapel",
  "allReviews.metaTitleBare": "Reviews · Stapel",
  "allReviews.heading": "Reviews of {title}",
  "allReviews.noMore": "No more reviews.",
  "allReviews.pages": "Review pages",
  "allReviews.newer": "Newer reviews",
  "allReviews.older": "Older reviews",

  "report.metaTitle": "Report {title} · Stapel",
  "report.metaTitleBare": "Report a listing · Stapel",
  "report.heading": "Report this listing",
  "report.done":
    "Thank you for telling us. An admin reviews every report; if we need more from you, we will write to you.",
  "report.intro":
    "Tell us if {title} by {shop} copies someone else's work, is abusive or harmful, or breaks the rules in another way. An admin reviews every report and can take the listing down.",
  "report.what": "What is wrong?",
  "report.kind.COPYRIGHT": "It copies someone else's work (copyright)",
  "report.kind.ABUSE": "It is abusive, harmful or a scam",
  "report.kind.OTHER": "Something else",
  "report.details": "Details",
  "report.detailsHint": "What is copied, from where (a link helps), or what is harmful.",
  "report.replyTo": "We will reply to {email} if we need to.",
  "report.email": "Your email address",
  "report.send": "Send the report",

  "reviewReport.metaTitle": "Report a review · Stapel",
  "reviewReport.heading": "Report a review",
  "reviewReport.done": "Thank you. An admin will look at this review; you will not need to do anything else.",
  "reviewReport.reason": "What is wrong with this review?",
  "reviewReport.reasonHint": "For example: it is spam, abusive, off-topic, or not about this listing.",
  "reviewReport.send": "Report this review",
} as const;
