import type { listingPagesEn } from "./listing-pages.ts";

export const listingPagesDe: Record<keyof typeof listingPagesEn, string> = {
  "reviewForm.metaTitle": "{title} bewerten · Stapel",
  "reviewForm.metaTitleBare": "Bewerten · Stapel",
  "reviewForm.intro":
    "{title} von {shop}. Dein Name und deine Bewertung erscheinen auf der Angebotsseite mit dem Abzeichen „Bestätigter Kauf“; der Verkäufer kann einmal antworten.",
  "reviewForm.hidden":
    "Ein Admin hat diese Bewertung nach Meldungen ausgeblendet: Sie wird nicht angezeigt und zählt nicht.",
  "reviewForm.rating": "Deine Sterne",
  "reviewForm.body": "Deine Bewertung",
  "reviewForm.bodyHint": "Was hat es dir gebracht? 10 bis {max} Zeichen.",
  "reviewForm.proof": "Ein Ergebnis, das du damit erstellt hast (optional)",
  "reviewForm.proofHint":
    "Füge ein Ergebnis als Beleg für andere Käufer ein. Nur Text; lass alles Private weg.",
  "reviewForm.image": "Ein Bild, das du damit erstellt hast (optional)",
  "reviewForm.imageNow": "Dein aktuelles Bild. Wähle ein neues, um es zu ersetzen.",
  "reviewForm.imageFile": "Bilddatei",
  "reviewForm.imageHint":
    "PNG, JPEG, WebP oder GIF, höchstens 5 MB. Wir speichern eine Kopie ohne Metadaten (ohne Standort).",
  "reviewForm.imageAlt": "Beschreibe das Bild für Menschen, die es nicht sehen können (Alternativtext)",
  "reviewForm.imageRemove": "Bild entfernen",
  "reviewForm.save": "Bewertung speichern",
  "reviewForm.post": "Bewertung veröffentlichen",

  "allReviews.metaTitle": "Bewertungen von {title} · Stapel",
  "allReviews.metaTitleBare": "Bewertungen · Stapel",
  "allReviews.heading": "Bewertungen von {title}",
  "allReviews.noMore": "Keine weiteren Bewertungen.",
  "allReviews.pages": "Bewertungsseiten",
  "allReviews.newer": "Neuere Bewertungen",
  "allReviews.older": "Ältere Bewertungen",

  "report.metaTitle": "{title} melden · Stapel",
  "report.metaTitleBare": "Angebot melden · Stapel",
  "report.heading": "Dieses Angebot melden",
  "report.done":
    "Danke für deinen Hinweis. Ein Admin prüft jede Meldung; wenn wir mehr von dir brauchen, schreiben wir dir.",
  "report.intro":
    "Sag uns, ob {title} von {shop} fremde Arbeit kopiert, beleidigend oder schädlich ist oder auf andere Weise gegen die Regeln verstößt. Ein Admin prüft jede Meldung und kann das Angebot entfernen.",
  "report.what": "Was stimmt nicht?",
  "report.kind.COPYRIGHT": "Es kopiert fremde Arbeit (Urheberrecht)",
  "report.kind.ABUSE": "Es ist beleidigend, schädlich oder Betrug",
  "report.kind.OTHER": "Etwas anderes",
  "report.details": "Einzelheiten",
  "report.detailsHint": "Was ist kopiert, woher (ein Link hilft), oder was ist schädlich.",
  "report.replyTo": "Wir antworten an {email}, falls nötig.",
  "report.email": "Deine E-Mail-Adresse",
  "report.send": "Meldung senden",

  "reviewReport.metaTitle": "Bewertung melden · Stapel",
  "reviewReport.heading": "Bewertung melden",
  "reviewReport.done": "Danke. Ein Admin sieht sich diese Bewertung an; du musst nichts weiter tun.",
  "reviewReport.reason": "Was stimmt mit dieser Bewertung nicht?",
  "reviewReport.reasonHint": "Zum Beispiel: Spam, beleidigend, themenfremd oder nicht über dieses Angebot.",
  "reviewReport.send": "Diese Bewertung melden",
};
