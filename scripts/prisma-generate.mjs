// Runs `prisma generate` without the native schema engine, which cannot be downloaded here:
// the CLI only needs PRISMA_SCHEMA_ENGINE_BINARY to name an executable; the client generator is wasm.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stub = join(mkdtempSync(join(tmpdir(), "stapel-prisma-")), "schema-engine");
writeFileSync(stub, "#!/bin/sh\nexit 1\n");
chmodSync(stub, 0o755);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
