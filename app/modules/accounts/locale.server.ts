import { type Language, parseLanguage } from "~/modules/i18n/viewer.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";

/**
 * `User.locale`: the language the person last used (null = English). Emails that no request of
 * theirs causes (refunds, gifts, plan renewals, review replies, listing updates) are written in it.
 * Set when they sign in (the sign-in page's language), pay (the checkout's language), switch
 * language while signed in, or choose "Language for emails" in their account settings. An account a
 * gift creates starts in the giver's language (sellers/gifts.server.ts).
 */
export function languageOfLocale(locale: string | null | undefined): Language {
  return parseLanguage(locale) ?? "en";
}

/** One statement, and only a write when the stored language differs. */
export async function rememberLanguage(userId: string, language: Language, tx: Tx = prisma): Promise<void> {
  await tx.user.updateMany({
    where: { id: userId, OR: [{ locale: null }, { locale: { not: language } }] },
    data: { locale: language },
  });
}

/** The account's language for emails as the settings page shows it (null: not chosen yet, English). */
export async function emailLanguageOf(userId: string): Promise<Language | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return parseLanguage(user?.locale);
}
