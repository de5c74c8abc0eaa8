import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { isAccountPath, loadMessages } from "~/modules/i18n/load-messages.ts";

/**
 * Remix's default browser entry, except that the page's language (the server wrote it into
 * `<html lang>`) is loaded first: its dictionary is a chunk of its own (and, under /account and
 * /library, the account area's), so the browser downloads one language, not both, and hydrates with the very words the server rendered (no mismatch). Should the
 * chunk fail to load, the page hydrates anyway (the server's HTML stays; words fall back).
 */
const language = document.documentElement.lang === "de" ? "de" : "en";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

Promise.all([
  loadMessages(language),
  isAccountPath(window.location.pathname) ? loadMessages(language, "account") : null,
]).then(hydrate, hydrate);
