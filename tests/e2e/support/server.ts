import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseUrlFor, dropDatabase, quote, withAdmin } from "../../setup/test-database.ts";
import { freePort } from "../../support/free-port.ts";

/**
 * With TEST_DATABASE_URL the server runs on a fresh database of that PostgreSQL server, one of its
 * own (browser files run beside each other, and a file may start more than one server); dropped
 * when the server stops for good.
 */
async function freshDatabase(
  template?: string,
): Promise<{ url: string; name: string; drop(): Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `stapel_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withAdmin(serverUrl, (admin) =>
    admin.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`),
  );
  return {
    url: databaseUrlFor(serverUrl, name),
    name,
    drop: () => withAdmin(serverUrl, (admin) => dropDatabase(admin, name)),
  };
}

/**
 * What a server left after its first start (demo seeded, covers drawn, plans and shops set up at
 * the Stripe sandbox): its data folder and, on PostgreSQL, its database. A server started `from`
 * one begins where that first start ended, without repeating it (see demo-snapshot.ts).
 */
export type DemoSnapshot = { dataDir: string; database?: string };

export type RunningServer = {
  url: string;
  logs: () => string;
  /** The Stripe sandbox the launcher started (a new port after each restart), from its start-up log. */
  sandboxUrl: () => string;
  /** Stops the server (SIGTERM, as a process manager would) and starts it again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and hands over its data (folder and database) instead of removing them. */
  stopKeepingData(): Promise<DemoSnapshot>;
};

/**
 * Starts `server/start.ts` (the code behind `npm start`) on a free port with its own data folder.
 * `env` adds or overrides settings of the server process (e.g. TRUST_PROXY for the bench); `from`
 * starts it on a copy of a snapshot's data instead of empty (its first start already done).
 */
export async function startStapel(
  env: Record<string, string> = {},
  options: { from?: DemoSnapshot } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = await freshDatabase(options.from?.database);
  const dataDir = mkdtempSync(join(tmpdir(), "stapel-e2e-"));
  if (options.from) cpSync(options.from.dataDir, dataDir, { recursive: true });
  let output = "";
  let child: ChildProcess;

  const launch = async () => {
    const startedAt = output.length;
    child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: url,
        STAPEL_DATA_DIR: dataDir,
        DATABASE_URL: database?.url ?? "",
        STRIPE_SECRET_KEY: "",
        RESEND_API_KEY: "",
        NODE_ENV: "production",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    // Healthy once it listens; ready once the start-up work after that (the plans' Stripe sync, the
    // demo buyer's subscription) is done too, so a journey finds the demo as a visitor would.
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
      const ready = output.slice(startedAt).includes("[stapel] Stapel is ready on");
      const healthy =
        ready &&
        (await fetch(`${url}/healthcheck`).then(
          (response) => response.ok,
          () => false,
        ));
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };

  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    await database?.drop();
    throw error;
  }
  return {
    url,
    logs: () => output,
    sandboxUrl() {
      const started = [...output.matchAll(/\[stapel\] Stripe sandbox on (http:\/\/\S+)/g)].at(-1);
      if (!started?.[1]) throw new Error(`the launcher started no Stripe sandbox:\n${output}`);
      return started[1];
    },
    async restart() {
      await stop();
      await launch();
    },
    async stop() {
      await stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async stopKeepingData() {
      await stop();
      return { dataDir, database: database?.name };
    },
  };
}
