// The entry of the embedded database's worker thread (embedded-postgres-worker.ts). Plain
// JavaScript because on Node 20 a worker's first module is loaded before the TypeScript loader that
// tsx passes on in execArgv is active: register it here, then load the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./embedded-postgres-thread.ts");
