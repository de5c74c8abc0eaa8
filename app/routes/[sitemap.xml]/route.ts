import { listSitemapEntries } from "~/modules/catalog/sitemap.server.ts";
import { env } from "~/utils/env.server.ts";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

export async function loader() {
  const entries = await listSitemapEntries();
  const urls = entries
    .map(
      (entry) =>
        `<url><loc>${escapeXml(env().APP_URL + entry.path)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : ""}</url>`,
    )
    .join("");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    {
      headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    },
  );
}
