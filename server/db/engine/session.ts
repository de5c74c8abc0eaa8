// One schema engine for the span of one command, and everything it opened closed afterwards.
import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createEngineFactory, type FactoryOptions } from "./factory.ts";
import { discardGlue, loadGlue, takePanicMessage, type WasmSchemaEngine } from "./wasm.ts";

export interface Logger {
  info?(message: string): void;
  warn?(message: string): void;
  debug?(message: string): void;
}

export interface SessionOptions extends FactoryOptions {
  schemaPath: string;
  logger?: Logger;
}

/** An error the engine reports to users (P3005 and friends), with its code when it has one. */
export class SchemaEngineError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SchemaEngineError";
    this.code = code;
  }
}

function toError(error: unknown): Error {
  const panic = takePanicMessage();
  if (panic) {
    // A panicked wasm instance is unusable; the next command instantiates a new one.
    discardGlue();
    return new SchemaEngineError(`Schema engine panicked: ${panic}`, undefined, { cause: error });
  }
  if (error instanceof Error) return error;
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; error_code?: unknown; meta?: unknown };
    const code = typeof e.error_code === "string" ? e.error_code : undefined;
    const message = typeof e.message === "string" ? e.message : JSON.stringify(error);
    return new SchemaEngineError(message, code, { cause: error });
  }
  return new SchemaEngineError(String(error));
}

let activeEngines = 0;

/**
 * The engine keeps state between calls: the schema its migrations produce, computed on a shadow
 * database only by devDiagnostic / diagnoseMigrationHistory (with the shadow opted in), is what
 * evaluateDataLoss and createMigration read. Those two cannot reach our shadow factory themselves,
 * so they must run in the same session, after a diagnosis of the same migrations list.
 */
export async function withSchemaEngine<T>(
  options: SessionOptions,
  run: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const { glue, clearTimers } = await loadGlue();
  const schema = await readFile(options.schemaPath, "utf8");
  const { factory, close } = createEngineFactory(options);
  const logger = options.logger;
  activeEngines++;
  let engine: WasmSchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: [[options.schemaPath, schema]] },
      (line: string) => logger?.debug?.(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await run(engine);
  } catch (error) {
    throw toError(error);
  } finally {
    try {
      engine?.free();
    } catch {
      // Freeing after a panic can trap again; the instance is discarded either way.
    }
    await close();
    activeEngines--;
    // The engine's timers belong to the shared instance: clear them only once nothing runs.
    if (activeEngines === 0) clearTimers();
  }
}
