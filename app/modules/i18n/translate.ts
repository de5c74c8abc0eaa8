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
export function metaTranslator(matches?: readonly { id: string; data?: unknown }[]): Translate {
  const root = matches?.find((match) => match.id === "root")?.data as
    | { viewer?: { language?: Language } }
    | undefined;
  return translator(root?.viewer?.language === "de" ? "de" : "en");
}

/**
 * Messages that modules, zod schemas and loaders write in English (a refusal, a field error, a 404's
 * text) reach the page as plain strings. Rather than thread the language into every module, the
 * dictionary holds those exact English sentences under `msg.*` keys and the page swaps a sentence it
 * knows for the viewer's language. A sentence the dictionary does not know stays as written.
 */
let englishToKey: Map<string, MessageKey> | undefined;
function keyOfEnglish(text: string): MessageKey | undefined {
  if (!englishToKey) {
    englishToKey = new Map();
    for (const [key, value] of Object.entries(en) as [MessageKey, string][]) {
      if (key.startsWith("msg.") && !englishToKey.has(value)) englishToKey.set(value, key);
    }
  }
  return englishToKey.get(text);
}

/** The shapes of `text()` in `utils/schemas.ts`: "<label> can be at most 2000 characters". */
const PATTERNS: { pattern: RegExp; key: MessageKey; names: string[] }[] = [
  { pattern: /^(.+) can be at most (\d+) characters$/, key: "pattern.tooLong", names: ["label", "max"] },
  { pattern: /^(.+) must be text$/, key: "pattern.notText", names: ["label"] },
  {
    pattern: /^(.+) contains characters that are not allowed$/,
    key: "pattern.badCharacters",
    names: ["label"],
  },
  {
    pattern: /^Too many .+\. Try again in (\d+) minutes?\.$/,
    key: "pattern.rateLimited",
    names: ["minutes"],
  },
];

export function localizeMessage(language: Language, text: string): string {
  if (language === "en") return text;
  const t = translator(language);
  const key = keyOfEnglish(text);
  if (key) return t(key);
  for (const { pattern, key: patternKey, names } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      const value = match[index + 1] ?? "";
      const known = keyOfEnglish(value);
      params[name] = known ? t(known) : value;
    });
    return t(patternKey, params);
  }
  return text;
}
