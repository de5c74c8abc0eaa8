import { provideMessages } from "./translate.ts";
import type { Language } from "./viewer.ts";

/**
 * The browser's one language: its dictionary as a chunk of its own (English ~8 KB, German ~9 KB
 * gzipped with the English `msg.*` sentences that `localizeMessage` looks German up by). Called
 * before hydration (`entry.client.tsx`) and by the root's clientLoader when a navigation changes the
 * language. Resolves at once for a language already here.
 */
const pending = new Map<Language, Promise<void>>();

export function loadMessages(language: Language): Promise<void> {
  let load = pending.get(language);
  if (!load) {
    load =
      language === "de"
        ? Promise.all([import("~/locales/de.ts"), import("~/locales/messages.ts")]).then(
            ([{ de }, { messagesEn }]) => provideMessages("de", de, messagesEn),
          )
        : import("~/locales/en.ts").then(({ en }) => provideMessages("en", en, en));
    load.catch(() => pending.delete(language));
    pending.set(language, load);
  }
  return load;
}
