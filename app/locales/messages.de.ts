import type { messagesEn } from "./messages.ts";

export const messagesDe: Record<keyof typeof messagesEn, string> = {
  "pattern.tooLong": "{label} darf höchstens {max} Zeichen lang sein",
  "pattern.notText": "{label} muss Text sein",
  "pattern.badCharacters": "{label} enthält nicht erlaubte Zeichen",
  "pattern.rateLimited": "Zu viele Versuche. Versuche es in {minutes} Minute(n) noch einmal.",

  "msg.label.review": "Deine Bewertung",
  "msg.label.output": "Das Ergebnis",
  "msg.label.reason": "Der Grund",
  "msg.label.details": "Die Einzelheiten",
  "msg.label.field": "Dieses Feld",

  "msg.listingNotFound": "Dieses Angebot gibt es nicht oder es wird nicht mehr verkauft.",
  "msg.listingNotAvailable": "Dieses Angebot gibt es nicht oder es ist nicht mehr verfügbar.",
  "msg.listingTakenDown":
    "Dieses Angebot wurde nach einer Meldung entfernt und ist nicht mehr verfügbar. Wenn du es gekauft hast, ist es weiter in deiner Bibliothek.",
  "msg.reviewNotFound": "Diese Bewertung gibt es nicht.",
  "msg.shopNotFound": "Einen Shop mit diesem Namen gibt es nicht.",
  "msg.noSuchPlan": "Diesen Plan hat der Shop nicht.",
  "msg.planNotFound": "Diesen Plan gibt es nicht.",
  "msg.planClosed": "Dieser Plan nimmt keine neuen Abonnenten mehr an.",
  "msg.notFree": "Dieses Angebot ist nicht kostenlos: Kaufe es auf seiner Seite.",
  "msg.notForSale": "Dieses Angebot steht nicht zum Verkauf.",
  "msg.somethingMissing": "Es hat etwas gefehlt.",
  "msg.stars": "Wähle 1 bis 5 Sterne",
  "msg.reviewShort": "Deine Bewertung braucht mindestens 10 Zeichen",
  "msg.reportReasonShort": "Sag in ein paar Worten, was an dieser Bewertung nicht stimmt",
  "msg.reportKind": "Wähle, was nicht stimmt",
  "msg.reportDetailsShort": "Beschreibe in ein oder zwei Sätzen, was nicht stimmt",
  "msg.reportEmail": "Gib eine E-Mail-Adresse an, unter der wir dich erreichen",
  "msg.reportEmailOrSignIn": "Gib eine E-Mail-Adresse an, unter der wir dich erreichen, oder melde dich an",
  "msg.emailTooLong": "Diese E-Mail-Adresse ist zu lang",
  "msg.emailTooLong2": "Diese E-Mail-Adresse ist zu lang",
  "msg.emailInvalid": "Gib eine gültige E-Mail-Adresse ein, etwa du@example.com",
  "msg.emailMissing": "Gib deine E-Mail-Adresse ein",
  "msg.newEmailMissing": "Gib die neue E-Mail-Adresse ein",
  "msg.confirmEmail": "Gib zur Bestätigung die E-Mail-Adresse deines Kontos ein",
  "msg.honeypot": "Lass dieses Feld leer",
  "msg.chooseButton": "Wähle einen der Knöpfe auf der Seite",
  "msg.discountCodeChars": "Ein Rabattcode besteht nur aus Buchstaben, Ziffern, Binde- und Unterstrichen",
  "msg.notABuyer":
    "Nur Käufer dieses Angebots können es bewerten: Bewertungen hier stammen aus bestätigten Käufen.",
  "msg.ownListing": "Dein eigenes Angebot kannst du nicht bewerten.",
  "msg.refunded":
    "Dein Kauf dieses Angebots wurde erstattet oder angefochten, daher kannst du es nicht mehr bewerten.",
  "msg.throughPlan":
    "Du hast dieses Angebot über einen Plan. Nur Käufer dieses Angebots können es bewerten: Bewertungen hier stammen aus bestätigten Käufen.",
  "msg.alreadyReviewed": "Du hast dieses Angebot schon bewertet: Bearbeite stattdessen deine Bewertung.",
  "msg.ownReview": "Deine eigene Bewertung kannst du nicht melden.",
  "msg.alreadyReported": "Du hast diese Bewertung schon gemeldet. Danke.",
  "msg.linkIncomplete": "Dieser Link ist unvollständig. Öffne den Link aus deiner E-Mail noch einmal.",
  "msg.linkInvalid": "Dieser Link ist ungültig. Öffne den Link aus deiner E-Mail noch einmal.",
  "msg.signInIncomplete":
    "Dieser Anmeldelink ist unvollständig. Öffne den Link aus deiner E-Mail noch einmal.",
  "msg.signInInvalid": "Dieser Anmeldelink ist ungültig. Öffne den Link aus deiner E-Mail noch einmal.",
  "msg.formUnreadable":
    "Dieses Formular konnte nicht gelesen werden: Sende es als application/x-www-form-urlencoded oder multipart/form-data.",
  "msg.formTooLarge": "Dieses Formular ist zu groß.",
  "msg.formMalformed": "Dieses Formular konnte nicht gelesen werden: Sein Inhalt ist fehlerhaft.",

  "msg.receipt.paid": "Bezahlt",
  "msg.receipt.partlyRefunded": "Teilweise erstattet",
  "msg.receipt.refunded": "Erstattet",
  "msg.receipt.disputed": "Angefochten",
  "msg.receipt.draft": "Entwurf",
  "msg.receipt.due": "Fällig",
  "msg.receipt.uncollectible": "Uneinbringlich",
  "msg.receipt.void": "Storniert",
  "msg.subs.notFound": "Ein solches Abonnement hast du nicht.",
  "msg.subs.ended": "Dieses Abonnement ist beendet: Es gibt nichts mehr zu ändern.",
  "msg.subs.stripe":
    "Stripe war nicht erreichbar, daher wurde nichts geändert. Bitte versuche es gleich noch einmal.",
  "msg.subs.INCOMPLETE": "Zahlung ausstehend",
  "msg.subs.INCOMPLETE_EXPIRED": "Zahlung nie abgeschlossen",
  "msg.subs.TRIALING": "Im Testzeitraum",
  "msg.subs.ACTIVE": "Aktiv",
  "msg.subs.PAST_DUE": "Zahlung überfällig",
  "msg.subs.CANCELED": "Gekündigt",
  "msg.subs.UNPAID": "Unbezahlt",
  "msg.subs.PAUSED": "Pausiert",
  "msg.emailChange.gone": "Dein Konto existiert nicht mehr.",
  "msg.emailChange.stripe":
    "Stripe war nicht erreichbar, daher wurde nichts geändert. Öffne den Link gleich noch einmal.",
  "msg.emailChange.unusable":
    "Dieser Link ist abgelaufen oder wurde schon benutzt. Fordere in deinen Kontoeinstellungen einen neuen an.",
  "msg.freeDevice.notActivated":
    "Dieses Gerät ist nicht mit deinem Schlüssel aktiviert (vielleicht wurde es schon freigegeben).",
  "pattern.emailTaken":
    "{email} gehört schon zu einem anderen Stapel-Konto. Melde dich damit an oder wähle eine andere Adresse.",
  "pattern.emailSame": "Dein Konto nutzt schon {email}.",
  "msg.deletedUser": "Gelöschtes Konto",
  "msg.aBuyer": "Ein Käufer",
  "msg.proofImageFile": "Wähle eine Bilddatei",
  "msg.proofImageSize": "Das Bild darf höchstens 5 MB groß sein",
  "msg.proofImageAlt":
    "Beschreibe das Bild in ein paar Worten (Alternativtext), für Menschen, die es nicht sehen können",
  "msg.label.imageAlt": "Die Bildbeschreibung",
  "msg.planChange.notChangeable":
    "Dieses Abonnement kann den Tarif gerade nicht wechseln: Setze es fort, wenn es gekündigt ist, oder begleiche zuerst eine fehlgeschlagene Zahlung.",
  "msg.planChange.notOffered":
    "Zu diesem Tarif kannst du nicht wechseln. Wähle einen der aufgeführten Tarife.",
  "msg.planChange.expired": "Die Vorschau ist veraltet. Sieh dir die Änderung noch einmal an.",
  "pattern.planChange.declined":
    "Deine Karte wurde für die Differenz abgelehnt ({reason}), daher bleibt dein Tarif, wie er war. Aktualisiere deine Zahlungsmethode und versuche es erneut.",
  "msg.signInUsed": "Dieser Anmeldelink ist abgelaufen oder wurde schon benutzt.",
  "msg.settings.signInAgain": "Melde dich zuerst erneut an.",
  "msg.settings.noOthers": "Es gab keine anderen Sitzungen: Du bist nur auf diesem Gerät angemeldet.",
  "msg.settings.signedOutOne": "1 andere Sitzung abgemeldet. Dieses Gerät bleibt angemeldet.",
  "pattern.settings.signedOut": "{count} andere Sitzungen abgemeldet. Dieses Gerät bleibt angemeldet.",
  "pattern.settings.linkSent":
    "Wir haben einen Link an {email} geschickt. Folge ihm innerhalb einer Stunde, um dein Konto dorthin umzuziehen; bis dahin ändert sich nichts.",
  "msg.status.cancelling": "Wird gekündigt",
  "pattern.prompt.tooLong": "Höchstens {max} Zeichen (hier sind es {count}).",
  "msg.prompt.number": "Gib eine Zahl ein, etwa 300 oder 2,5.",
  "pattern.prompt.choose": "Wähle eine dieser Möglichkeiten: {options}.",
};
