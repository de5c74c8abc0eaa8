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
    licenceNoticesInOneFile(),
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

/**
 * The libraries' licence notices (`/** @license React ... *\/`, `/*! ... *\/`: 9 KB in the
 * framework chunk, 2.2 KB of every page's gzipped JavaScript) move from the browser's chunks into
 * one file, `/assets/licences.txt`, that each chunk that had them points to: the notices still ship
 * with every copy of the code, the browser no longer downloads them to run a page (ADR 36). Client
 * build only; the server bundle keeps them where they are.
 */
function licenceNoticesInOneFile(): Plugin {
  // A block comment where a statement may start (esbuild leaves notices there, not in expressions).
  const notice = /(^|[;{}])(\/\*[*!][\s\S]*?\*\/\n?)/gm;
  let serverBuild = false;
  return {
    name: "stapel:licence-notices-in-one-file",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      serverBuild = Boolean(config.build.ssr);
    },
    generateBundle(_options, bundle) {
      if (serverBuild) return;
      const notices = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        let moved = false;
        const code = chunk.code.replace(notice, (whole, before: string, comment: string) => {
          if (!comment.startsWith("/*!") && !comment.includes("@license")) return whole;
          notices.add(comment.trim());
          moved = true;
          return before;
        });
        if (moved) chunk.code = `/*! Licences: /assets/licences.txt */\n${code}`;
      }
      if (notices.size > 0)
        this.emitFile({
          type: "asset",
          fileName: "assets/licences.txt",
          source: `${[...notices].join("\n\n")}\n`,
        });
    },
  };
}
