/**
 * The licence verify scenario's floor: a bare node:http server answering Gumroad's verify exactly as
 * Stapel does, with the same single statement (VERIFY_AND_COUNT_SQL: the key read and its use counted)
 * and the same JSON (gumroadSuccess), on the same database, but without Remix, Prisma, sessions or rate limits.
 * Run in its own process, as the app is; it prints its port on the first line.
 * Settings: DATABASE_URL (the server's database), APP_URL.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import {
  GUMROAD_NOT_FOUND,
  gumroadSuccess,
  keyState,
  type LicenseRecord,
  VERIFY_AND_COUNT_SQL,
} from "../app/modules/licensing/license-record.ts";

const appUrl = process.env.APP_URL ?? "http://127.0.0.1";
// Stapel's columns are UTC timestamps without a zone; read them as UTC, as Prisma does.
pg.types.setTypeParser(1114, (value) => new Date(`${value.replace(" ", "T")}Z`));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const answer = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
};

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    try {
      const fields = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const key = (fields.get("license_key") ?? "").trim().toUpperCase();
      const productId = fields.get("product_id") ?? "";
      const increment = fields.get("increment_uses_count") !== "false";
      const { rows } = await pool.query<LicenseRecord & { countedUses: number | null }>(
        VERIFY_AND_COUNT_SQL,
        [key, increment, productId, fields.get("product_permalink") ?? ""],
      );
      const record = rows[0];
      if (!record || (productId !== record.listingId && productId !== record.planId))
        return answer(res, 404, { success: false, message: GUMROAD_NOT_FOUND });
      if (keyState(record) !== "active") return answer(res, 404, { success: false, message: "inactive" });
      const uses = record.countedUses ?? record.uses;
      answer(res, 200, gumroadSuccess(record, uses, appUrl));
    } catch (error) {
      answer(res, 500, { success: false, message: String(error) });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  console.info(String((server.address() as AddressInfo).port));
});
process.once("SIGTERM", () => {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
});
