/**
 * `npm run lighthouse`: builds if app/ changed since the last build, starts the real server on a free
 * port with the demo shop (as the e2e tests and the bench do), runs Lighthouse (mobile, its default
 * simulated throttling) on home, a search, a listing page with examples and reviews, and that
 * listing's shop page, and prints the four category scores and the bytes each page transferred.
 * It also sums the product page's JavaScript from the build's client manifest (entry, root and the
 * listing route with their imports), gzipped. Writes the summary to lighthouse-results.json and each
 * page's full Lighthouse report to lighthouse-results/<page>.json (open it in the Lighthouse viewer;
 * both git-ignored). It measures; it asserts nothing and is not part of `npm test`.
 *
 * Targets (issue 9): performance, accessibility and best practices >= 95, SEO 100; the product
 * page's JavaScript <= 100 KB gzipped.
 *
 * The browser is the one the e2e tests use (tests/e2e/support/browser.ts: CHROMIUM_PATH, an
 * installed Chromium such as Debian's /usr/bin/chromium, or with STAPEL_BROWSER=bundled the
 * Chromium inside @sparticuz/chromium). Nothing is downloaded.
 *
 * Overrides: LIGHTHOUSE_RUNS (runs per page, the median score is kept; default 1),
 * LIGHTHOUSE_LISTING (the listing's slug; default a demo listing with examples and reviews),
 * LIGHTHOUSE_URL (audit a server already running there instead of starting one; no build).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { agent } from "../bench/http.ts";
import { publicPagePaths } from "../bench/pages.ts";
import { findServerPid, processEnv } from "../bench/proc.ts";
import { describeBrowser, findBrowser } from "../tests/e2e/support/browser.ts";
import { type RunningServer, startStapel } from "../tests/e2e/support/server.ts";
import { type PageDetails, pageDetails, printPageDetails } from "./lh-perf-details.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 95,
  "best-practices": 95,
  seo: 100,
};
const JS_BUDGET_BYTES = 100 * 1024;
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "server-response-time",
] as const;
const PRODUCT_ROUTE = "routes/p.$slug";
const RESULTS_FILE = "lighthouse-results.json";
const REPORTS_DIR = "lighthouse-results";

const runsPerPage = Math.max(1, Math.round(Number(process.env.LIGHTHOUSE_RUNS || 1)) || 1);
const listingSlug = process.env.LIGHTHOUSE_LISTING?.trim() || "landing-page-copy-architect";

type PageReport = {
  page: string;
  path: string;
  scores: Record<Category, number>;
  /** Bytes the page transferred (Lighthouse's total-byte-weight), and of those, scripts. */
  transferredBytes: number;
  scriptBytes: number;
  requests: number;
  /** Lab metrics of that run (ms; CLS unitless); TBT and the server's response time follow machine load. */
  metrics: Record<(typeof METRICS)[number], number | null>;
  /** Audits that count towards a category and did not fully pass, with their scores 0-1. */
  shortfalls: { id: string; title: string; score: number; displayValue?: string }[];
  /** What machine load does not change (see `pageDetails`). */
  details: PageDetails;
};

