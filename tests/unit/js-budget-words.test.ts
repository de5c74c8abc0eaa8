import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { deCore } from "~/locales/de-core.ts";
import { en } from "~/locales/en.ts";
import { enCore } from "~/locales/en-core.ts";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { SOCIAL_TYPE_LABEL } from "~/routes/p.$slug/listing-social-meta.ts";

/**
 * The product page hydrates with the "core" words only (`app/locales/en-core.ts`; ADR 36): every
 * key its browser code can ask for must be in them, or a German visitor would see `listing.foo`.
 * This walks the browser modules the page loads (root and the listing route with their imports,
 * without `.server` files and type-only imports) and reads the keys they name.
 */
const app = resolve(__dirname, "../../app");
const ENTRIES = ["root.tsx", "routes/p.$slug/route.tsx"];

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("~/")
    ? join(app, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  for (const file of [base, `${base}.ts`, `${base}.tsx`])
    if (existsSync(file) && !file.endsWith("/")) return file;
  return undefined;
}

function browserModules(): string[] {
  const seen = new Set<string>();
  const queue = ENTRIES.map((entry) => join(app, entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || /\.server\.tsx?$/.test(file) || file.includes("/locales/")) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const target = resolveImport(file, match[1] as string);
      if (target && !target.endsWith(".css")) queue.push(target);
    }
  }
  return [...seen];
}

describe("the product page's words", () => {
  const modules = browserModules();
  const allKeys = new Set(Object.keys(en));
  const coreKeys = new Set(Object.keys(enCore));

  test("the walk finds the page's components", () => {
    const names = modules.map((file) => file.slice(app.length + 1));
    expect(names).toEqual(
      expect.arrayContaining(["components/buy-box.tsx", "routes/p.$slug/reviews-section.tsx"]),
    );
  });

  test("every key its browser code names is a core word", () => {
    const missing: string[] = [];
    // translate.ts names the `pattern.*` keys for `localizeMessage`, which has German to find only
    // on pages that load the site words (error pages and forms); the product page shows no such text.
    for (const file of modules.filter((name) => !name.endsWith("/modules/i18n/translate.ts"))) {
      const source = readFileSync(file, "utf8");
      for (const [, key] of source.matchAll(/"([a-zA-Z]+\.[a-zA-Z.]+)"/g)) {
        if (allKeys.has(key as string) && !coreKeys.has(key as string))
          missing.push(`${key} (${file.slice(app.length + 1)})`);
      }
      // Keys built at run time: `type.${...}`, `error.${...}`.
      for (const [, prefix] of source.matchAll(/`([a-zA-Z]+)\.\$\{/g)) {
        const family = [...allKeys].filter((key) => key.startsWith(`${prefix}.`));
        for (const key of family)
          if (!coreKeys.has(key)) missing.push(`${key} (${file.slice(app.length + 1)}, built)`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("the page says its words are core, so the browser waits for those only", () => {
    expect(readFileSync(join(app, ENTRIES[1] as string), "utf8")).toContain('data-words="core"');
    expect(readFileSync(join(app, "entry.client.tsx"), "utf8")).toContain('[data-words="core"]');
  });

  test("German has every core word, and the core is a small part of the dictionary", () => {
    expect(Object.keys(deCore).sort()).toEqual([...coreKeys].sort());
    for (const value of Object.values(deCore)) expect(value.trim()).not.toBe("");
    expect(coreKeys.size).toBeLessThan(allKeys.size / 3);
  });
});

test("the product page's social tags name the types as the catalogue does", () => {
  expect(SOCIAL_TYPE_LABEL).toEqual(listingTypeLabel);
});
