import { type MessageArea, provideMessages } from "./translate.ts";
import type { Language } from "./viewer.ts";

/**
 * The browser's one language: its dictionary as a chunk of its own (English ~8 KB, German ~9 KB
 * gzipped with the English `msg.*` sentences that `localizeMessage` looks German up by). Called
 * before hydration (`entry.client.tsx`) and by the root's clientLoader when a navigation changes the
 * language. Resolves at once for a language already here.
 */
const pending = new Map<string, Promise<void>>();

export function loadMessages(language: Language, area: MessageArea = "core"): Promise<void> {
  const name = `${language}:${area}`;
  let load = pending.get(name);
  if (!load) {
    load =
      area === "account"
        ? language === "de"
          ? import("~/locales/de-account.ts").then(({ deAccount }) =>
              provideMessages("de", "account", deAccount),
            )
          : import("~/locales/en-account.ts").then(({ enAccount }) =>
              provideMessages("en", "account", enAccount),
            )
        : language === "de"
          ? Promise.all([import("~/locales/de.ts"), import("~/locales/messages.ts")]).then(
              ([{ de }, { messagesEn }]) => provideMessages("de", "core", de, messagesEn),
            )
          : import("~/locales/en.ts").then(({ en }) => provideMessages("en", "core", en, en));
    load.catch(() => pending.delete(name));
    pending.set(name, load);
  }
  return load;
}

/** The pages whose words are in the "account" area. */
export const isAccountPath = (pathname: string) => /^\/(account|library)(\/|$|_)/.test(pathname);