/** Builds when there is no build, or when a file under app/ is newer than it (as `npm run bench`). */
function ensureBuild(): void {
  const built = existsSync("build/server/index.js") ? statSync("build/server/index.js").mtimeMs : 0;
  const newer = readdirSync("app", { recursive: true, withFileTypes: true }).find(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
  );
  if (built > 0 && !newer) return;
  console.info(`lighthouse: ${built === 0 ? "no build found" : "app/ changed"}, running npm run build`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

type ManifestEntry = { module: string; imports?: string[] };
type ClientManifest = {
  url: string;
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { parentId?: string }>;
};

/**
 * The product page's JavaScript as the build ships it: the entry and every route from the root down
 * to the listing route, each with its imported chunks (read from the client manifest); counted once
 * each, gzipped (level 6) and raw. The manifest file itself is not loaded by the page: with lazy
 * route discovery (v3_lazyRouteDiscovery) the page gets its routes inline and asks /__manifest for
 * the routes its links lead to. The entry loads the page's words before hydrating (the "core" area
 * of its language, `app/entry.client.tsx`): those count too, for the larger of the two languages.
 * (The "site" words it fetches once the page is interactive, for the next page, do not.)
 */
export function productPageJavaScript(): {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Of the totals, the dictionary chunks of the language that weighs more. */
  language: { name: string; gzipBytes: number };
} {
  const assets = "build/client/assets";
  const manifestFile = readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!manifestFile) throw new Error(`no client manifest in ${assets}; is the build complete?`);
  const text = readFileSync(join(assets, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as ClientManifest;

  const urls = new Set<string>();
  const add = (entry: ManifestEntry) => {
    urls.add(entry.module);
    for (const chunk of entry.imports ?? []) urls.add(chunk);
  };
  add(manifest.entry);
  for (let id: string | undefined = PRODUCT_ROUTE; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`the client manifest has no route ${id}`);
    add(route);
  }
  const size = (file: string) => {
    const bytes = readFileSync(file);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  };
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const { raw, gzip } = size(join("build/client", url));
    rawBytes += raw;
    gzipBytes += gzip;
  }
  // The words the entry waits for on this page: the "core" area of its language
  // (`app/locales/<language>-core.ts`, ADR 36) and the chunks that chunk imports.
  const assetFiles = readdirSync(assets);
  const dictionaries = ["en", "de"].map((name) => {
    const files = new Set<string>();
    const visit = (file: string) => {
      if (urls.has(`/assets/${file}`) || files.has(file)) return;
      files.add(file);
      const code = readFileSync(join(assets, file), "utf8");
      for (const [, imported] of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g))
        visit(imported as string);
    };
    const core = assetFiles.find((file) => new RegExp(`^${name}-core-[\\w-]+\\.js$`).test(file));
    if (!core) throw new Error(`no ${name}-core dictionary chunk in ${assets}; did the i18n chunks move?`);
    visit(core);
    const sizes = [...files].map((file) => size(join(assets, file)));
    return {
      name,
      files: files.size,
      rawBytes: sizes.reduce((sum, item) => sum + item.raw, 0),
      gzipBytes: sizes.reduce((sum, item) => sum + item.gzip, 0),
    };
  });
  const heavier = dictionaries.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  return {
    files: urls.size + heavier.files,
    rawBytes: rawBytes + heavier.rawBytes,
    gzipBytes: gzipBytes + heavier.gzipBytes,
    language: { name: heavier.name, gzipBytes: heavier.gzipBytes },
  };
}

