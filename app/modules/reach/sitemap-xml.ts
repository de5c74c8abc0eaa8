import { languageAlternates } from "~/modules/i18n/alternates.ts";

/** XML for the sitemap protocol, with each page's English and German address (hreflang). */
const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

const XML_HEADERS = {
  "Content-Type": "application/xml; charset=utf-8",
  "Cache-Control": "public, max-age=3600",
};

export function urlsetResponse(appUrl: string, entries: Array<{ path: string; lastModified: Date | null }>) {
  const urls = entries
    .map((entry) => {
      const loc = appUrl + entry.path;
      const url = new URL(loc);
      // The same en/de/x-default addresses the page itself names in its <head>.
      const alternates = languageAlternates(url.origin, url.pathname, url.search)
        .map(
          (alternate) =>
            `<xhtml:link rel="alternate" hreflang="${alternate.hrefLang}" href="${escapeXml(alternate.href)}"/>`,
        )
        .join("");
      return `<url><loc>${escapeXml(loc)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : ""}${alternates}</url>`;
    })
    .join("");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls}</urlset>`,
    { headers: XML_HEADERS },
  );
}

export function sitemapIndexResponse(appUrl: string, paths: string[], lastModified: Date | null) {
  const sitemaps = paths
    .map(
      (path) =>
        `<sitemap><loc>${escapeXml(appUrl + path)}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ""}</sitemap>`,
    )
    .join("");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${sitemaps}</sitemapindex>`,
    { headers: XML_HEADERS },
  );
}
