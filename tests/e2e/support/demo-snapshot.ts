// The browser files' servers start from one first start instead of each making its own. The run's
// global setup starts the server once on empty data, exactly as `npm start` does on a new machine
// (migrations, demo seed, cover images, plans and shops set up at the Stripe sandbox, the demo
// buyer's subscription), waits for all of it, stops the server and keeps its data folder and, on
// PostgreSQL, its database as a template. Each journey's server then starts on a copy: every file
// still gets data of its own, and the first start itself is still what the whole run stands on
// (if it fails, no file runs). About 5 s of start-up and 6 s of CPU less per file.
import { rmSync } from "node:fs";
import { dropDatabase, withAdmin } from "../../setup/test-database.ts";
import { type DemoSnapshot, startStapel } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Made once per run by tests/e2e/support/global-browser.ts. */
    demoSnapshot: DemoSnapshot;
  }
}

const COVERS_DRAWN = "Demo covers:";

export async function makeDemoSnapshot(): Promise<{ snapshot: DemoSnapshot; dispose(): Promise<void> }> {
  const server = await startStapel();
  try {
    // Ready comes before the covers are drawn (they are drawn while the server already answers).
    for (let waited = 0; !server.logs().includes(COVERS_DRAWN); waited += 200) {
      if (waited > 120_000) throw new Error(`the demo's cover images were not drawn:\n${server.logs()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const snapshot = await server.stopKeepingData();
  return {
    snapshot,
    async dispose() {
      rmSync(snapshot.dataDir, { recursive: true, force: true });
      const serverUrl = process.env.TEST_DATABASE_URL;
      const database = snapshot.database;
      if (serverUrl && database) await withAdmin(serverUrl, (admin) => dropDatabase(admin, database));
    },
  };
}
