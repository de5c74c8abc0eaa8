/*
 * Runs in Stapel's embeddable buy card (/embed/p/<slug>) and talks to /embed.js in the page that
 * frames it: "ready" once the card is really there (a frame the browser refused shows its own error
 * page, which says nothing), and "close" on Escape, which the framing page cannot hear while focus
 * is in the card. Any site may frame the card, so the target is "*"; the messages carry nothing
 * else, and embed.js heeds them only from Stapel's origin and from its own frame.
 */
(() => {
  if (window.parent === window) return;
  const say = (what) => window.parent.postMessage({ stapelEmbed: what }, "*");
  say("ready");
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") say("close");
  });
})();
