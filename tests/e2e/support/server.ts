import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** With TEST_DATABASE_URL the server runs on a fresh database of that PostgreSQL server. */
async function freshDatabaseUrl(): Promise<string | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS stapel_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE stapel_e2e");
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/stapel_e2e";
  return url.toString();
}

export type RunningServer = {
  url: string;
  logs: () => string;
  /** The Stripe sandbox the launcher started (a new port after each restart), from its start-up log. */
  sandboxUrl: () => string;
  /** Stops the server (SIGTERM, as a process manager would) and starts it again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** Starts `server/start.ts` (the code behind `npm start`) on a free port with its own data folder. */
/** `env` adds or overrides settings of the server process (e.g. TRUST_PROXY for the bench). */
export async function startStapel(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = await freshDatabaseUrl();
  const dataDir = mkdtempSync(join(tmpdir(), "stapel-e2e-"));
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
        DATABASE_URL: databaseUrl ?? "",
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
    const deadline = Date.now() + 90_000;
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

  await launch();
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
    stop,
  };
}
