/**
 * `npm test`: every check, stopping at the first failure; ends with how long each took.
 *
 *   typecheck  tsc (strict)
 *   lint       Biome
 *   vitest     vitest projects `unit` and `integration` (files in parallel, a database per file)
 *   build      remix vite:build (the security and browser tests use the built app)
 *   security   vitest project `security`
 *   e2e        browser tests (tests/e2e/vitest.config.ts); the summary names the browser used
 *
 * Two lanes: typecheck, lint and build run one after another BESIDE vitest (their output is held
 * and printed when each ends); security and e2e start once both lanes are done. A failure anywhere
 * starts no further phase. STAPEL_TEST_SERIAL=1 runs every phase in order, one at a time.
 * `npm test -- vitest e2e` runs only the phases named.
 * Database: PGlite, or PostgreSQL when TEST_DATABASE_URL names a server. Browser: see
 * tests/e2e/support/browser.ts (CHROMIUM_PATH, an installed Chrome/Chromium, else the bundled one;
 * STAPEL_BROWSER=bundled forces the bundled one).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

interface Phase {
  name: string;
  what: string;
  command: string[];
  /** Runs beside vitest, its output held until it ends (typecheck, lint, build). */
  beside?: boolean;
}

const PHASES: Phase[] = [
  { name: "typecheck", what: "tsc", command: [bin("tsc")], beside: true },
  { name: "lint", what: "biome check", command: [bin("biome"), "check", "."], beside: true },
  {
    name: "vitest",
    what: "unit + integration",
    command: [bin("vitest"), "run", "--project", "unit", "--project", "integration"],
  },
  { name: "build", what: "remix vite:build", command: [bin("remix"), "vite:build"], beside: true },
  {
    name: "security",
    what: "security suite",
    command: [bin("vitest"), "run", "--project", "security", "--passWithNoTests"],
  },
  {
    name: "e2e",
    what: "browser tests",
    command: [bin("vitest"), "run", "--config", "tests/e2e/vitest.config.ts"],
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !PHASES.some((phase) => phase.name === name));
if (unknown.length) {
  console.error(`unknown phase(s): ${unknown.join(", ")}; phases: ${PHASES.map((p) => p.name).join(", ")}`);
  process.exit(2);
}
const phases = wanted.length ? PHASES.filter((phase) => wanted.includes(phase.name)) : PHASES;

// The e2e global setup appends the browser it chose here.
const reportDir = mkdtempSync(join(tmpdir(), "stapel-test-run-"));
const browserReport = join(reportDir, "browser.txt");

/** Runs a phase; a held one's output is printed in one piece when it ends. */
function run(phase: Phase, hold: boolean): Promise<number> {
  const [command, ...args] = phase.command as [string, ...string[]];
  return new Promise((resolve) => {
    const held: Buffer[] = [];
    const child = spawn(command, args, {
      cwd: root,
      stdio: hold ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, STAPEL_BROWSER_REPORT: browserReport, ...(hold && { FORCE_COLOR: "1" }) },
    });
    child.stdout?.on("data", (chunk: Buffer) => held.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => held.push(chunk));
    const done = (code: number) => {
      if (hold) {
        const output = Buffer.concat(held).toString("utf8").trimEnd();
        console.log(`\n=== ${phase.name} (ran beside vitest) ${code === 0 ? "passed" : "FAILED"}`);
        if (output) console.log(output);
      }
      resolve(code);
    };
    child.on("error", (error) => {
      console.error(`${phase.name}: ${error.message}`);
      done(1);
    });
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

type Outcome = { phase: Phase; status: "passed" | "FAILED" | "skipped"; seconds?: number };
const outcomes = new Map<Phase, Outcome>();
const started = performance.now();
const database = process.env.TEST_DATABASE_URL
  ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})`
  : "PGlite";
const serial = process.env.STAPEL_TEST_SERIAL === "1";

let failed = false;
/** Runs phases one after another; after a failure (in any lane) the rest are skipped. */
async function lane(list: Phase[], hold: boolean): Promise<void> {
  for (const phase of list) {
    if (failed) {
      outcomes.set(phase, { phase, status: "skipped" });
      continue;
    }
    const shown = [basename(phase.command[0] ?? ""), ...phase.command.slice(1)].join(" ");
    console.log(`\n=== ${phase.name}: ${phase.what} (${shown})${hold ? ", beside vitest" : ""}`);
    const t = performance.now();
    const code = await run(phase, hold);
    const seconds = (performance.now() - t) / 1000;
    outcomes.set(phase, { phase, status: code === 0 ? "passed" : "FAILED", seconds });
    if (code !== 0) failed = true;
  }
}

// Beside vitest when both run; otherwise each in turn, in the open.
const beside = phases.filter((phase) => phase.beside);
const first = phases.filter((phase) => phase.name === "vitest");
const together = !serial && first.length > 0 && beside.length > 0;
if (together) {
  await Promise.all([lane(first, false), lane(beside, true)]);
  await lane(
    phases.filter((phase) => !phase.beside && phase.name !== "vitest"),
    false,
  );
} else await lane(phases, false);

let browser = "";
try {
  browser = readFileSync(browserReport, "utf8").trim().split("\n").pop() ?? "";
} catch {
  // No browser phase ran.
}
rmSync(reportDir, { recursive: true, force: true });

const rows = phases
  .map((phase) => outcomes.get(phase) ?? { phase, status: "skipped" as const })
  .map(({ phase, status, seconds }) => [
    phase.name,
    phase.what,
    status,
    seconds === undefined ? "-" : `${seconds.toFixed(1)} s`,
  ]);
const total = (performance.now() - started) / 1000;
rows.push([
  "total",
  together ? "wall clock (typecheck, lint, build beside vitest)" : "",
  failed ? "FAILED" : "passed",
  `${total.toFixed(1)} s`,
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
const line = (row: string[]) =>
  row.map((cell, i) => (i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ");

console.log(`\n=== npm test summary (database: ${database})`);
for (const row of rows) console.log(`  ${line(row)}`);
if (browser) console.log(`  browser: ${browser}`);
process.exit(failed ? 1 : 0);
