import { de } from "~/locales/de.ts";
import { en, type MessageKey } from "~/locales/en.ts";
import type { Language } from "./viewer.ts";

const dictionaries = { en, de } as const;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `{name}` in a message is replaced by `params.name`; a missing parameter stays visible as-is. */
export function translator(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, params) => {
    const message: string = messages[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

export type { MessageKey };

/** For `meta` functions (no hooks there): the language the root loader chose for this request. */
export function metaTranslator(matches: readonly { id: string; data?: unknown }[]): Translate {
  const root = matches.find((match) => match.id === "root")?.data as
    | { viewer?: { language?: Language } }
    | undefined;
  return translator(root?.viewer?.language === "de" ? "de" : "en");
}
