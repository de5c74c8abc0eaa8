import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type Plugin } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 3000 },
  // Browsers from 2022 on (Chrome 94, Safari 16, Firefox 93): class fields and the like ship as
  // written instead of as helpers (ADR 36: the product page's JavaScript budget).
  build: { target: "es2022" },
  plugins: [
    forwardRouteHeadersByDefault(),
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});

/**
 * Remix keeps a loader's or action's headers (a 429's Retry-After, a route's Cache-Control) only
 * when the route exports `headers`. Every route module that does not write its own gets
 * `forwardRouteHeaders` (app/utils/route-headers.ts), so no route can drop them by omission.
 */
function forwardRouteHeadersByDefault(): Plugin {
  const routeModule = /\/app\/routes\/[^/]+\/route\.tsx?$/;
  const ownHeaders = /export\s+(const|function|let)\s+headers\b|export\s*\{[^}]*\bheaders\b[^}]*\}/;
  return {
    name: "stapel:forward-route-headers",
    enforce: "pre",
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!routeModule.test(file) || ownHeaders.test(code)) return null;
      return `${code}\nexport { forwardRouteHeaders as headers } from "~/utils/route-headers.ts";\n`;
    },
  };
}
