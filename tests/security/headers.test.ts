// Security headers on every kind of response: each GET probe of the access table (so every route
// of the build) for a signed-out visitor, a buyer and a seller, error pages, an unknown URL,
// static files and single-fetch `.data` requests.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFramablePath } from "../../server/http/security-headers.ts";
import { accessTable } from "./access-table.ts";
import { lacksNoStore, scriptNonce, securityHeaderProblems } from "./support/headers.ts";
import { type Reply, send } from "./support/http.ts";
import { loadManifest } from "./support/manifest.ts";
import { type SecurityServer, startSecurityServer } from "./support/server.ts";
import { type Principal, seedWorld, type World } from "./support/world.ts";

const manifest = await loadManifest();
const VISITORS = ["anonymous", "buyerA", "sellerA"] as const satisfies readonly Principal[];

let server: SecurityServer;
let world: World;
const cookies = new Map<Principal, string | null>();
let checked = 0;

beforeAll(async () => {
  server = await startSecurityServer();
  world = await seedWorld(server);
  for (const visitor of VISITORS) cookies.set(visitor, await world.cookie(visitor));
}, 180_000);

afterAll(async () => {
  console.info(`security headers: ${checked} responses checked`);
  await server?.stop();
});

async function get(path: string, visitor: Principal): Promise<Reply> {
  const reply = await send(server.url, { path, cookie: cookies.get(visitor) ?? null });
  checked++;
  return reply;
}

/** Everything wrong with one response; `personal`: a session is involved, so no-store is due. */
function problems(reply: Reply, personal: boolean, path: string): string[] {
  const found = securityHeaderProblems(reply, {
    framable: isFramablePath(new URL(path, server.url).pathname),
  });
  if (personal || reply.setCookies.length > 0) {
    const cache = lacksNoStore(reply);
    if (cache) found.push(`a session is involved but ${cache}`);
  }
  return found;
}

describe("every route's GET probes", () => {
  for (const route of manifest) {
    const row = accessTable[route.id];
    if (!row || "layout" in row) continue;
    for (const probe of row.probes.filter((candidate) => candidate.method === "GET")) {
      for (const visitor of VISITORS) {
        it(`${route.id}: ${probe.label} as ${visitor}`, async () => {
          const path = probe.path(world);
          const reply = await get(path, visitor);
          const shared = row.shared === true && reply.status === 200;
          const personal = (visitor !== "anonymous" || row.private === true) && !shared;
          expect(problems(reply, personal, path), `GET ${path} as ${visitor} → ${reply.status}`).toEqual([]);
          if (shared) expect(reply.header("cache-control")).toMatch(/^public, .*immutable/);
        });
      }
    }
  }
});

describe("responses the route table does not list", () => {
  const asset = readdirSync(new URL("../../build/client/assets/", import.meta.url)).find((name) =>
    name.endsWith(".js"),
  );
  const extra: [string, string, boolean][] = [
    ["an unknown URL (404)", "/there/is/nothing/here", false],
    ["an unknown asset", "/assets/does-not-exist.js", false],
    ["the NUL-byte guard's 400", "/p/%00", false],
    ["a 405", "/webhooks/stripe", false],
    ["a static file", "/favicon.svg", false],
    ["a fingerprinted asset", `/assets/${asset}`, false],
    ["root data (.data)", "/_root.data", false],
    ["a listing's data (.data)", "/p/SLUG.data", false],
    ["the library's data (.data)", "/library.data", true],
    ["the sales data (.data)", "/dashboard/sales.data", true],
    ["a missing item's data (.data, 404)", "/library/cmissing00000000000000000.data", true],
  ];
  for (const [label, rawPath, isPrivate] of extra) {
    for (const visitor of VISITORS) {
      it(`${label} as ${visitor}`, async () => {
        const path = rawPath.replace("SLUG", world.shopA.listing.slug);
        const reply = await get(path, visitor);
        // Static files are the same for everyone and never read the session: cacheable even when
        // the browser sends the cookie along.
        const isStatic = path.startsWith("/assets/") ? reply.status === 200 : path === "/favicon.svg";
        const personal = !isStatic && (visitor !== "anonymous" || isPrivate);
        expect(problems(reply, personal, path), `GET ${path} as ${visitor} → ${reply.status}`).toEqual([]);
      });
    }
  }
});

describe("the script nonce", () => {
  for (const [path, visitor] of [
    ["/", "anonymous"],
    ["/library", "buyerA"],
    ["/_root.data", "anonymous"],
  ] as const) {
    it(`differs between two requests for ${path} as ${visitor}`, async () => {
      const first = scriptNonce(await get(path, visitor));
      const second = scriptNonce(await get(path, visitor));
      expect(first, "no nonce in script-src").not.toBeNull();
      expect(second).not.toBe(first);
      // 128 bits of randomness at least: 16 bytes in base64 are 22+ characters.
      expect(first?.replace(/=+$/, "").length ?? 0).toBeGreaterThanOrEqual(22);
    });
  }
});

describe("a revalidated page", () => {
  // A browser keeps its stored body on a 304 and takes the 304's headers: a fresh nonce there would
  // refuse every script of the page it shows again.
  for (const path of ["/", "/search?q=email"]) {
    it(`answers ${path} with a 304 that leaves the stored policy alone`, async () => {
      const first = await get(path, "anonymous");
      const etag = first.headers.etag;
      expect(typeof etag === "string" && scriptNonce(first)).toBeTruthy();
      for (let round = 0; round < 2; round++) {
        const again = await send(server.url, { path, headers: { "If-None-Match": String(etag) } });
        checked++;
        expect(again.status).toBe(304);
        expect(again.headers["content-security-policy"]).toBeUndefined();
      }
      // A full answer still carries its own policy and nonce.
      const full = await get(path, "anonymous");
      expect(full.status).toBe(200);
      expect(scriptNonce(full)).not.toBe(scriptNonce(first));
    });
  }
});