/** Starts the chosen Chromium headless with a DevTools port for Lighthouse, in a fresh profile. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const choice = await findBrowser();
  console.info(`lighthouse: browser ${describeBrowser(choice)}`);
  const profile = mkdtempSync(join(tmpdir(), "stapel-lighthouse-profile-"));
  const child: ChildProcess = spawn(
    choice.executablePath,
    [...choice.args, "--headless", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on("data", (chunk) => {
      output += chunk;
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function summarise(page: string, path: string, results: Result[]): PageReport {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      median(results.map((result) => Math.round((result.categories[category]?.score ?? 0) * 100))),
    ]),
  ) as Record<Category, number>;
  // Bytes and shortfalls from the run whose performance score is the median.
  const chosen =
    results.find(
      (result) => Math.round((result.categories.performance?.score ?? 0) * 100) === scores.performance,
    ) ?? (results[0] as Result);
  const summary = chosen.audits["resource-summary"]?.details;
  const items =
    summary && "items" in summary
      ? (summary.items as { resourceType?: string; transferSize?: number; requestCount?: number }[])
      : [];
  const total = items.find((item) => item.resourceType === "total");
  const counted = new Set(
    CATEGORIES.flatMap((category) =>
      (chosen.categories[category]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id),
    ),
  );
  const shortfalls = [...counted]
    .map((id) => chosen.audits[id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit?.id ?? "",
      title: audit?.title ?? "",
      score: audit?.score ?? 0,
      displayValue: audit?.displayValue,
    }));
  return {
    page,
    path,
    scores,
    transferredBytes: chosen.audits["total-byte-weight"]?.numericValue ?? total?.transferSize ?? 0,
    scriptBytes: items.find((item) => item.resourceType === "script")?.transferSize ?? 0,
    requests: total?.requestCount ?? 0,
    metrics: Object.fromEntries(
      METRICS.map((id) => [id, chosen.audits[id]?.numericValue ?? null]),
    ) as PageReport["metrics"],
    shortfalls,
    details: pageDetails(chosen),
  };
}

async function audit(base: string, pages: [string, string][]): Promise<PageReport[]> {
  const chromium = await startChromium();
  try {
    const flags: Flags = {
      port: chromium.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    };
    const reports: PageReport[] = [];
    for (const [page, path] of pages) {
      const results: Result[] = [];
      for (let run = 0; run < runsPerPage; run++) {
        const started = performance.now();
        const outcome = await lighthouse(`${base}${path}`, flags);
        if (!outcome) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (outcome.lhr.runtimeError)
          throw new Error(`Lighthouse failed on ${path}: ${outcome.lhr.runtimeError.message}`);
        results.push(outcome.lhr);
        mkdirSync(REPORTS_DIR, { recursive: true });
        const name = page.replace(/\W+/g, "-");
        writeFileSync(
          join(REPORTS_DIR, `${name}${runsPerPage > 1 ? `-${run + 1}` : ""}.json`),
          JSON.stringify(outcome.lhr),
        );
        console.info(
          `lighthouse: ${path} run ${run + 1} in ${Math.round((performance.now() - started) / 1000)} s`,
        );
      }
      reports.push(summarise(page, path, results));
    }
    return reports;
  } finally {
    await chromium.stop();
  }
}

function print(reports: PageReport[], javascript: ReturnType<typeof productPageJavaScript>): void {
  const mark = (category: Category, score: number) => `${score}${score < TARGETS[category] ? " ✗" : ""}`;
  console.info(
    `\nLighthouse ${CATEGORIES.join(", ")} (mobile; targets ${CATEGORIES.map((c) => TARGETS[c]).join(", ")}; median of ${runsPerPage}):`,
  );
  console.info(
    "| Page | Performance | Accessibility | Best practices | SEO | Transferred | of it scripts | Requests |",
  );
  console.info("|---|---|---|---|---|---|---|---|");
  for (const report of reports) {
    const cells = CATEGORIES.map((category) => mark(category, report.scores[category]));
    console.info(
      `| ${report.page} \`${report.path}\` | ${cells.join(" | ")} | ${kb(report.transferredBytes)} | ${kb(report.scriptBytes)} | ${report.requests} |`,
    );
  }
  console.info("\n| Page | FCP ms | LCP ms | TBT ms | CLS | Server response ms |");
  console.info("|---|---|---|---|---|---|");
  for (const report of reports) {
    const cells = METRICS.map((id) => {
      const value = report.metrics[id];
      return value === null
        ? "-"
        : id === "cumulative-layout-shift"
          ? value.toFixed(3)
          : String(Math.round(value));
    });
    console.info(`| ${report.page} | ${cells.join(" | ")} |`);
  }
  console.info(
    `(load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} on ${cpus().length} cores: TBT and the server's response time grow with it)`,
  );
  for (const report of reports) {
    if (report.shortfalls.length === 0) continue;
    console.info(`\n${report.path}: audits that count and did not fully pass:`);
    for (const shortfall of report.shortfalls)
      console.info(
        `  ${shortfall.id} (${shortfall.score})${shortfall.displayValue ? ` ${shortfall.displayValue}` : ""}: ${shortfall.title}`,
      );
  }
  printPageDetails(reports);
  const verdict = javascript.gzipBytes <= JS_BUDGET_BYTES ? "within" : "OVER";
  console.info(
    `\nProduct page JavaScript (${PRODUCT_ROUTE}, root, entry and the ${javascript.language.name} words loaded before hydrating: ${javascript.files} files): ${kb(javascript.gzipBytes)} gzipped (${kb(javascript.rawBytes)} raw; the words ${kb(javascript.language.gzipBytes)}), ${verdict} the ${kb(JS_BUDGET_BYTES)} budget`,
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  let server: RunningServer | undefined;
  let dataDir: string | undefined;
  let base = process.env.LIGHTHOUSE_URL?.trim().replace(/\/$/, "");
  try {
    if (!base) {
      ensureBuild();
      server = await startStapel();
      base = server.url;
      dataDir = processEnv(findServerPid()).STAPEL_DATA_DIR;
    }
    const [, , listing, shop] = await publicPagePaths(base, listingSlug);
    if (!listing || !shop) throw new Error("could not find the listing and shop pages");
    const pages: [string, string][] = [
      ["home", "/"],
      ["search", "/search?q=email"],
      ["listing page", listing[1]],
      ["shop page", shop[1]],
    ];
    const reports = await audit(base, pages);
    const javascript = productPageJavaScript();
    print(reports, javascript);
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify({ measuredAt: new Date().toISOString(), runsPerPage, targets: TARGETS, pages: reports, productPageJavaScript: { ...javascript, budgetBytes: JS_BUDGET_BYTES } }, null, 2)}\n`,
    );
    console.info(`\nlighthouse: wrote ${RESULTS_FILE}`);
  } finally {
    agent.destroy();
    await server?.stop().catch(() => undefined);
    // startStapel made this folder under the temp dir for this run only.
    if (dataDir?.startsWith(tmpdir()) && basename(dataDir).startsWith("stapel-e2e-"))
      rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
