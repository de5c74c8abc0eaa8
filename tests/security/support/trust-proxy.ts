// Baseline item 6: whose address the sign-in limit (10 POST /login per address per 15 minutes)
// counts, depending on TRUST_PROXY. Shared by the trust-proxy-*.test.ts files, one setting each.
import { expect } from "vitest";
import type { StateProbe } from "./db-state.ts";
import { FORM, formBody, send } from "./http.ts";
import type { SecurityServer } from "./server.ts";

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
