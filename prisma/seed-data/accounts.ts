import type { AccountSeed, ReviewSeed } from "./types.ts";

/**
 * Demo accounts used by end-to-end tests and the README. The seed buys nothing for the buyer; the
 * launcher subscribes them to DEMO_SUBSCRIPTION at the first start (prisma/demo-subscription.ts).
 */
export const DEMO_BUYER: AccountSeed = { email: "buyer@stapel.test", name: "Demo Buyer", role: "BUYER" };
export const DEMO_ADMIN: AccountSeed = { email: "admin@stapel.test", name: "Stapel Admin", role: "ADMIN" };
/** The demo seller owns the first shop (see shop-maren-writes.ts). */
export const DEMO_SELLER_EMAIL = "seller@stapel.test";

/**
 * The plan the demo buyer subscribes to (prisma/demo-subscription.ts): another seller's, so the
 * demo seller's shop and the listings a first purchase usually picks stay unowned.
 */
export const DEMO_SUBSCRIPTION = {
  buyerEmail: DEMO_BUYER.email,
  shopHandle: "flowsmith",
  planName: "Automation Lab",
  interval: "MONTH",
  currency: "USD",
} as const;

/** Non-demo buyers who left reviews. They own nothing: no orders or entitlements are seeded. */
export const REVIEWERS: AccountSeed[] = [
  { email: "tomas.alvarez@example.com", name: "Tomás Alvarez", role: "BUYER" },
  { email: "aiko.tanaka@example.com", name: "Aiko Tanaka", role: "BUYER" },
  { email: "grace.okafor@example.com", name: "Grace Okafor", role: "BUYER" },
  // A German buyer: emails no request of his causes (review replies, refunds) are in German.
  { email: "felix.brandt@example.com", name: "Felix Brandt", role: "BUYER", locale: "de" },
  { email: "hannah.lee@example.com", name: "Hannah Lee", role: "BUYER" },
];

export const REVIEWS: ReviewSeed[] = [
  {
    listingSlug: "landing-page-copy-architect",
    reviewerEmail: "tomas.alvarez@example.com",
    rating: 5,
    body: "The interview step is the whole point. It asked me about objections I'd never written down, and the FAQ it built from them is the best-converting part of our page.",
    daysAfterPublish: 9,
    proofText:
      "Q: Do I need to migrate my old invoices?\nA: No. Connect your account and the last 24 months come across on their own; nothing to export.\n\nQ: What if my accountant uses another tool?\nA: Send them a read-only link. They see every receipt without an account of their own.",
  },
  {
    listingSlug: "landing-page-copy-architect",
    reviewerEmail: "hannah.lee@example.com",
    rating: 4,
    body: "Very solid structure. The proof check saved me from publishing two claims we couldn't back up. Took a couple of rewrites to get the hero right.",
    daysAfterPublish: 21,
    sellerReply:
      "Thank you, Hannah! Version 2 asks for your audience before the hero, which should save one of those rewrites.",
  },
  {
    listingSlug: "cold-email-sequence-builder",
    reviewerEmail: "felix.brandt@example.com",
    rating: 5,
    body: "Emails are short and don't sound like a template. The break-up email got three replies in the first week.",
    daysAfterPublish: 14,
  },
  {
    listingSlug: "brand-voice-extractor",
    reviewerEmail: "aiko.tanaka@example.com",
    rating: 4,
    body: "Useful voice guide, and the rewrite test is a nice touch. Works best with at least seven samples.",
    daysAfterPublish: 6,
    sellerReply:
      "Good tip. The instructions now say seven samples or more, and the extractor warns below five.",
  },
  {
    listingSlug: "headline-stress-test",
    reviewerEmail: "grace.okafor@example.com",
    rating: 3,
    body: "Does what it says. The scores are a bit generous, but the variations are genuinely better than my originals.",
    daysAfterPublish: 4,
  },
  {
    listingSlug: "nordic-light-product-photography",
    reviewerEmail: "aiko.tanaka@example.com",
    rating: 5,
    body: "Finally product shots that don't look like AI. The parameter notes explained why my earlier attempts looked so plastic.",
    daysAfterPublish: 11,
  },
  {
    listingSlug: "nordic-light-product-photography",
    reviewerEmail: "felix.brandt@example.com",
    rating: 4,
    body: "Great light and mood. Flat lays needed some extra prompting for my jewellery, but the hero setup worked first time.",
    daysAfterPublish: 30,
  },
  {
    listingSlug: "editorial-portrait-lighting-pack",
    reviewerEmail: "hannah.lee@example.com",
    rating: 5,
    body: "The CSV of lighting setups by mood is exactly how I think about a shoot. Rembrandt and rim light prompts are excellent.",
    daysAfterPublish: 17,
  },
  {
    listingSlug: "consistent-characters-childrens-books",
    reviewerEmail: "grace.okafor@example.com",
    rating: 4,
    body: "Character sheet first was the missing piece for me. My hedgehog finally keeps his scarf on every page.",
    daysAfterPublish: 12,
  },
  {
    listingSlug: "notion-studio-os",
    reviewerEmail: "tomas.alvarez@example.com",
    rating: 5,
    body: "Small and sensible, which is rare for Notion templates. The email-to-brief prompt is worth the price alone.",
    daysAfterPublish: 8,
  },
  {
    listingSlug: "inbox-triage-agent-n8n",
    reviewerEmail: "felix.brandt@example.com",
    rating: 5,
    body: "Imported the workflow, connected Gmail and OpenAI, running in 30 minutes. The log sheet made it easy to trust.",
    daysAfterPublish: 10,
  },
  {
    listingSlug: "inbox-triage-agent-n8n",
    reviewerEmail: "aiko.tanaka@example.com",
    rating: 4,
    body: "Works well. I had to adjust the signature-stripping regex for Outlook replies, otherwise great.",
    daysAfterPublish: 26,
  },
  {
    listingSlug: "crewai-market-research-crew",
    reviewerEmail: "hannah.lee@example.com",
    rating: 4,
    body: "The 'unverified' rule actually works, which is more than I can say for other crews. Runs are a bit slow with a local Llama model.",
    daysAfterPublish: 19,
  },
  {
    listingSlug: "sql-query-explainer",
    reviewerEmail: "tomas.alvarez@example.com",
    rating: 5,
    body: "Caught the LEFT JOIN turning into an inner join in a report we'd been using for months. Paid for itself immediately.",
    daysAfterPublish: 5,
  },
  {
    listingSlug: "invoice-chaser-agent",
    reviewerEmail: "grace.okafor@example.com",
    rating: 2,
    body: "The reminder texts are good, but setting it up with my invoicing tool took far longer than expected. More detailed setup steps would help.",
    daysAfterPublish: 15,
  },
  {
    listingSlug: "socratic-tutor-gpt",
    reviewerEmail: "hannah.lee@example.com",
    rating: 5,
    body: "My daughter was annoyed at first that it wouldn't just give answers. Two weeks later she explains algebra to me.",
    daysAfterPublish: 6,
  },
];
