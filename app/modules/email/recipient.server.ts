import { languageOfLocale } from "~/modules/accounts/locale.server.ts";
import { type EmailKey, translator } from "~/modules/i18n/messages.server.ts";
import type { Translate } from "~/modules/i18n/translate.ts";
import { DATE_LOCALE, type Language, NUMBER_LOCALE } from "~/modules/i18n/viewer.ts";
import { formatDay } from "~/utils/dates.ts";
import type { Tx } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";

/**
 * The language of an email no request of the recipient causes: their account's `User.locale`
 * (found by address; an address with no account, or no choice yet, reads English).
 */
export async function recipientLanguage(tx: Tx, email: string): Promise<Language> {
  const user = await tx.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { locale: true },
  });
  return languageOfLocale(user?.locale);
}

export type EmailWords = {
  language: Language;
  t: Translate<EmailKey>;
  money: (money: { amount: number; currency: string }) => string;
  day: (date: Date) => string;
};

/** The email's words, money ("€9.00" / "9,00 €") and days ("2 January 2027" / "2. Januar 2027"). */
export function emailWords(language: Language): EmailWords {
  return {
    language,
    t: translator(language),
    money: (money) => formatMoney(money, NUMBER_LOCALE[language]),
    day: (date) => formatDay(date, DATE_LOCALE[language]),
  };
}

/** `recipientLanguage` and `emailWords` in one: what most queued emails need. */
export async function wordsFor(tx: Tx, email: string): Promise<EmailWords> {
  return emailWords(await recipientLanguage(tx, email));
}
