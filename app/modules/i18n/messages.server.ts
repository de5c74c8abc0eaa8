import { de } from "~/locales/de.ts";
import { deAccount } from "~/locales/de-account.ts";
import { emailsDe } from "~/locales/emails.de.ts";
import { emailsEn } from "~/locales/emails.ts";
import { en, type MessageKey } from "~/locales/en.ts";
import { enAccount } from "~/locales/en-account.ts";
import { fill, provideMessages, type Translate } from "./translate.ts";
import type { Language } from "./viewer.ts";

/**
 * The server's words: both interface dictionaries, every area (provided to `translate.ts` when this
 * module is first imported; root.tsx imports it, so every rendered page has them) and the email
 * words, which only the server writes and the browser never downloads. Server modules that write words (emails,
 * receipts, the embed) import their translator from here, so a job or a test that never loads
 * root.tsx has them too.
 */
for (const area of ["core", "site"] as const) {
  provideMessages("en", area, en, en);
  provideMessages("de", area, de);
}
provideMessages("en", "account", enAccount, enAccount);
provideMessages("de", "account", deAccount);

export type EmailKey = keyof typeof emailsEn;
const emails = { en: emailsEn, de: emailsDe } as const;

/** The interface's words and the emails' words in `language`. */
export function translator(language: Language): Translate<MessageKey | EmailKey> {
  const interfaceWords = language === "de" ? { ...de, ...deAccount } : { ...en, ...enAccount };
  const messages = { ...interfaceWords, ...emails[language] } as Record<MessageKey | EmailKey, string>;
  return (key, params) => fill(messages[key], params);
}

/** Nothing to do: importing this module provided the dictionaries. root.tsx's loader calls it. */
export function serverMessagesReady(): true {
  return true;
}

export { localizeMessage } from "./translate.ts";
