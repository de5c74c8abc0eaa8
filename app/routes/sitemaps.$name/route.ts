import type { LoaderFunctionArgs } from "@remix-run/node";
import { listingSitemapPage, pagesSitemap } from "~/modules/catalog/sitemap.server.ts";
import { urlsetResponse } from "~/modules/reach/sitemap-xml.ts";
import { env } from "~/utils/env.server.ts";

const notFound = () =>
  new Response("There is no such sitemap. See /sitemap.xml.", {
    status: 404,
    headers: { "Cache-Control": "public, max-age=60" },
  });

/** `/sitemaps/pages.xml` and `/sitemaps/listings-<n>.xml`, named by the index at /sitemap.xml. */
export async function loader({ params }: LoaderFunctionArgs) {
  const name = params.name ?? "";
  if (name === "pages.xml") return urlsetResponse(env().APP_URL, await pagesSitemap());
  const page = /^listings-([1-9][0-9]{0,5})\.xml$/.exec(name)?.[1];
  if (!page) return notFound();
  const entries = await listingSitemapPage(Number(page));
  return entries ? urlsetResponse(env().APP_URL, entries) : notFound();
}
