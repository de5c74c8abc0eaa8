/**
 * Times the storefront's search-backed loaders one request at a time against DATABASE_URL (the
 * large seed on PostgreSQL: `DATABASE_URL=postgresql://…/stapel_large npx tsx scripts/search-timings.ts`):
 * the bench's searches (text, text + filters, typo, no words + filter + sort), the home page and a
 * landing page. Prints p50/p95 per loader, the statements each request sent, and the load average
 * (on a shared machine, read the numbers beside it). Sequential on purpose: concurrency measures
 * the machine; this measures the statements. `--runs N` (default 40), `--warmup N` (default 3).
 * `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of each search's statements instead.
 * `--remember` turns on what an app server remembers while its page-cache listener is connected
 * (search-memo.server.ts: catalogue-wide counts and home rows); without it every request reads the
 * database, as on a server whose notifications just emptied it.
 */
import { loadavg } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

const PAGES: {
  name: string;
  path: string;
  route: "search" | "home" | "category" | "model";
  slug?: string;
}[] = [
  { name: "text", path: "/search?q=email", route: "search" },
  { name: "text + filters", path: "/search?q=email&type=PROMPT&sort=rating", route: "search" },
  { name: "text, price sort", path: "/search?q=prompt&sort=price-asc", route: "search" },
  { name: "typo", path: "/search?q=newsleter", route: "search" },
  { name: "no words + filter + sort", path: "/search?model=Claude&sort=newest", route: "search" },
  {
    name: "no words, price filter + price sort",
    path: "/search?price=10-25&sort=price-desc",
    route: "search",
  },
  { name: "home", path: "/", route: "home" },
  { name: "category landing", path: "/c/marketing", route: "category", slug: "marketing" },
  { name: "model landing", path: "/m/claude", route: "model", slug: "claude" },
];

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number`);
  return value;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl?.startsWith("postgres")) throw new Error("DATABASE_URL must name a PostgreSQL database");
  const runs = flag("runs", 40);
  const warmup = flag("warmup", 3);
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  let statements = 0;
  client.$on("query", () => {
    statements++;
  });
  // The app's `prisma` proxy uses this client (app/utils/db.server.ts), so no other env is needed.
  (globalThis as { stapelPrisma?: PrismaClient }).stapelPrisma = client;
  const loaders: Record<string, Loader> = {
    search: (await import("~/routes/search/route.tsx")).loader as Loader,
    home: (await import("~/routes/_index/route.tsx")).loader as Loader,
    category: (await import("~/routes/c.$category/route.tsx")).loader as Loader,
    model: (await import("~/routes/m.$model/route.tsx")).loader as Loader,
  };
  if (process.argv.includes("--explain")) {
    await explainSearches(client);
    await client.$disconnect();
    return;
  }
  if (process.argv.includes("--remember")) {
    const { searchMemo } = await import("~/modules/catalog/search-memo.server.ts");
    searchMemo.setEnabled(true);
  }
  const context = { requestId: "timings", nonce: "timings", clientAddress: "192.0.2.1" };
  console.info(`search timings: ${runs} runs each after ${warmup} warm-up, one at a time`);
  console.info("| Page | p50 ms | p95 ms | statements | load average (1 min) |");
  console.info("|---|---|---|---|---|");
  for (const page of PAGES) {
    const loader = loaders[page.route];
    if (!loader) throw new Error(`no loader for ${page.route}`);
    const params: Record<string, string> = page.route === "category" ? { category: page.slug ?? "" } : {};
    if (page.route === "model") params.model = page.slug ?? "";
    const call = () =>
      loader({
        request: new Request(new URL(page.path, "http://stapel.test"), {
          headers: { "Accept-Language": "en-US,en;q=0.8" },
        }),
        params,
        context,
      });
    for (let i = 0; i < warmup; i++) await call();
    const times: number[] = [];
    statements = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.info(
      `| ${page.name} \`${page.path}\` | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(statements / runs).toFixed(1)} | ${loadavg()[0]?.toFixed(2)} |`,
    );
  }
  await client.$disconnect();
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements each /search above sends (`searchStatements`). */
async function explainSearches(client: PrismaClient) {
  const { searchStatements, viewerFrom } = await import("~/modules/catalog/search.server.ts");
  const { parseCatalogSearch } = await import("~/modules/catalog/search.ts");
  for (const page of PAGES.filter((entry) => entry.route === "search")) {
    const url = new URL(page.path, "http://stapel.test");
    const search = parseCatalogSearch(url.searchParams);
    const viewer = viewerFrom(new Request(url, { headers: { "Accept-Language": "en-US" } }), search);
    const statements = await searchStatements(search, viewer);
    for (const [index, statement] of statements.entries()) {
      const plan = await client.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        ...statement.values,
      );
      console.info(`\n## ${page.name} \`${page.path}\`: statement ${index + 1} of ${statements.length}`);
      console.info(plan.map((row) => row["QUERY PLAN"]).join("\n"));
    }
  }
}

await main();
