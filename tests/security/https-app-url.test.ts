// Baseline item 3, https half: with an https APP_URL (TLS ends at a proxy in front; the server
// itself listens on http) every response carries HSTS and session cookies are Secure. The app
// reads its settings once per process, hence a file of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStateProbe, type StateProbe } from "./support/db-state.ts";
import { securityHeaderProblems } from "./support/headers.ts";
import { send } from "./support/http.ts";
import { describeReply } from "./support/judge.ts";
import { type SecurityServer, startSecurityServer } from "./support/server.ts";
import { latestSignInToken, requestSignInLink, useSignInLink } from "./support/sign-in.ts";
import { seedWorld, type World } from "./support/world.ts";

const PUBLIC_URL = "https://stapel.example";
// What the proxy forwards: the public host name and scheme.
const viaProxy = { Host: "stapel.example", "X-Forwarded-Proto": "https" };
const browserForm = { ...viaProxy, Origin: PUBLIC_URL, "Sec-Fetch-Site": "same-origin" };

let server: SecurityServer;
let world: World;
let state: StateProbe;

beforeAll(async () => {
  server = await startSecurityServer({ appUrl: () => PUBLIC_URL });
  world = await seedWorld(server);
  state = await openStateProbe();
}, 180_000);

afterAll(async () => {
  await state?.close();
  await server?.stop();
});

describe("an https APP_URL", () => {
  for (const [label, path, visitor] of [
    ["a page", "/", "anonymous"],
    ["a private page", "/library", "buyerA"],
    ["a 404", "/no-such-page", "anonymous"],
    ["a static file", "/favicon.svg", "anonymous"],
    ["data (.data)", "/_root.data", "anonymous"],
  ] as const) {
    it(`sends HSTS with ${label}`, async () => {
      const reply = await send(server.url, { path, headers: viaProxy, cookie: await world.cookie(visitor) });
      expect(securityHeaderProblems(reply, { https: true }), describeReply(reply)).toEqual([]);
    });
  }

  it("sets the session cookie Secure when signing in, and when signing out", async () => {
    const email = "https-visitor@example.com";
    const asked = await requestSignInLink(server.url, browserForm, { email });
    expect(asked.status, describeReply(asked)).toBe(200);
    const token = await latestSignInToken(state, email);
    expect(token, "the sign-in email is missing").not.toBeNull();
    // Links in emails use the public https address.
    const links = await state.query(`select 1 from "EmailMessage" where "text" like $1`, [
      `%${PUBLIC_URL}/login/verify?token=%`,
    ]);
    expect(links.length, "the emailed link does not use APP_URL").toBe(1);
    const used = await useSignInLink(server.url, browserForm, token ?? "");
    expect(used.status, describeReply(used)).toBeGreaterThanOrEqual(300);
    const session = used.setCookies.find((cookie) => cookie.startsWith("__stapel_session="));
    expect(session, "no session cookie was set").toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);

    const out = await send(server.url, {
      method: "POST",
      path: "/logout",
      headers: browserForm,
      cookie: (session ?? "").split(";")[0] ?? null,
    });
    const cleared = out.setCookies.find((cookie) => cookie.startsWith("__stapel_session="));
    expect(cleared, describeReply(out)).toBeDefined();
    expect(cleared).toMatch(/;\s*Secure/i);
  });
});
