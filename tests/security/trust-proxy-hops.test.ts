// Baseline item 6 with TRUST_PROXY=1 (one proxy hop): the address the proxy appended to
// X-Forwarded-For counts, and anything a client put in front of it does not.
import { afterAll, beforeAll, describe, it } from "vitest";
import { openStateProbe, type StateProbe } from "./support/db-state.ts";
import { type SecurityServer, startSecurityServer } from "./support/server.ts";
import { elevenSignIns, expectLimited, expectNotLimited } from "./support/trust-proxy.ts";

let server: SecurityServer;
let state: StateProbe;

beforeAll(async () => {
  server = await startSecurityServer({ env: { TRUST_PROXY: "1" } });
  state = await openStateProbe();
}, 180_000);

afterAll(async () => {
  await state?.close();
  await server?.stop();
});

describe("TRUST_PROXY=1 (one proxy hop)", () => {
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
