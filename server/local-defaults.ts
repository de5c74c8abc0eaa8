import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Secrets a real deployment sets explicitly. For a local run we make them once and keep them under
 * the data folder, so sessions and webhook signatures survive restarts.
 */
type LocalSecrets = {
  SESSION_SECRET: string;
  DOWNLOAD_SIGNING_SECRET: string;
  STRIPE_WEBHOOK_SECRET: string;
};

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const path = join(dataDir, "local-secrets.json");
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DOWNLOAD_SIGNING_SECRET: randomBytes(32).toString("hex"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
