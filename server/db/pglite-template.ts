// New PGlite clusters start from a dump of a freshly initialised one: initdb inside PGlite takes
// 3-8 s, loading the dump 0.6 s in memory and 1 s on disk. That is most of the start-up time of
// the test database, `db:check`, every shadow database and a first `npm start`.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const GZIP = "application/x-gzip";

/** The package hides package.json behind "exports"; find it next to the resolved entry instead. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    dir = dirname(dir);
  }
  return "unknown";
}

// Shared by every process on the machine; keyed by version because the dump is PGlite's own format.
const cacheFile = join(tmpdir(), `stapel-pglite-template-${pgliteVersion()}.tar.gz`);

let template: Promise<Blob> | undefined;

/**
 * Extensions every cluster loads, so the migrations' `CREATE EXTENSION` works here as on a real
 * server: pg_trgm for the storefront search's typo tolerance.
 */
const extensions = { pg_trgm } satisfies PGliteOptions["extensions"];

async function buildTemplate(): Promise<Blob> {
  const cached = await readFile(cacheFile).catch(() => undefined);
  if (cached) return new Blob([cached], { type: GZIP });
  const seed = await PGlite.create();
  const dump = await seed.dumpDataDir("gzip");
  await seed.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Write-then-rename so a concurrent reader never sees half a file; a read-only tmp only costs speed.
  const partial = `${cacheFile}.${process.pid}.partial`;
  await writeFile(partial, bytes)
    .then(() => rename(partial, cacheFile))
    .catch(() => rm(partial, { force: true }));
  return new Blob([bytes], { type: GZIP });
}

/**
 * A PGlite in memory (no dataDir) or in dataDir. A new cluster, in memory or in a directory that
 * does not hold one yet, starts from the template instead of running initdb, or from `dump` (a
 * `dumpDataDir()` of another cluster, e.g. a migrated test database) when given.
 */
export async function createPGlite(dataDir?: string, dump?: Blob): Promise<PGlite> {
  if (dataDir && existsSync(join(dataDir, "PG_VERSION"))) return PGlite.create({ dataDir, extensions });
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (dataDir && readdirSync(dataDir).length > 0) {
    // Not a cluster and not empty: let PGlite report whatever this is rather than unpack over it.
    return PGlite.create({ dataDir, extensions });
  }
  // No fallback here: a caller's dump that does not load is an error to see, not to paper over.
  if (dump) return PGlite.create({ dataDir, loadDataDir: dump, extensions });
  template ??= buildTemplate();
  try {
    return await PGlite.create({ dataDir, loadDataDir: await template, extensions });
  } catch {
    // A corrupt or foreign cache file: drop it (and any half-unpacked directory), then initdb.
    template = undefined;
    await rm(cacheFile, { force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    return PGlite.create(dataDir ? { dataDir, extensions } : { extensions });
  }
}
