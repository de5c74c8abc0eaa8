import type { emailsEn } from "./emails.ts";

export const emailsDe: Record<keyof typeof emailsEn, string> = {
  "email.footer": "Du bekommst diese E-Mail wegen einer Aktivität in deinem Stapel-Konto.",
  "email.magic.subject": "Dein Anmeldelink für Stapel",
  "email.magic.body":
    "Klicke auf den Knopf, um dich bei Stapel anzumelden. Der Link funktioniert einmal und läuft in {minutes} Minuten ab.",
  "email.magic.button": "Bei Stapel anmelden",
  "email.magic.paste": "Oder füge diesen Link in deinen Browser ein: {url}",
  "email.magic.ignore": "Wenn du keine Anmeldung angefordert hast, ignoriere diese E-Mail.",
  "email.receipt.subject": "Dein Kauf bei {shop}",
  "email.receipt.body": "Danke für deinen Kauf bei {shop}. Deine Artikel liegen bereit in deiner Bibliothek.",
  "email.receipt.tier": "{title} (Lizenz {tier})",
  "email.receipt.key": " (Lizenzschlüssel {key})",
  "email.receipt.total": "Bezahlt: {total}",
  "email.receipt.order": "Bestellung {id}",
  "email.receipt.button": "Bibliothek öffnen",
  "email.change.subject": "Bestätige deine neue E-Mail-Adresse für Stapel",
  "email.change.body":
    "Jemand, der im Stapel-Konto {current} angemeldet ist, möchte ab jetzt diese Adresse dafür verwenden. Klicke auf den Knopf, um das zu bestätigen. Der Link funktioniert einmal und läuft in {minutes} Minuten ab.",
  "email.change.button": "Diese Adresse verwenden",
  "email.change.paste": "Oder füge diesen Link in deinen Browser ein: {url}",
  "email.change.ignore": "Wenn du das nicht angefordert hast, ignoriere diese E-Mail: Es ändert sich nichts.",
  "email.notice.subject": "Jemand möchte dein Stapel-Konto umziehen",
  "email.notice.preview": "Jemand möchte dein Stapel-Konto auf eine andere Adresse umziehen",
  "email.notice.body":
    "Jemand, der in deinem Stapel-Konto angemeldet ist, möchte es auf {email} umziehen. Das Konto zieht nur um, wenn der Link an diese Adresse innerhalb von {minutes} Minuten geöffnet wird.",
  "email.notice.action":
    "Warst du das nicht, melde dich an und wähle „Überall sonst abmelden“ in deinen Kontoeinstellungen ({url}): Das beendet alle anderen Sitzungen und zieht den Umzug zurück. Bis der Link geöffnet wird, bleibt dein Konto bei dieser Adresse.",
  "email.library.button": "Bibliothek öffnen",
  "email.paste": "Oder füge diesen Link in deinen Browser ein: {url}",
  "email.refund.subject": "Erstattung von {shop}: {amount}",
  "email.refund.preview": "{shop} hat {amount} erstattet",
  "email.refund.body":
    "{shop} hat {amount} deiner Bestellung erstattet. Das Geld geht zurück auf die Karte, mit der du bezahlt hast; Banken zeigen es meist innerhalb von 5 bis 10 Werktagen an.",
  "email.refund.sofar": "Bisher erstattet: {refunded} von {total}",
  "email.refund.full":
    "Die Bestellung ist vollständig erstattet, daher sind diese Artikel nicht mehr in deiner Bibliothek.",
  "email.refund.partial":
    "Das war eine Teilerstattung: Du behältst den Zugang zu allem, was du gekauft hast.",
  "email.gift.subject": "{shop} hat dir {title} geschenkt",
  "email.gift.body": "{shop} hat dir {title} auf Stapel geschenkt. Es wartet in deiner Bibliothek.",
  "email.gift.note":
    "Der Knopf meldet dich mit dieser E-Mail-Adresse an; er funktioniert einmal und {days} Tage lang. Später meldest du dich bei Stapel mit dieser Adresse an und findest das Geschenk in deiner Bibliothek.",
  "email.claim.subject": "Du hast {title} erhalten (kostenlos)",
  "email.claim.body": "Du hast {title} von {shop} kostenlos erhalten. Es liegt in deiner Bibliothek.",
  "email.claim.bodyTier":
    "Du hast {title} von {shop} kostenlos erhalten (Lizenz {tier}). Es liegt in deiner Bibliothek.",
  "email.claim.key": "Lizenzschlüssel: {key}",
  "email.claim.button": "In deiner Bibliothek öffnen",
  "email.updated.subject": "{title}: Version {version} ist da",
  "email.updated.preview": "{title}: Version {version} liegt in deiner Bibliothek",
  "email.updated.body":
    "{shop} hat Version {version} von {title} veröffentlicht. Du hast sie schon: Öffne sie in deiner Bibliothek, um die neueste zu bekommen.",
  "email.updated.button": "In der Bibliothek öffnen",
  "email.updated.unsubscribe": "Keine E-Mails mehr über neue Versionen von {shop}? Hier abbestellen:",
  "email.reply.subject": "{shop} hat auf deine Bewertung geantwortet",
  "email.reply.preview": "{shop} hat auf deine Bewertung von {title} geantwortet",
  "email.reply.body": "{shop} hat auf deine Bewertung von {title} geantwortet:",
  "email.reply.button": "Im Angebot ansehen",
  "email.sub.perMonth": "{price} pro Monat",
  "email.sub.perYear": "{price} pro Jahr",
  "email.sub.welcome.subject": "Willkommen bei {plan}",
  "email.sub.welcome.body":
    "Willkommen bei {plan} von {shop}. Alles, was das Abo enthält, liegt jetzt in deiner Bibliothek, und Neues erscheint dort, sobald es veröffentlicht wird.",
  "email.sub.welcome.trial":
    "Dein kostenloser Testzeitraum läuft bis zum {day}. Kündigst du vorher in deinem Konto, wird nichts berechnet.",
  "email.sub.welcome.manage": "Verwalte dein Abo unter {url}",
  "email.sub.ended.subject": "Dein Zugang zu {plan} ist beendet",
  "email.sub.ended.body":
    "Dein Zugang zu {plan} von {shop} ist beendet: {reason}. Was du einzeln gekauft hast, bleibt in deiner Bibliothek.",
  "email.sub.ended.button": "Erneut abonnieren",
  "email.sub.ended.canceled": "dein Abo ist ausgelaufen",
  "email.sub.ended.unpaid": "die Zahlung für das Abo konnte nicht eingezogen werden",
  "email.sub.ended.incomplete": "die erste Zahlung ist noch nicht eingegangen",
  "email.sub.ended.incomplete-expired": "die erste Zahlung ist nie eingegangen",
  "email.sub.ended.paused": "das Abo ruht, bis eine Zahlungsmethode hinterlegt ist",
  "email.sub.ended.grace-over": "die Verlängerung ist nach der Kulanzfrist noch nicht bezahlt",
  "email.sub.ended.refunded-or-disputed": "eine Zahlung dafür wurde erstattet oder angefochten",
  "email.sub.cancelled.subject": "Dein Abo {plan} ist gekündigt",
  "email.sub.cancelled.body": "Dein Abo {plan} von {shop} ist gekündigt und verlängert sich nicht.",
  "email.sub.cancelled.until": "Du behältst deinen Zugang bis zum {day}.",
  "email.sub.cancelled.resume": "Doch anders entschieden? Bis dahin kannst du es in deinem Konto fortsetzen.",
  "email.sub.account.button": "Konto öffnen",
  "email.sub.trial.subject": "Dein Testzeitraum für {plan} endet am {day}",
  "email.sub.trial.body": "Dein kostenloser Testzeitraum für {plan} von {shop} endet am {day}.",
  "email.sub.trial.price": "Danach läuft dein Abo für {price} weiter.",
  "email.sub.trial.keep": "Willst du es behalten, musst du nichts tun; zum Beenden kündige vorher.",
  "email.sub.trial.button": "Abo verwalten",
  "email.sub.receipt.subject": "Beleg für {plan}: {total}",
  "email.sub.receipt.body":
    "Danke: Deine Zahlung für {plan} von {shop} ist eingegangen. Dein Zugang läuft weiter für {period}.",
  "email.sub.receipt.comingPeriod": "den kommenden Zeitraum",
  "email.sub.receipt.tax": "Steuer: {tax}",
  "email.sub.receipt.invoice": "Rechnung {number}",
  "email.sub.receipt.button": "Rechnung ansehen",
  "email.sub.receipt.account": "Belege und dein Abo: {url}",
  "email.sub.failed.subject": "Deine Zahlung für {plan} ist nicht durchgegangen",
  "email.sub.failed.body":
    "Wir konnten deine Karte nicht mit {amount} für {plan} von {shop} belasten. Stripe versucht es in den nächsten Tagen erneut; du kannst es jetzt beheben, indem du mit einer anderen Karte bezahlst.",
  "email.sub.failed.until":
    "Du behältst deinen Zugang bis zum {day}. Danach ruht er, bis die Zahlung eingegangen ist.",
  "email.sub.failed.button": "Zahlung aktualisieren",
  "email.sub.action.subject": "Bitte bestätige deine Zahlung für {plan}",
  "email.sub.action.body":
    "Deine Bank bittet dich, die Zahlung von {amount} für {plan} von {shop} zu bestätigen. Es dauert nur einen Moment, und dein Abo läuft weiter wie bisher.",
  "email.sub.action.button": "Zahlung bestätigen",
};
