import type { MessageKey, Messages } from "~/locales/en.ts";
import type { Language } from "./viewer.ts";

/**
 * The dictionaries this process holds. The server holds both (`messages.server.ts` provides them when
 * it is imported: root.tsx and every server module that writes words). The browser holds only its
 * viewer's language: `app/entry.client.tsx` loads that one chunk (`load-messages.ts`) before it
 * hydrates, so the product page does not carry the other language's ~6 KB.
 */
const dictionaries: Partial<Record<Language, Partial<Messages>>> = {};
/** Which parts each language has here: "core" (every page's frame and the product page), "site"
 * (every other page) and "account" (/account, /library). See `load-messages.ts`. */
export type MessageArea = "core" | "site" | "account";
const areas = new Set<`${Language}:${MessageArea}`>();
/** The English `msg.*` sentences, for `localizeMessage`'s reverse lookup (a German page needs them too). */
let englishSentences: Partial<Messages> | undefined;
let version = 0;
const listeners = new Set<() => void>();

export function provideMessages(
  language: Language,
  area: MessageArea,
  messages: Partial<Messages>,
  english?: Partial<Messages>,
) {
  if (areas.has(`${language}:${area}`)) return;
  areas.add(`${language}:${area}`);
  dictionaries[language] = { ...dictionaries[language], ...messages };
  if (english) {
    englishSentences = { ...englishSentences, ...english };
    englishToKey = undefined;
  }
  version += 1;
  for (const listener of listeners) listener();
}
export const hasMessages = (language: Language, area: MessageArea = "core") =>
  areas.has(`${language}:${area}`);
/** For `useSyncExternalStore`: a page re-renders when a language it lacked arrives. */
export function subscribeMessages(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const messagesVersion = () => version;

export type Translate<Key extends string = MessageKey> = (
  key: Key,
  params?: Record<string, string | number>,
) => string;

/** `{name}` in a message is replaced by `params.name`; a missing parameter stays visible as-is. */
export function fill(message: string, params?: Record<string, string | number>): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Words in `language`. A language this process has not loaded yet (a browser that navigated to
 * `?lang=` without reloading, for the moment its chunk takes) falls back to the language it has,
 * else shows the key; never an error.
 */
export function translator(language: Language): Translate {
  const messages = dictionaries[language] ?? dictionaries.en ?? dictionaries.de;
  return (key, params) => fill(messages?.[key] ?? key, params);
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
    for (const [key, value] of Object.entries(englishSentences ?? {}) as [MessageKey, string][]) {
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
    pattern:
      /^(.+) already belongs to another Stapel account\. Sign in with it, or choose another address\.$/,
    key: "pattern.emailTaken",
    names: ["email"],
  },
  { pattern: /^Your account already uses (.+)\.$/, key: "pattern.emailSame", names: ["email"] },
  {
    pattern:
      /^Your card was declined for the difference \((.+)\), so your plan stays as it was\. Update your payment method and try again\.$/,
    key: "pattern.planChange.declined",
    names: ["reason"],
  },
  {
    pattern: /^Signed out (\d+) other sessions\. This device stays signed in\.$/,
    key: "pattern.settings.signedOut",
    names: ["count"],
  },
  {
    pattern:
      /^We sent a link to (.+)\. Follow it within an hour to move your account there; until then nothing changes\.$/,
    key: "pattern.settings.linkSent",
    names: ["email"],
  },
  {
    pattern: /^At most (\d+) characters \(this has (\d+)\)\.$/,
    key: "pattern.prompt.tooLong",
    names: ["max", "count"],
  },
  { pattern: /^Choose one of: (.+)\.$/s, key: "pattern.prompt.choose", names: ["options"] },
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
