import * as sitemapIndexRoute from "~/routes/[sitemap.xml]/route.ts";
import * as sitemapsRoute from "~/routes/sitemaps.$name/route.ts";
import { requestAs } from "./fixtures.ts";
import { callRoute, expectResponse } from "./routes.ts";

/** The sitemap index and every sitemap it names, as one string: for tests that look for a URL in it. */
export async function allSitemapXml(): Promise<string> {
  const index = await (await sitemapIndexRoute.loader()).text();
  const names = [...index.matchAll(/\/sitemaps\/([a-z0-9-]+\.xml)</g)].map((match) => match[1] as string);
  const parts = [index];
  for (const name of names) {
    const response = expectResponse(
      await callRoute(sitemapsRoute.loader, requestAs(null, `/sitemaps/${name}`), { name }),
    );
    parts.push(await response.text());
  }
  return parts.join("\n");
}
