import { sitemapIndex } from "~/modules/catalog/sitemap.server.ts";
import { sitemapIndexResponse } from "~/modules/reach/sitemap-xml.ts";
import { env } from "~/utils/env.server.ts";

/** The sitemap index: the pages sitemap and one sitemap per 10,000 listings (`/sitemaps/<name>`). */
export async function loader() {
  const { listingPages, lastModified } = await sitemapIndex();
  const paths = ["/sitemaps/pages.xml"];
  for (let page = 1; page <= listingPages; page++) paths.push(`/sitemaps/listings-${page}.xml`);
  return sitemapIndexResponse(env().APP_URL, paths, lastModified);
}
