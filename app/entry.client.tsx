import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { isAccountPath, loadMessages } from "~/modules/i18n/load-messages.ts";

/**
 * Remix's default browser entry, except that the page's words (in the language the server wrote into
 * `<html lang>`) are loaded first, so the browser hydrates with the very words the server rendered (no
 * mismatch, no flash of English). They come in chunks by area (`load-messages.ts`, ADR 36): a page
 * whose words are all "core" says so (`data-words="core"`: the product page, not its error pages)
 * and waits for those only; every other page also for the "site" words, and /account and /library
 * for the account area's. A core-only page fetches the site words once it is interactive, while the
 * browser is idle, so the next page has them. Should a chunk fail to load, the page hydrates anyway (the server's HTML
 * stays; words fall back).
 */
const language = document.documentElement.lang === "de" ? "de" : "en";
const { pathname } = window.location;
const coreOnly = document.querySelector('[data-words="core"]') !== null;

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
  if (coreOnly) {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadMessages(language, "site"));
  }
}

Promise.all([
  loadMessages(language, "core"),
  coreOnly ? null : loadMessages(language, "site"),
  isAccountPath(pathname) ? loadMessages(language, "account") : null,
]).then(hydrate, hydrate);
