// The access matrix: every route of the built app × every method it answers × every principal,
// checked over HTTP against access-table.ts. Routes come from the build's manifest, so a route added
// without its row in the table fails here instead of shipping unchecked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessTable, clientError, everyone, type Probe, type Row } from "./access-table.ts";
import { openStateProbe, type StateProbe } from "./support/db-state.ts";
import { judge, requestAs } from "./support/judge.ts";
import { loadManifest, type ManifestRoute, matchesRoute } from "./support/manifest.ts";
import { type SecurityServer, startSecurityServer } from "./support/server.ts";
import { PRINCIPALS, seedWorld, type World } from "./support/world.ts";

const manifest = await loadManifest();
const TABLE_FILE = "tests/security/access-table.ts";

/**
 * POST to a route without an action must be refused (405, or another 4xx), never crash: one probe
 * per such route, at the path of its first GET probe (`?index` targets an index route itself).
 */
function probesFor(route: ManifestRoute, row: Row): Probe[] {
  if ("layout" in row) return [];
  const first = row.probes.find((probe) => probe.method === "GET");
  if (route.hasAction || !first) return row.probes;
  const automatic: Probe = {
    label: "POST to a route without an action",
    method: "POST",
    path: (world) => {
      const path = first.path(world);
      return route.index ? `${path}${path.includes("?") ? "&" : "?"}index` : path;
    },
    body: () => ({ form: { anything: "at all" } }),
    expect: everyone(clientError),
  };
  return [...row.probes, automatic];
}

describe("the access table covers the route manifest", () => {
  it("has a row for every route of the built app", () => {
    const missing = manifest
      .filter((route) => !(route.id in accessTable))
      .map(
        (route) =>
          `Route "${route.id}" (${route.fullPath}) has no row in ${TABLE_FILE}. Add one: the answer ` +
          "each principal (anonymous, buyerA, buyerB, sellerA, sellerB, admin) must get for each method it " +
          "supports, and its fields to the bad-input corpus (tests/security/bad-input.test.ts).",
      );
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("has no rows for routes that no longer exist", () => {
    const known = new Set(manifest.map((route) => route.id));
    const stale = Object.keys(accessTable).filter((id) => !known.has(id));
    expect(stale, `Remove these rows from ${TABLE_FILE}; the build has no such routes`).toEqual([]);
  });

  it("probes every method a route answers", () => {
    const problems: string[] = [];
    for (const route of manifest) {
      const row = accessTable[route.id];
      if (!row) continue;
      if ("layout" in row) {
        if (!route.hasChildren)
          problems.push(`${route.id}: marked as a layout but no route has it as parent`);
        if (route.hasAction) problems.push(`${route.id}: a layout with an action needs probes`);
        continue;
      }
      const methods = new Set(row.probes.map((probe) => probe.method));
      if ((route.hasLoader || route.hasComponent) && !methods.has("GET"))
        problems.push(`${route.id}: has a loader or page but no GET probe`);
      if (route.hasAction && !methods.has("POST"))
        problems.push(`${route.id}: has an action but no POST probe`);
      if (!route.hasAction && methods.has("POST"))
        problems.push(`${route.id}: has no action; its POST probe is automatic (any 4xx), remove the row's`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

let server: SecurityServer;
let world: World;
let state: StateProbe;
let cells = 0;

beforeAll(async () => {
  server = await startSecurityServer();
  world = await seedWorld(server, { refundable: 1 });
  state = await openStateProbe();
}, 180_000);

afterAll(async () => {
  console.info(
    `access matrix: ${cells} cells checked (${manifest.length} routes × methods × ${PRINCIPALS.length} principals)`,
  );
  await state?.close();
  await server?.stop();
});

for (const route of manifest) {
  const row = accessTable[route.id];
  if (!row) continue;
  const probes = probesFor(route, row);
  if (probes.length === 0) continue;
  describe(`${route.id} (${route.fullPath})`, () => {
    for (const probe of probes) {
      for (const principal of PRINCIPALS) {
        const expectation = probe.expect[principal];
        it(`${probe.method} ${probe.label} as ${principal}`, async () => {
          const path = probe.path(world);
          expect(matchesRoute(route, path), `${path} is not a path of ${route.fullPath}`).toBe(true);
          await state.resetRateLimits();
          const reply = await requestAs(world, principal, {
            method: probe.method,
            path,
            body: probe.body?.(world),
          });
          cells++;
          const problem = judge(reply, expectation, world);
          expect(problem, `${probe.method} ${path} as ${principal}: ${problem}`).toBeNull();
        });
      }
    }
  });
}
