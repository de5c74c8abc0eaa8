// Search on the demo catalog: what a buyer trying the seeded shop types first.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createDiskFileStore } from "~/integrations/storage.server.ts";
import { searchCatalog, searchStatements } from "~/modules/catalog/search.server.ts";
import { parseCatalogSearch } from "~/modules/catalog/search.ts";
import { prisma } from "~/utils/db.server.ts";
import { seedDemoShop } from "../../prisma/seed.ts";
import "./search-fixtures.ts";

const german = { currency: "EUR", language: "de" } as const;
const english = { currency: "USD", language: "en" } as const;
const find = (query: string, viewer: typeof german | typeof english = english) =>
  searchCatalog(parseCatalogSearch(new URLSearchParams(query)), viewer);

beforeAll(async () => {
  await seedDemoShop(prisma, {
    fileStore: createDiskFileStore(mkdtempSync(join(tmpdir(), "stapel-search-seed-"))),
    log: () => {},
  });
});

describe("search on the demo catalog", () => {
  it("tags every published listing and seeds German listings", async () => {
    const published = await prisma.listing.findMany({ where: { status: "PUBLISHED" } });
    for (const listing of published) expect(listing.tags?.length ?? 0, listing.slug).toBeGreaterThan(0);
    expect(published.filter((listing) => listing.language === "de").length).toBeGreaterThanOrEqual(6);
  });

  it("finds German templates first for a German buyer searching Vorlage", async () => {
    const page = await find("q=Vorlage", german);
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.results.slice(0, 4).map((result) => result.language)).toEqual(["de", "de", "de", "de"]);
  });

  it("finds every email listing for email and emails, and logo and its typo", async () => {
    const email = await find("q=email");
    expect(email.total).toBeGreaterThanOrEqual(4);
    expect((await find("q=emails")).total).toBe(email.total);
    const logo = await find("q=logo");
    expect(logo.total).toBeGreaterThanOrEqual(1);
    const typo = await find("q=lgo");
    expect(typo.results.map((result) => result.slug)).toEqual(logo.results.map((result) => result.slug));
  });

  it("sends the words as a constant tsquery the GIN index can serve (EXPLAIN with SEARCH_EXPLAIN=1)", async () => {
    for (const query of ["q=email+template&type=TEMPLATE&currency=EUR", "sort=newest"]) {
      const [page, facets] = await searchStatements(parseCatalogSearch(new URLSearchParams(query)), english);
      for (const statement of [page, facets]) {
        if (!statement) continue;
        const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) ${statement.text}`,
          ...statement.values,
        );
        const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
        if (process.env.SEARCH_EXPLAIN) console.info(`-- ${query}\n${text}`);
        expect(text).toContain("Execution Time");
        // The words reach the plan as a constant tsquery, which the GIN index can serve (on 43
        // listings the planner rightly reads them by status instead).
        if (query.startsWith("q=")) expect(text).toMatch(/"searchDocument" @@ '.+'::tsquery/);
      }
    }
  });
});
