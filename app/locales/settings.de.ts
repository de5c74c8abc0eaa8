import type { settingsEn } from "./settings.ts";

export const settingsDe: Record<keyof typeof settingsEn, string> = {
  "settings.metaTitle": "Einstellungen · Dein Konto · Stapel",
  "settings.heading": "Einstellungen",
  "settings.email.heading": "E-Mail-Adresse",
  "settings.email.intro":
    "Mit dieser Adresse meldest du dich an und bekommst deine Belege. Um sie zu ändern, gib die neue ein: Wir schicken ihr einen Link, und dein Konto zieht um, sobald du ihm folgst (innerhalb einer Stunde). Deine bisherige Adresse bekommt einen Hinweis.",
  "settings.email.pending":
    "Ein Link ging an {email}. Folge ihm, um dein Konto dorthin umzuziehen; eine neue Anfrage schickt einen neuen Link.",
  "settings.email.new": "Neue E-Mail-Adresse",
  "settings.email.send": "Bestätigungslink schicken",
  "settings.sessions.heading": "Wo du angemeldet bist",
  "settings.sessions.unknown": "Unbekannter Browser",
  "settings.sessions.this": "Dieses Gerät",
  "settings.sessions.since": "Angemeldet am {day}",
  "settings.sessions.only": "Du bist nur auf diesem Gerät angemeldet.",
  "settings.sessions.one":
    "Meldet die andere Sitzung beim nächsten Seitenaufruf ab und zieht eine offene Änderung der E-Mail-Adresse zurück. Dieses Gerät bleibt angemeldet.",
  "settings.sessions.other":
    "Meldet die {count} anderen Sitzungen beim nächsten Seitenaufruf ab und zieht eine offene Änderung der E-Mail-Adresse zurück. Dieses Gerät bleibt angemeldet.",
  "settings.sessions.signOut": "Überall sonst abmelden",
  "settings.data.heading": "Deine Daten",
  "settings.data.intro":
    "Lade alles, was Stapel über dein Konto speichert, als eine JSON-Datei herunter: dein Profil, Bestellungen mit Artikeln und Erstattungen, die Berechtigungen deiner Bibliothek, Lizenzschlüssel mit ihren Aktivierungen, Abonnements, Rechnungen, Bewertungen, Downloads und Anmeldesitzungen. Fünf Downloads pro Stunde.",
  "settings.data.download": "Meine Daten herunterladen (JSON)",
  "settings.delete.heading": "Konto löschen",
  "settings.delete.shop":
    "Dein Konto betreibt einen Shop. Schließe zuerst deinen Shop: Seine Käufer, Angebote und Auszahlungen hängen daran, und diese Seite löscht keine Shops. Schreib dem Support, um ihn zu schließen; danach kannst du dein Konto hier löschen.",
  "settings.delete.warning": "Das lässt sich nicht rückgängig machen. Wenn du dein Konto löschst:",
  "settings.delete.subscriptions": "werden deine Abonnements sofort gekündigt, ohne weitere Abbuchungen;",
  "settings.delete.library": "endet dein Zugang zur Bibliothek und deine Lizenzschlüssel werden gesperrt;",
  "settings.delete.signOut":
    "wirst du überall abgemeldet, und deine E-Mail-Adresse und dein Name werden entfernt.",
  "settings.delete.kept":
    "Bestellungen bleiben erhalten, ohne deine E-Mail-Adresse, weil das Gesetz Verkaufsbelege der Verkäufer verlangt. Deine Bewertungen bleiben, angezeigt als von „Gelöschter Nutzer“. Wer sich später mit dieser Adresse anmeldet, beginnt ein neues, leeres Konto. Lade vorher deine Daten herunter, wenn du eine Kopie willst.",
  "settings.delete.confirm": "Gib {email} zur Bestätigung ein",
  "settings.delete.submit": "Mein Konto löschen",
};
