import { type MessageArea, provideMessages } from "./translate.ts";
import type { Language } from "./viewer.ts";

/**
 * The browser's words, in the viewer's one language, as chunks by area (ADR 36):
 * - "core" (`en-core.ts`): every page's frame, the error page's headings and the product page: all
 *   that `/p/<slug>` loads before it hydrates;
 * - "site" (the rest of `en.ts`/`de.ts`, and for German the English `msg.*` sentences that
 *   `localizeMessage` looks German up by): every other page, loaded before hydrating there; on the
 *   product page while the browser is idle after hydrating, so a click to another page finds it;
 * - "account" (`en-account.ts`): /account and /library.
 * Called before hydration (`entry.client.tsx`) and by `useT` when a navigation changes the language
 * (no area: core and site). Resolves at once for an area already here.
 */
const pending = new Map<string, Promise<void>>();

const LOADERS: Record<Language, Record<MessageArea, () => Promise<void>>> = {
  en: {
    core: () => import("~/locales/en-core.ts").then(({ enCore }) => provideMessages("en", "core", enCore)),
    site: () => import("~/locales/en.ts").then(({ en }) => provideMessages("en", "site", en, en)),
    account: () =>
      import("~/locales/en-account.ts").then(({ enAccount }) => provideMessages("en", "account", enAccount)),
  },
  de: {
    core: () => import("~/locales/de-core.ts").then(({ deCore }) => provideMessages("de", "core", deCore)),
    site: () =>
      Promise.all([import("~/locales/de.ts"), import("~/locales/messages.ts")]).then(
        ([{ de }, { messagesEn }]) => provideMessages("de", "site", de, messagesEn),
      ),
    account: () =>
      import("~/locales/de-account.ts").then(({ deAccount }) => provideMessages("de", "account", deAccount)),
  },
};

export function loadMessages(language: Language, area?: MessageArea): Promise<void> {
  if (!area)
    return Promise.all([loadMessages(language, "core"), loadMessages(language, "site")]).then(() => {});
  const name = `${language}:${area}`;
  let load = pending.get(name);
  if (!load) {
    load = LOADERS[language][area]();
    load.catch(() => pending.delete(name));
    pending.set(name, load);
  }
  return load;
}

/** The pages whose words are in the "account" area. */
export const isAccountPath = (pathname: string) => /^\/(account|library)(\/|$|_)/.test(pathname);
