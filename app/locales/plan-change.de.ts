import type { planChangeEn } from "./plan-change.ts";

export const planChangeDe: Record<keyof typeof planChangeEn, string> = {
  "planChange.metaTitle": "Tarif wechseln · Dein Konto · Stapel",
  "planChange.heading": "Tarif wechseln",
  "planChange.now": "Jetzt: {plan} von {shop}",
  "msg.planChange.notChangeable":
    "Dieses Abonnement kann den Tarif gerade nicht wechseln: Setze es fort, wenn es gekündigt ist, oder begleiche zuerst eine fehlgeschlagene Zahlung.",
  "planChange.noOther": "{shop} bietet keinen anderen Tarif oder Preis in deiner Währung an.",
  "planChange.newPlan": "Neuer Tarif",
  "planChange.current": "(aktuell)",
  "planChange.preview": "Änderung ansehen",
  "planChange.what": "Was sich ändert",
  "planChange.target": "{plan} für {price}.",
  "planChange.lines": "Posten der Rechnung, die der Wechsel erzeugt",
  "planChange.line": "Posten",
  "planChange.amount": "Betrag",
  "planChange.dueNow": "Jetzt fällig: {amount}",
  "planChange.credit":
    "Der ungenutzte Teil deines jetzigen Tarifs ist mehr wert, als der neue Tarif für den Rest des Zeitraums kostet: Die Differenz bleibt als Guthaben für deine nächsten Zahlungen.",
  "planChange.confirm": "Wechsel bestätigen",

  "msg.planChange.notOffered":
    "Zu diesem Tarif kannst du nicht wechseln. Wähle einen der aufgeführten Tarife.",
  "msg.planChange.expired": "Die Vorschau ist veraltet. Sieh dir die Änderung noch einmal an.",
  "pattern.planChange.declined":
    "Deine Karte wurde für die Differenz abgelehnt ({reason}), daher bleibt dein Tarif, wie er war. Aktualisiere deine Zahlungsmethode und versuche es erneut.",
};
