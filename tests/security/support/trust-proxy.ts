// Baseline item 6: whose address the sign-in limit (10 POST /login per address per 15 minutes)
// counts, depending on TRUST_PROXY. Shared by the trust-proxy-*.test.ts files, one setting each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStateProbe, type StateProbe } from "./db-state.ts";
import { FORM, formBody, send } from "./http.ts";
import { type SecurityServer, startSecurityServer } from "./server.ts";

let counter = 0;

/** Statuses of 11 sign-in requests, each with the X-Forwarded-For `forwardedFor(attempt)` gives. */
export async function elevenSignIns(
  server: SecurityServer,
  state: StateProbe,
  forwardedFor: (attempt: number) => string | undefined,
): Promise<number[]> {
  await state.resetRateLimits();
  const origin = new URL(server.appUrl).origin;
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 11; attempt++) {
    const reply = await send(server.url, {
      method: "POST",
      path: "/login",
      headers: {
        Origin: origin,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": FORM,
        "X-Forwarded-For": forwardedFor(attempt),
      },
      body: formBody({ email: `proxy-${counter++}@example.com` }),
    });
    statuses.push(reply.status);
  }
  return statuses;
}

export function expectLimited(statuses: number[], why: string) {
  expect(statuses.slice(0, 10), statuses.join(" ")).toEqual(Array(10).fill(200));
  expect(statuses[10], `${why}: ${statuses.join(" ")}`).toBe(429);
}

export function expectNotLimited(statuses: number[], why: string) {
  expect(statuses, `${why}: ${statuses.join(" ")}`).toEqual(Array(11).fill(200));
}

/**
 * The three rules every trusted-proxy setting must keep, against a server started with
 * `TRUST_PROXY=trustProxy`. Each setting is its own test file: the server reads it at start.
 */
export function describeTrustedProxy(label: string, trustProxy: string) {
  let server: SecurityServer;
  let state: StateProbe;

  beforeAll(async () => {
    server = await startSecurityServer({ env: { TRUST_PROXY: trustProxy } });
    state = await openStateProbe();
  }, 180_000);

  afterAll(async () => {
    await state?.close();
    await server?.stop();
  });

  describe(label, () => {
    it("counts the forwarded address: eleven visitors behind the proxy are not limited", async () => {
      expectNotLimited(
        await elevenSignIns(server, state, (attempt) => `203.0.113.${attempt}`),
        "different forwarded addresses were counted as one",
      );
    });

    it("limits one forwarded address, whatever the client wrote in front of it", async () => {
      expectLimited(
        await elevenSignIns(server, state, (attempt) => `198.51.100.${attempt}, 203.0.113.7`),
        "a client-supplied first entry escaped the limit",
      );
    });

    it("without the header, the socket's address counts", async () => {
      expectLimited(await elevenSignIns(server, state, () => undefined), "requests without X-Forwarded-For");
    });
  });
}
