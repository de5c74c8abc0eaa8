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
};
