// An in-process PGlite as a driver adapter: the shadow database for the embedded default, and a
// scratch database for commands that never touch a real one.
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "../pglite-template.ts";

interface PGliteQueryableInternals {
  onError(error: unknown): never;
}

export async function connectScratchPGlite(): Promise<SqlDriverAdapter> {
  const db = await createPGlite();
  const adapter = await new PrismaPGlite(db).connect();
  const inner = adapter as SqlDriverAdapter & Partial<PGliteQueryableInternals>;

  // pglite-prisma-adapter 0.7.2 does not await exec(): a failing migration would surface as an
  // unhandled rejection after the engine had already been told it succeeded.
  adapter.executeScript = async (script: string) => {
    try {
      await db.exec(script);
    } catch (error) {
      if (inner.onError) inner.onError(error);
      throw error;
    }
  };

  let closed: Promise<void> | undefined;
  adapter.dispose = () => {
    closed ??= db.close();
    return closed;
  };
  return adapter;
}
