import type { libraryItemEn } from "./library-item.ts";

export const libraryItemDe: Record<keyof typeof libraryItemEn, string> = {
  "item.metaTitle": "{title} · Stapel",
  "item.metaTitleBare": "Bibliothek · Stapel",
  "item.back": "← Deine Bibliothek",
  "item.by": "von {shop}",
  "item.version": "Version {number}, {day}: Du bekommst immer die neueste.",
  "item.seen":
    "Als gesehen markiert: Die Bibliothek zeigt diesen Eintrag nach der nächsten Version wieder als aktualisiert.",
  "item.whatChanged": "Was sich in Version {number} geändert hat",
  "item.licence": "Deine Lizenz",
  "item.template": "Deine Vorlage",
  "item.duplicate": "Vorlage duplizieren",
  "item.worksWith": "Funktioniert mit {apps}.",
  "item.runsOn": "Läuft auf {platform}",
  "item.yourPlatform": "deiner Plattform",
  "item.youNeed": "Du brauchst: {tools}.",
  "item.setupGuide": "Einrichtungsanleitung",
  "item.contains": "Was es enthält",
  "item.yours.PROMPT": "Dein Prompt",
  "item.yours.TEMPLATE": "Deine Vorlage",
  "item.yours.AGENT": "Dein Agent",
  "item.yours.BUNDLE": "Dein Paket",
  "item.copy": "In die Zwischenablage kopieren",
  "item.testedWith": "Getestet mit: {notes}",

  "files.heading": "Dateien",
  "files.note":
    "Download-Links sind persönlich und laufen nach ein paar Minuten ab; lade die Seite neu für frische. Abgebrochene Downloads setzen dort fort, wo sie aufgehört haben.",
  "files.download": "{name} herunterladen",
  "files.left": "Noch {left} von {limit} Downloads",
  "files.usedUp": " — wende dich an den Verkäufer, wenn du diese Datei noch einmal brauchst.",
  "files.copy": "Kopieren",

  "key.freed": "Gerät freigegeben: Du kannst den Schlüssel jetzt auf einem anderen Gerät aktivieren.",
  "key.planHeading": "Dein Lizenzschlüssel für {plan}",
  "key.heading": "Lizenzschlüssel",
  "key.planValid": "Gültig, solange dein Abonnement {plan} läuft.",
  "key.copy": "Schlüssel kopieren",
  "key.status.ACTIVE": "Aktiv: Er funktioniert in der Software, für die er gedacht ist.",
  "key.status.DISABLED":
    "Vom Verkäufer deaktiviert: Er funktioniert vorerst nicht. Wende dich an den Verkäufer, falls das ein Irrtum ist.",
  "key.status.EXPIRED":
    "Abgelaufen: Dein Abonnement gewährt gerade keinen Zugang. Er funktioniert wieder, sobald es das tut.",
  "key.status.REVOKED": "Widerrufen: Der Kauf wurde erstattet oder angefochten.",
  "key.usedUnlimited.one": "1 Aktivierung genutzt (unbegrenzt)",
  "key.usedUnlimited.other": "{count} Aktivierungen genutzt (unbegrenzt)",
  "key.used": "{count} von {limit} Aktivierungen genutzt",
  "key.activations": "Aktivierungen",
  "key.activated": "Aktiviert am {day}",
  "key.free": "Dieses Gerät freigeben",
  "key.freeLabel": "Dieses Gerät freigeben: {name}",
};
