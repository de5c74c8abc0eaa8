import { deCore } from "./de-core.ts";
import type { CoreMessages } from "./en.ts";
import { listingPagesDe } from "./listing-pages.de.ts";
import { messagesDe } from "./messages.de.ts";
import { portalDe } from "./portal.de.ts";
import { shopPagesDe } from "./shop-pages.de.ts";

/** The interface in German. Typed by the English keys: a missing or extra key fails typecheck. */
export const de: CoreMessages = {
  ...deCore,
  ...messagesDe,
  ...listingPagesDe,
  ...shopPagesDe,
  ...portalDe,

  "home.title": "Stapel: Prompts, Vorlagen und KI-Agenten von unabhängigen Creators",
  "home.description":
    "Fertige Prompts für ChatGPT, Claude, Gemini und Midjourney, Vorlagen und KI-Agenten kaufen. Sofort geliefert, mit Lizenz.",
  "home.heading": "Prompts, Vorlagen und Agenten, die funktionieren.",
  "home.intro":
    "Gemacht von Textern, Designerinnen und Automatisierern, die sie täglich nutzen. Einmal zahlen, sofort erhalten, in deiner Bibliothek behalten.",
  "home.featured": "Empfohlen: am besten bewertet",
  "home.bestSelling": "Bestseller dieser Woche",
  "home.new": "Neu",
  "home.byCategory.one": "1 Angebot, nach Kategorie",
  "home.byCategory.other": "{count} Angebote, nach Kategorie",
  "home.byModel": "Nach KI-Modell",
  "home.seeAll": "Alle ansehen",

  "search.label": "Angebote finden",
  "search.search": "Suchen",
  "search.placeholder": "z. B. Kaltakquise, Logo, Vorlage",
  "search.apply": "Los",
  "search.sort": "Sortierung",
  "search.currency": "Währung",
  "search.defaultSort": "{sort} (Standard)",
  "search.title": "Prompts, Vorlagen und Agenten suchen: Stapel",
  "search.titleFor": "„{q}“: Suche auf Stapel",
  "search.description":
    "Prompts, Vorlagen und KI-Agenten nach Wörtern, Art, KI-Modell, Kategorie, Preis, Bewertung und Sprache suchen.",
  "search.resultsFor": "Ergebnisse für „{q}“",
  "search.all": "Alle Angebote",
  "search.filters": "Filter",
  "search.clearFilters": "Filter zurücksetzen",
  "search.count.one": "1 Angebot",
  "search.count.other": "{count} Angebote",
  "search.count.atLeast": "{count}+ Angebote",
  "search.facetsSampled": "Gezählt in den ersten {count} Treffern: ungefähr, nicht genau.",
  "search.listing.one": "Angebot",
  "search.listing.other": "Angebote",
  "search.correction": "Kein Angebot enthält „{word}“; gezeigt werden Treffer für",
  "search.or": " oder ",
  "search.priceSortNote":
    "Preise in {currency}. Angebote ohne Preis in {currency} stehen am Ende, in ihrer eigenen Währung.",
  "search.empty": "Dazu passt noch nichts. Versuche weniger Wörter oder entferne einen Filter.",
  "search.pages": "Ergebnisseiten",
  "search.previous": "← Zurück",
  "search.next": "Weiter →",
  "facet.type": "Art",
  "facet.model": "KI-Modell",
  "facet.category": "Kategorie",
  "facet.price": "Preis",
  "facet.rating": "Bewertung",
  "facet.language": "Geschrieben auf",
  "facet.stars": "ab {value} Sternen",
  "price.under": "Unter {amount}",
  "price.andUp": "Ab {amount}",
  "price.between": "{from} bis {below}",
  "sort.relevance": "Beste Treffer",
  "sort.newest": "Neueste",
  "sort.best-selling": "Meistverkauft",
  "sort.rating": "Am besten bewertet",
  "sort.price-asc": "Preis: aufsteigend",
  "sort.price-desc": "Preis: absteigend",

  "landing.category": "{name}: Prompts, Vorlagen und Agenten",
  "landing.model": "Prompts und Agenten für {name}",
  "landing.modelTitle": "{name}: Prompts, Vorlagen und Agenten",
  "landing.categoryDescription.one":
    "1 fertiges Angebot in der Kategorie {name} von unabhängigen Creators: Prompts, Vorlagen und KI-Agenten, sofort geliefert, mit Lizenz.",
  "landing.categoryDescription.other":
    "{count} fertige Angebote in der Kategorie {name} von unabhängigen Creators: Prompts, Vorlagen und KI-Agenten, sofort geliefert, mit Lizenz.",
  "landing.modelDescription.one":
    "1 Angebot für {name}: erprobte Prompts, Vorlagen und KI-Agenten von unabhängigen Creators, sofort geliefert, mit Lizenz.",
  "landing.modelDescription.other":
    "{count} Angebote für {name}: erprobte Prompts, Vorlagen und KI-Agenten von unabhängigen Creators, sofort geliefert, mit Lizenz.",

  "card.by": "von {name}",
  "card.onlyIn": "nur in {currency}",
  "card.rated": "Bewertet mit {rating} von 5,",
  "card.review.one": "Bewertung",
  "card.review.other": "Bewertungen",

  "login.heading": "Anmelden",
  "login.title": "Bei Stapel anmelden",
  "login.intro":
    "Kein Passwort nötig: Wir schicken dir einen Link per E-Mail, der dich anmeldet. Neu hier? Derselbe Link legt dein Konto an.",
  "login.sent":
    "Schau in dein Postfach: Wir haben einen Anmeldelink an {email} geschickt. Er ist 20 Minuten gültig.",
  "login.email": "E-Mail-Adresse",
  "login.submit": "Anmeldelink schicken",

  "success.welcome": "Willkommen bei {plan}!",
  "success.thanks": "Danke! Es gehört dir.",
  "success.library": "Zur Bibliothek",
  "library.title": "Deine Bibliothek",
  "library.ended": "Nicht mehr für dich verfügbar",
  "account.title": "Dein Konto",
  "account.signedInAs": "Angemeldet als {email}",
  "account.subscriptions": "Abonnements",
};
