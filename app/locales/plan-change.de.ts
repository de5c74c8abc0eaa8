import type { planChangeEn } from "./plan-change.ts";

export const planChangeDe: Record<keyof typeof planChangeEn, string> = {
  "planChange.metaTitle": "Tarif wechseln · Dein Konto · Stapel",
  "planChange.heading": "Tarif wechseln",
  "planChange.now": "Jetzt: {plan} von {shop}",
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
};
