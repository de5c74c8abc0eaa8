/*
 * Stapel's embeddable buy button. Paste on your site:
 *   <a data-stapel-buy href="https://YOUR-STAPEL/p/your-listing">Buy on Stapel</a>
 *   <script src="https://YOUR-STAPEL/embed.js" async></script>
 * A click opens the listing's buy card (/embed/p/<slug>) in an overlay; checkout then opens in a
 * new tab (Stripe Checkout cannot be framed). Where frames are blocked (or the card does not load
 * within a few seconds) the listing opens in a new tab instead; without this script the plain link
 * still works. No cookies, no tracking, nothing sent anywhere until the visitor clicks.
 */
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const LOAD_TIMEOUT_MS = 5000;
  // The host page's language picks the card's: German for <html lang="de…">, else English.
  const german = /^de\b/i.test(document.documentElement.lang || "");
  const words = german ? { buy: "Auf Stapel kaufen", close: "Schließen" } : { buy: "Buy on Stapel", close: "Close" };
  let open = null;

  function slugOf(link) {
    let url;
    try {
      url = new URL(link.getAttribute("href") || "", location.href);
    } catch {
      return null;
    }
    if (url.origin !== origin) return null;
    const match = /^\/p\/([a-z0-9][a-z0-9-]{0,79})\/?$/.exec(url.pathname);
    return match ? match[1] : null;
  }

  function newTab(href) {
    const tab = window.open(href, "_blank", "noopener");
    if (!tab) location.href = href;
  }

  function close() {
    if (!open) return;
    open.overlay.remove();
    document.removeEventListener("keydown", open.onKey, true);
    if (open.returnFocus && open.returnFocus.focus) open.returnFocus.focus();
    open = null;
  }

  function overlay(slug, link) {
    close();
    const wrap = document.createElement("div");
    wrap.setAttribute("data-stapel-overlay", "");
    wrap.setAttribute("role", "dialog");
    wrap.setAttribute("aria-modal", "true");
    wrap.setAttribute("aria-label", words.buy);
    wrap.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;background:rgba(17,24,39,.6);display:flex;align-items:center;justify-content:center;padding:16px";
    const box = document.createElement("div");
    box.style.cssText =
      "position:relative;width:100%;max-width:440px;height:min(620px,calc(100vh - 32px));background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 20px 50px rgba(0,0,0,.35)";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "×";
    button.setAttribute("aria-label", words.close);
    button.style.cssText =
      "position:absolute;top:8px;right:8px;z-index:1;width:36px;height:36px;border:0;border-radius:18px;background:rgba(255,255,255,.92);font:24px/36px sans-serif;cursor:pointer;color:#111827";
    const frame = document.createElement("iframe");
    frame.src = `${origin}/embed/p/${slug}${german ? "?lang=de" : ""}`;
    frame.title = words.buy;
    frame.style.cssText = "display:block;width:100%;height:100%;border:0";
    let loaded = false;
    frame.addEventListener("load", () => {
      loaded = true;
    });
    box.append(button, frame);
    wrap.append(box);
    wrap.addEventListener("click", (event) => {
      if (event.target === wrap) close();
    });
    button.addEventListener("click", close);
    const onKey = (event) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey, true);
    open = { overlay: wrap, onKey, returnFocus: link };
    try {
      document.body.append(wrap);
    } catch {
      open = null;
      newTab(link.href);
      return;
    }
    button.focus();
    const mine = open;
    setTimeout(() => {
      if (open === mine && !loaded) {
        close();
        newTab(link.href);
      }
    }, LOAD_TIMEOUT_MS);
  }

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[data-stapel-buy]") : null;
    if (!link) return;
    const slug = slugOf(link);
    if (!slug) return;
    event.preventDefault();
    overlay(slug, link);
  });
})();
