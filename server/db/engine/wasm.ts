// Loads Prisma's schema engine compiled to wasm. Node 20 cannot import the package's entry (it
// imports the .wasm as an ES module), so the wasm-bindgen glue is imported by file path and the
// module instantiated by hand.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as GlueModule from "@prisma/schema-engine-wasm/schema_engine_bg";

export type Glue = typeof GlueModule;
export type WasmSchemaEngine = GlueModule.SchemaEngine;

export interface LoadedGlue {
  glue: Glue;
  wasmPath: string;
  /** Clears timers the engine left behind (a 10 s one outlives every command). */
  clearTimers(): void;
}

const require = createRequire(import.meta.url);

let panicMessage: string | undefined;

/** Rust panics arrive here before the wasm traps with a bare "unreachable". */
export function takePanicMessage(): string | undefined {
  const message = panicMessage;
  panicMessage = undefined;
  return message;
}

function installPanicRegistry(): void {
  const registry = {
    set_message(message: string) {
      panicMessage = message;
    },
  };
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: registry });
}

function gluePath(): string {
  return join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.js");
}

/** The glue only works with a module whose imports and exports carry the same hashed names. */
function matchesGlue(module: WebAssembly.Module, glue: Glue, glueSource: string): boolean {
  const glueExports = glue as unknown as Record<string, unknown>;
  const importsMet = WebAssembly.Module.imports(module).every((i) => i.name in glueExports);
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const used = new Set([...glueSource.matchAll(/\bwasm\.([A-Za-z0-9_]+)/g)].map((m) => m[1]));
  return importsMet && [...used].every((name) => name !== undefined && exported.has(name));
}

function candidateWasmPaths(): string[] {
  const paths: string[] = [];
  try {
    // The CLI's copy is the engine build `prisma` itself was released with.
    paths.push(join(dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"));
  } catch {
    // `prisma` may be absent in a slim install; the package's own build still works.
  }
  paths.push(join(dirname(gluePath()), "schema_engine_bg.wasm"));
  return paths;
}

const compiled = new Map<string, WebAssembly.Module>();
let generation = 0;
let current: Promise<LoadedGlue> | undefined;

async function instantiate(): Promise<LoadedGlue> {
  installPanicRegistry();
  const path = gluePath();
  // A fresh query string gives a fresh glue module: after a panic the old instance is poisoned,
  // and the glue caches views of its memory, so it cannot be pointed at a new instance.
  const glue = (await import(`${pathToFileURL(path).href}?instance=${generation++}`)) as Glue;
  const glueSource = readFileSync(path, "utf8");

  let chosen: { module: WebAssembly.Module; wasmPath: string } | undefined;
  for (const wasmPath of candidateWasmPaths()) {
    let module = compiled.get(wasmPath);
    if (!module) {
      try {
        module = new WebAssembly.Module(readFileSync(wasmPath));
      } catch {
        continue;
      }
      compiled.set(wasmPath, module);
    }
    if (matchesGlue(module, glue, glueSource)) {
      chosen = { module, wasmPath };
      break;
    }
  }
  if (!chosen) throw new Error(`No schema engine .wasm matches the glue at ${path}`);

  const timers = new Set<ReturnType<typeof setTimeout>>();
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(glue)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        callback();
      }, ms >>> 0);
      timers.add(timer);
      return timer;
    };
  }

  const instance = new WebAssembly.Instance(chosen.module, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start(): void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return {
    glue,
    wasmPath: chosen.wasmPath,
    clearTimers() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** One engine instance per process; `discardGlue()` after a panic makes the next call start afresh. */
export function loadGlue(): Promise<LoadedGlue> {
  current ??= instantiate().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

export function discardGlue(): void {
  current = undefined;
}
