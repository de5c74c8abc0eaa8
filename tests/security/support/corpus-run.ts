// Runs the bad-input corpus: hostile values through every form field, query string, path parameter,
// the licence API and the Stripe webhook, over HTTP. For every case: no 5xx, no payload reflected
// as markup into an HTML page, and no change to the database (rate-limit counters aside), unless
// the case says which rows a valid remainder of the request may add.
//
// The corpus is split into shards (SHARDS), each run by its own test file with its own server,
// database and world, so vitest runs them side by side. Each surface goes whole to one shard: the
// largest first, each to the shard with the fewest cases so far. Every shard checks that the split
// leaves no case out and none twice, and that it ran exactly the cases it was given.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Case, surfaces } from "./corpus.ts";
import { openStateProbe, type StateProbe, type StateWatch, watchState } from "./db-state.ts";
import { send } from "./http.ts";
import { describeReply } from "./judge.ts";
import { isMarkup } from "./payloads.ts";
import { type SecurityServer, startSecurityServer } from "./server.ts";
import { type Principal, seedWorld, type World } from "./world.ts";
import "./corpus-core.ts";

// Each area's surfaces live in tests/security/corpus/<area>.ts and register themselves when imported.
import.meta.glob("../corpus/*.ts", { eager: true });

/** How many test files share the corpus: bad-input.test.ts is shard 1, bad-input-<n>.test.ts shard n. */
export const SHARDS = 3;

// A deliberately mutating case, to see the state check fail: STAPEL_CORPUS_CANARY=1.
if (process.env.STAPEL_CORPUS_CANARY === "1") {
  surfaces.set("canary: a case that changes the database (must fail)", [
    {
      name: "adds a user while the answer is checked",
      principal: "anonymous",
      request: () => ({ method: "GET", path: "/" }),
      check: async (_reply, _world, state) => {
        await state.query(
          `insert into "User" (id, email, role, "updatedAt") values ('canary-user', 'canary@example.com', 'BUYER', now())`,
        );
        return null;
      },
    },
  ]);
}

/** Surface names per shard (index 0 is shard 1). */
export function splitCorpus(corpus: Map<string, Case[]>, shards = SHARDS): string[][] {
  const split = Array.from({ length: shards }, () => ({ names: [] as string[], cases: 0 }));
  const bySize = [...corpus].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  for (const [name, cases] of bySize) {
    const lightest = split.reduce((best, shard) => (shard.cases < best.cases ? shard : best));
    lightest.names.push(name);
    lightest.cases += cases.length;
  }
  return split.map((shard) => shard.names);
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char] ?? char,
  );

/** Defines shard `shard` (1-based) of the corpus's tests in the calling test file. */
export function runCorpusShard(shard: number) {
  const split = splitCorpus(surfaces);
  const mine = (split[shard - 1] ?? []).map((name) => [name, surfaces.get(name) ?? []] as const);
  const planned = mine.reduce((sum, [, cases]) => sum + cases.length, 0);
  const total = [...surfaces.values()].reduce((sum, cases) => sum + cases.length, 0);

  let server: SecurityServer;
  let world: World;
  let state: StateProbe;
  let watch: StateWatch;
  const cookies = new Map<Principal, string | null>();
  let count = 0;
  /** Cases whose markup payload the page showed, escaped: proof the corpus reaches the rendering. */
  let renderedBack = 0;

  beforeAll(async () => {
    server = await startSecurityServer();
    world = await seedWorld(server, { refundable: 1 });
    state = await openStateProbe();
    // One session per principal for the whole corpus (a fresh one per case would itself be a change).
    for (const principal of new Set(mine.flatMap(([, cases]) => cases.map((c) => c.principal))))
      cookies.set(principal, await world.cookie(principal));
    await server.sandbox.deliveries();
    watch = await watchState(state);
  }, 180_000);

  afterAll(async () => {
    if (watch) {
      const { counterOnly, snapshots } = watch.stats();
      console.info(
        `bad-input corpus, shard ${shard}/${SHARDS}: ${count} of ${planned} cases over ${mine.length} surfaces ` +
          `(the corpus: ${total} cases over ${surfaces.size} surfaces); ${renderedBack} markup payloads came back escaped; ` +
          `state checks: ${counterOnly} by the change counter, ${snapshots} by full snapshot`,
      );
    }
    await state?.close();
    await server?.stop();
  });

  describe("the corpus's split", () => {
    it("gives every surface to exactly one shard", () => {
      const names = split.flat();
      expect(names.length).toBe(surfaces.size);
      expect(new Set(names)).toEqual(new Set(surfaces.keys()));
    });
    it("has a test file for every shard", () => {
      const files = Object.keys(import.meta.glob("../bad-input*.test.ts")).sort();
      expect(files).toEqual(
        Array.from({ length: SHARDS }, (_, i) => `../bad-input${i === 0 ? "" : `-${i + 1}`}.test.ts`).sort(),
      );
    });
  });

  for (const [surface, cases] of mine) {
    describe(surface, () => {
      for (const testCase of cases) {
        it(testCase.name, async () => {
          await state.resetRateLimits();
          const request = testCase.request(world);
          const reply = await send(server.url, {
            ...request,
            cookie: cookies.get(testCase.principal) ?? null,
            headers: { ...(request.method === "POST" && world.sameOrigin), ...request.headers },
          });
          count++;
          if (
            testCase.payload &&
            isMarkup(testCase.payload) &&
            reply.body.includes(escapeHtml(testCase.payload.value))
          )
            renderedBack++;
          const problems: string[] = [];
          if (reply.status >= 500 || reply.status < 100) problems.push(`answered ${describeReply(reply)}`);
          if (
            testCase.payload &&
            isMarkup(testCase.payload) &&
            reply.isHtml &&
            reply.body.includes(testCase.payload.value)
          )
            problems.push(`the page shows the payload as markup: ${testCase.payload.value.slice(0, 80)}`);
          const extra = await testCase.check?.(reply, world, state);
          if (extra) problems.push(extra);
          // Whatever the request set off at Stripe (a refund) reports back by webhook: wait for it.
          await server.sandbox.deliveries();
          const changes = await watch.check(testCase.mayAdd);
          if (changes.length > 0) problems.push(`changed the database: ${changes.join("; ")}`);
          expect(problems, `${request.method} ${request.path.slice(0, 120)} → ${reply.status}`).toEqual([]);
        });
      }
      // The counter's word, checked by a full snapshot once per surface.
      it("(nothing changed over the surface, by full snapshot)", async () => {
        await server.sandbox.deliveries();
        expect(await watch.verify(), "a change the change counter missed").toEqual([]);
      });
    });
  }

  it("ran every case it was given", () => {
    expect(count).toBe(planned);
  });
}
