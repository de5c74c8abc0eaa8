import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// Many pooled connections sending different parameterized queries at once must each get their own
// answer, on the embedded database exactly as on PostgreSQL.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
afterAll(() => pool.end());

describe("concurrent queries on the database", () => {
  it("keeps every connection's parameterized queries apart", async () => {
    const queries = Array.from({ length: 300 }, async (_, index) => {
      if (index % 3 === 0) {
        const { rows } = await pool.query("SELECT $1::int * 2 AS doubled, $2::text AS label", [
          index,
          `q${index}`,
        ]);
        return rows[0].doubled === index * 2 && rows[0].label === `q${index}`;
      }
      if (index % 3 === 1) {
        const { rows } = await pool.query("SELECT $1::int + $2::int + $3::int + $4::int + $5::int AS total", [
          index,
          1,
          2,
          3,
          4,
        ]);
        return rows[0].total === index + 10;
      }
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query("SELECT $1::text || '-' || $2::text AS joined", [
          `a${index}`,
          "b",
        ]);
        await client.query("COMMIT");
        return rows[0].joined === `a${index}-b`;
      } finally {
        client.release();
      }
    });
    const outcomes = await Promise.allSettled(queries);
    const wrong = outcomes.filter((outcome) => outcome.status === "rejected" || outcome.value !== true);
    expect(
      wrong.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "wrong result")),
    ).toEqual([]);
  });
});
