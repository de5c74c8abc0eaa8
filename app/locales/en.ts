/**
 * The interface's English words. Every key here must exist in `de.ts` (its type is built from this
 * object, so a missing or extra German key fails typecheck). `{name}` marks a value filled in at
 * render time. Seller-written content (titles, descriptions, tags) is never translated.
 *
 * The browser gets only its viewer's language, in areas (`app/modules/i18n/load-messages.ts`, ADR
 * 36): the frame's and the product page's words are `en-core.ts` (all the product page loads before
 * hydrating); this file adds the rest, which every other page loads before hydrating; the account
 * and library pages' words are `en-account.ts`, loaded only under /account and /library; email
 * words live apart in `emails.ts`, server only.
 */
import type { enAccount } from "./en-account.ts";
import { enCore } from "./en-core.ts";
import { listingPagesEn } from "./listing-pages.ts";
import { messagesEn } from "./messages.ts";
import { portalEn } from "./portal.ts";
import { shopPagesEn } from "./shop-pages.ts";

export const en = {
  ...enCore,
  ...messagesEn,
  ...listingPagesEn,
  ...shopPagesEn,
  ...portalEn,

  // Home
  "home.title": "Stapel: prompts, templates and AI agents from independent creators",
  "home.description":
    "Buy ready-to-use prompts for ChatGPT, Claude, Gemini and Midjourney, templates and AI agents. Instant delivery, licence included.",
  "home.heading": "Prompts, templates and agents that work.",
  "home.intro":
    "Made by copywriters, designers and automation builders who use them every day. Pay once, get it instantly, keep it in your library.",
  "home.featured": "Featured: top rated",
  "home.bestSelling": "Best-selling this week",
  "home.new": "New",
  "home.byCategory.one": "1 listing, by category",
  "home.byCategory.other": "{count} listings, by category",
  "home.byModel": "By AI model",
  "home.seeAll": "See all",

  // Search form, facets, results, paging
  "search.label": "Find listings",
  "search.search": "Search",
  "search.placeholder": "e.g. cold email, logo, Vorlage",
  "search.apply": "Apply",
  "search.sort": "Sort",
  "search.currency": "Currency",
  "search.defaultSort": "{sort} (default)",
  "search.title": "Search prompts, templates and agents: Stapel",
  "search.titleFor": "“{q}”: search Stapel",
  "search.description":
    "Search prompts, templates and AI agents by words, type, AI model, category, price, rating and language.",
  "search.resultsFor": "Results for “{q}”",
  "search.all": "All listings",
  "search.filters": "Filters",
  "search.clearFilters": "Clear filters",
  "search.count.one": "1 listing",
  "search.count.other": "{count} listings",
  "search.count.atLeast": "{count}+ listings",
  "search.facetsSampled": "Counts from the first {count} matches: about, not exact.",
  "search.listing.one": "listing",
  "search.listing.other": "listings",
  "search.correction": "No listing contains “{word}”; showing matches for",
  "search.or": " or ",
  "search.priceSortNote":
    "Prices in {currency}. Listings without a price in {currency} come last, shown in their own currency.",
  "search.empty": "Nothing matches that yet. Try fewer words or clear a filter.",
  "search.pages": "Pages of results",
  "search.previous": "← Previous",
  "search.next": "Next →",
  "facet.type": "Type",
  "facet.model": "AI model",
  "facet.category": "Category",
  "facet.price": "Price",
  "facet.rating": "Rating",
  "facet.language": "Written in",
  "facet.stars": "{value} stars & up",
  "price.under": "Under {amount}",
  "price.andUp": "{amount} and up",
  "price.between": "{from} to {below}",
  "sort.relevance": "Best match",
  "sort.newest": "Newest",
  "sort.best-selling": "Best-selling",
  "sort.rating": "Top rated",
  "sort.price-asc": "Price: low to high",
  "sort.price-desc": "Price: high to low",

  // Landing pages
  "landing.category": "{name} prompts, templates and agents",
  "landing.model": "Prompts and agents for {name}",
  "landing.modelTitle": "{name} prompts, templates and agents",
  "landing.categoryDescription.one":
    "1 ready-to-use {lower} listing from independent creators: prompts, templates and AI agents, delivered instantly with a licence.",
  "landing.categoryDescription.other":
    "{count} ready-to-use {lower} listings from independent creators: prompts, templates and AI agents, delivered instantly with a licence.",
  "landing.modelDescription.one":
    "1 listing made for {name}: tested prompts, templates and AI agents from independent creators, delivered instantly with a licence.",
  "landing.modelDescription.other":
    "{count} listings made for {name}: tested prompts, templates and AI agents from independent creators, delivered instantly with a licence.",

  // Listing cards
  "card.by": "by {name}",
  "card.onlyIn": "only in {currency}",
  "card.rated": "Rated {rating} out of 5,",
  "card.review.one": "review",
  "card.review.other": "reviews",

  // Sign in
  "login.heading": "Sign in",
  "login.title": "Sign in to Stapel",
  "login.intro":
    "No password needed: we email you a link that signs you in. New here? The same link creates your account.",
  "login.sent": "Check your inbox: we sent a sign-in link to {email}. It expires in 20 minutes.",
  "login.email": "Email address",
  "login.submit": "Email me a sign-in link",

  // Checkout success, library, account
  "success.welcome": "Welcome to {plan}!",
  "success.thanks": "Thank you! It is yours.",
  "success.library": "Go to your library",
  "library.title": "Your library",
  "library.ended": "No longer available to you",
  "account.title": "Your account",
  "account.signedInAs": "Signed in as {email}",
  "account.subscriptions": "Subscriptions",
} as const;

/** Every key: the core's, the site's and the account area's (`en-account.ts`). */
export type MessageKey = keyof typeof en | keyof typeof enAccount;
export type Messages = Record<MessageKey, string>;
export type CoreMessages = Record<keyof typeof en, string>;
