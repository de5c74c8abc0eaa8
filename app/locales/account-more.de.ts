import type { accountMoreEn } from "./account-more.ts";

export const accountMoreDe: Record<keyof typeof accountMoreEn, string> = {
  "deleted.metaTitle": "Konto gelöscht · Stapel",
  "deleted.heading": "Dein Konto ist gelöscht",
  "deleted.body":
    "Du bist überall abgemeldet, deine Abonnements sind gekündigt und deine Lizenzschlüssel funktionieren nicht mehr. Deine E-Mail-Adresse und dein Name sind aus Stapel entfernt; Bestellungen bleiben ohne sie erhalten, wie es das Gesetz verlangt.",
  "deleted.goodbye": "Danke, dass du Stapel genutzt hast. Auf Wiedersehen!",

  "emailChange.metaTitle": "Neue E-Mail-Adresse bestätigen · Stapel",
  "emailChange.moved": "Dein Konto nutzt jetzt {email}",
  "emailChange.movedBody": "Melde dich ab jetzt mit {email} an. Alle anderen Sitzungen wurden abgemeldet.",
  "emailChange.movedBodyHere":
    "Melde dich ab jetzt mit {email} an. Alle anderen Sitzungen wurden abgemeldet; diese bleibt angemeldet.",
  "emailChange.backToSettings": "Zurück zu deinen Einstellungen",
  "emailChange.signIn": "Anmelden",
  "emailChange.dead": "Dieser Link funktioniert nicht mehr",
  "emailChange.deadBody":
    "Links zum Ändern der E-Mail-Adresse funktionieren einmal und laufen nach einer Stunde ab; dein Konto behält seine Adresse. Fordere in deinen Kontoeinstellungen einen neuen Link an.",
  "emailChange.settings": "Kontoeinstellungen",
  "emailChange.confirm": "Dein Konto auf {email} umstellen?",
  "emailChange.confirmBody":
    "Das Stapel-Konto {current} nutzt dann {email} zum Anmelden und für Belege. Andere Sitzungen werden abgemeldet.",
  "emailChange.use": "{email} verwenden",

  "freeDevice.metaTitle": "Gerät freigeben · Stapel",
  "freeDevice.failed": "Das Gerät wurde nicht freigegeben",
  "freeDevice.nothing": "Nichts freizugeben",
  "freeDevice.missing": "Es fehlte etwas.",
  "freeDevice.how":
    "Öffne einen Artikel in deiner Bibliothek und drücke „Dieses Gerät freigeben“ neben dem Gerät, das du freigeben willst.",
  "freeDevice.library": "Deine Bibliothek",
  "settings.language.heading": "Sprache für E-Mails",
  "settings.language.intro":
    "Erstattungen, Geschenke, Abo-Verlängerungen, Antworten auf Bewertungen und Neuigkeiten zu deinen Käufen schreiben wir in dieser Sprache. Wechselst du angemeldet die Sprache der Seite, ändert sich auch diese.",
  "settings.language.legend": "Meine E-Mails auf",
  "settings.language.save": "Sprache speichern",
  "settings.language.saved": "Gespeichert: Deine E-Mails kommen in der gewählten Sprache.",
};
