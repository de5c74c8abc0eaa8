import { env } from "~/utils/env.server.ts";

// Personal and transactional pages stay out of search engines.
export function loader() {
  const body = [
    "User-agent: *",
    "Disallow: /library",
    "Disallow: /dashboard",
    "Disallow: /checkout",
    "Disallow: /downloads",
    "Disallow: /login",
    "Disallow: /dev",
    `Sitemap: ${env().APP_URL}/sitemap.xml`,
  ].join("\n");
  return new Response(`${body}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
