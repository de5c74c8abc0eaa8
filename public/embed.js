/*
 * Stapel's embeddable buy button. Paste on your site:
 *   <a data-stapel-buy href="https://YOUR-STAPEL/p/your-listing">Buy on Stapel</a>
 *   <script src="https://YOUR-STAPEL/embed.js" async></script>
 * A click opens the listing's buy card (/embed/p/<slug>) in an overlay; checkout then opens in a
 * new tab (Stripe Checkout cannot be framed). Escape, the × and a click beside the card close it;
 * Escape pressed inside the card reaches us as a message from the card (/embed-card.js). Where the
 * frame is blocked the listing opens in a new tab instead: the card says "ready" when it is really
 * there, so a frame that loaded without saying so (the browser's error page) was refused. Without
 * this script the plain link still works. No cookies, no tracking, nothing sent anywhere until the
 * visitor clicks.
 */
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  // A refused frame is told apart by the card's "ready" message: browsers load their error page in
  // it (a load event, no message), within milliseconds. The grace covers a "ready" still on its way
  // when the load event arrives.
  const READY_GRACE_MS = 500;
  // Only for a browser that shows a refused frame without a load event: no sign of life at all by
  // then. Long, because a slow network also shows none until the card arrives.
  const LOAD_TIMEOUT_MS = 15000;
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

  // window.open with "noopener" always returns null, so it cannot tell a blocked pop-up from an
  // opened tab: open plainly, then cut the tab's link back to this page.
  function newTab(href) {
    const tab = window.open(href, "_blank");
    if (tab) tab.opener = null;
    else location.href = href;
  }

  function fallBack() {
    const href = open.link.href;
    close();
    newTab(href);
  }

  // Only the card in our own overlay speaks here: Stapel's origin and our frame's window.
  window.addEventListener("message", (event) => {
    if (!open || event.origin !== origin || event.source !== open.frame.contentWindow) return;
    const said = event.data && typeof event.data === "object" ? event.data.stapelEmbed : null;
    if (said === "ready") open.ready = true;
    else if (said === "close") close();
  });

  function close() {
    if (!open) return;
    open.overlay.remove();
    document.removeEventListener("keydown", open.onKey, true);
    if (open.link.focus) open.link.focus();
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
    frame.addEventListener("load", () => {
      if (open !== mine) return;
      mine.loaded = true;
      setTimeout(() => {
        if (open === mine && !mine.ready) fallBack();
      }, READY_GRACE_MS);
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
    const mine = { overlay: wrap, frame, link, onKey, loaded: false, ready: false };
    open = mine;
    try {
      document.body.append(wrap);
    } catch {
      open = null;
      newTab(link.href);
      return;
    }
    button.focus();
    setTimeout(() => {
      if (open === mine && !mine.loaded && !mine.ready) fallBack();
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
