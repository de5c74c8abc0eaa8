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
};
