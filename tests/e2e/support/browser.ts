import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Chosen once per run by tests/e2e/support/global-browser.ts. */
    browser: BrowserChoice;
  }
}

/**
 * The browser the e2e tests drive, found in this order:
 *   1. env CHROMIUM_PATH;
 *   2. a Chrome or Chromium installed in the usual places on Linux and macOS;
 *   3. the Chromium inside the `@sparticuz/chromium` devDependency (unpacked once per machine into
 *      the temp directory; nothing is downloaded).
 * STAPEL_BROWSER=bundled skips 1 and 2 (CI uses it so the fallback runs even where chromium is
 * installed); STAPEL_BROWSER=system fails instead of falling back.
 */
export interface BrowserChoice {
  source: "CHROMIUM_PATH" | "system" | "bundled";
  executablePath: string;
  /** What `<browser> --version` printed, e.g. "Chromium 153.0.8010.0". */
  version: string;
  args: string[];
}

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Quiet, offline, no first-run UI; used for every browser. */
const COMMON_ARGS = [
  "--no-first-run",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Root has no usable sandbox in containers; CI runs as root. */
const SYSTEM_ARGS = ["--no-sandbox", "--disable-gpu", ...COMMON_ARGS];

/**
 * `@sparticuz/chromium`'s flags are made for serverless functions. Dropped: those that would make the
 * page under test weaker than in a user's browser (same-origin policy, mixed content, site isolation),
 * `--single-process` (launches here without it, and Playwright does not support it), and its
 * `--headless='shell'` (Playwright passes its own headless flag; the binary is headless-only anyway).
 */
const DROPPED_BUNDLED_ARGS = [
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--single-process$/,
  /^--headless(=|$)/,
];

export function bundledArgs(packageArgs: readonly string[]): string[] {
  const kept: string[] = [];
  for (const arg of packageArgs) {
    if (DROPPED_BUNDLED_ARGS.some((pattern) => pattern.test(arg))) continue;
    if (arg.startsWith("--disable-features=")) {
      // It also disables site isolation (IsolateOrigins, site-per-process); keep the rest.
      const features = arg
        .slice("--disable-features=".length)
        .split(",")
        .filter((feature) => feature !== "IsolateOrigins" && feature !== "site-per-process");
      if (features.length) kept.push(`--disable-features=${features.join(",")}`);
      continue;
    }
    kept.push(arg);
  }
  if (!kept.includes("--no-sandbox")) kept.push("--no-sandbox");
  return [...kept, ...COMMON_ARGS];
}

function browserVersion(executablePath: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(executablePath, ["--version"], { timeout: 15_000 }, (error, stdout) => {
      resolve(error ? "unknown version" : stdout.trim() || "unknown version");
    });
  });
}

function sparticuzVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's "exports" hide package.json; it sits one folder above the entry's build/.
  const manifest = join(dirname(require.resolve("@sparticuz/chromium")), "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * Unpacks the bundled Chromium into `<tmp>/stapel-chromium-<version>/` (about 2.5 s, once per machine).
 * The package unpacks into os.tmpdir(), so a child process does it with TMPDIR pointing at a private
 * folder, which is then renamed into place: concurrent runs never see half a binary, and a
 * `/tmp/chromium` left by anything else is never picked up.
 */
async function unpackBundledChromium(): Promise<string> {
  const target = join(tmpdir(), `stapel-chromium-${sparticuzVersion()}`);
  const binary = join(target, "chromium");
  if (existsSync(binary)) return binary;

  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const entry = pathToFileURL(createRequire(import.meta.url).resolve("@sparticuz/chromium")).href;
    const script = `const pkg = (await import(${JSON.stringify(entry)})).default; process.stdout.write(await pkg.executablePath());`;
    const printed = await new Promise<string>((resolve, reject) => {
      // Asynchronous spawn: a test process may serve a database on the same event loop.
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, TMPDIR: partial },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
      });
      child.stderr.on("data", (chunk) => {
        err += chunk;
      });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve(out.trim()) : reject(new Error(`unpacking @sparticuz/chromium failed:\n${err}`)),
      );
    });
    if (printed !== join(partial, "chromium")) throw new Error(`unexpected unpack location ${printed}`);
    await rename(partial, target).catch(async () => {
      // Another run finished first: use its copy. A folder without the binary is debris: replace it.
      if (existsSync(binary)) return;
      await rm(target, { recursive: true, force: true });
      await rename(partial, target);
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return binary;
}

async function bundled(): Promise<BrowserChoice> {
  const pkg = (await import("@sparticuz/chromium")).default;
  const executablePath = await unpackBundledChromium();
  return {
    source: "bundled",
    executablePath,
    version: await browserVersion(executablePath),
    args: bundledArgs(pkg.args),
  };
}

let found: Promise<BrowserChoice> | undefined;

/** Resolves (and if needed unpacks) the browser once per process. */
export function findBrowser(): Promise<BrowserChoice> {
  found ??= (async (): Promise<BrowserChoice> => {
    const mode = process.env.STAPEL_BROWSER ?? "";
    if (!["", "auto", "system", "bundled"].includes(mode))
      throw new Error(`STAPEL_BROWSER must be "bundled", "system" or unset, not "${mode}"`);
    if (mode === "bundled") return bundled();

    const fromEnv = process.env.CHROMIUM_PATH;
    if (fromEnv) {
      if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
      return {
        source: "CHROMIUM_PATH",
        executablePath: fromEnv,
        version: await browserVersion(fromEnv),
        args: SYSTEM_ARGS,
      };
    }
    const installed = SYSTEM_BROWSERS.find((path) => existsSync(path));
    if (installed) {
      return {
        source: "system",
        executablePath: installed,
        version: await browserVersion(installed),
        args: SYSTEM_ARGS,
      };
    }
    if (mode === "system")
      throw new Error(`STAPEL_BROWSER=system, but none of these exists: ${SYSTEM_BROWSERS.join(", ")}`);
    return bundled();
  })();
  found.catch(() => {
    found = undefined;
  });
  return found;
}

export function describeBrowser(choice: BrowserChoice): string {
  return `${choice.version} (${choice.source}: ${choice.executablePath})`;
}

/** The browser global setup chose for this run, or (outside a vitest run) a fresh search. */
async function chosenBrowser(): Promise<BrowserChoice> {
  let provided: BrowserChoice | undefined;
  try {
    provided = inject("browser");
  } catch {
    // Not inside a vitest worker.
  }
  return provided ?? findBrowser();
}

/** A headless Chrome/Chromium driven by playwright-core, in a fresh profile; nothing is downloaded. */
export async function launchBrowser(): Promise<BrowserContext> {
  const choice = await chosenBrowser();
  const profile = mkdtempSync(join(tmpdir(), "stapel-chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: choice.executablePath,
    headless: true,
    acceptDownloads: true,
    args: choice.args,
  });
  // Chromium may still be writing into its profile as the context closes (ENOTEMPTY): retry, and a
  // temporary folder left behind must not fail the run.
  context.on("close", () => {
    rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
  });
  return context;
}

/** Signs in through the real magic-link flow, reading the link from the dev outbox page. */
export async function signInByEmail(page: Page, baseUrl: string, email: string) {
  if (!page.url().includes("/login")) await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByText(`we sent a sign-in link to ${email}`).waitFor();
  await page.goto(`${baseUrl}/dev/outbox`);
  const message = page
    .locator("li", { hasText: `To ${email}` })
    .filter({ hasText: "Your Stapel sign-in link" })
    .first();
  const link = await message
    .getByRole("link", { name: /login\/verify/ })
    .first()
    .getAttribute("href");
  if (!link) throw new Error("no sign-in link in the outbox");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
}
