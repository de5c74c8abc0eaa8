/** The shared HTML frame of the sandbox's hosted pages: plain HTML, no script, a test-mode banner. */

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
  .banner { background: #ffde92; color: #5a3b00; padding: .5rem 1rem; text-align: center; font-size: .9rem; } .banner p { margin: 0; }
  main { max-width: 56rem; margin: 2rem auto; padding: 0 1rem; display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  section, form { background: #fff; border-radius: .5rem; padding: 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  h1 { font-size: 1.25rem; margin-top: 0; } h2 { font-size: 1.1rem; margin-top: 0; }
  ul { list-style: none; padding: 0; } li { display: flex; justify-content: space-between; gap: 1rem; padding: .4rem 0; border-bottom: 1px solid #e3e8ee; }
  .total { display: flex; justify-content: space-between; font-weight: 600; font-size: 1.1rem; }
  label { display: block; font-weight: 500; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem; border: 1px solid #8792a2; border-radius: .3rem; font-size: 1rem; }
  input[aria-invalid="true"] { border-color: #c0123c; }
  .field-error { color: #c0123c; font-size: .9rem; margin: .25rem 0 0; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
  button { margin-top: 1.25rem; width: 100%; padding: .75rem; border: 0; border-radius: .3rem; background: #4f46e5; color: #fff; font-size: 1rem; font-weight: 600; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  [role="alert"] { background: #fde8ec; color: #8a0d2b; border-radius: .3rem; padding: .6rem .8rem; margin-bottom: .5rem; }
  .hint { color: #4f566b; font-size: .9rem; }
  a { color: #3730a3; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: .45rem .3rem; border-bottom: 1px solid #e3e8ee; } td.num, th.num { text-align: right; }
  .wide { grid-column: 1 / -1; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; } .actions form { background: none; box-shadow: none; padding: 0; }
  .actions button, button.secondary { width: auto; margin-top: .5rem; padding: .5rem .9rem; }
  button.secondary { background: #fff; color: #3730a3; border: 1px solid #3730a3; }
  .badge { display: inline-block; border-radius: 1rem; padding: .1rem .6rem; background: #e3e8ee; font-size: .85rem; }
  select { width: 100%; padding: .5rem; font-size: 1rem; }
</style>
</head>
<body>
<header class="banner"><p><strong>Stapel Stripe sandbox</strong> · test mode · no real money moves</p></header>
${body}
</body>
</html>`;
}

/** A Unix time as a date people read (UTC). */
export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function formatDateTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}
