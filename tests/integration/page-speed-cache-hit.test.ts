// A page-cache hit as server/http.ts answers it: in the first middlewares (before static files and
// the app), with this response's own nonce both in the Content-Security-Policy and in the body,
// written from the kept parts (no copy of the page per hit), HEAD without a body.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutNonce, PageCache, publicAnswers, sendWithNonce } from "../../server/http/page-cache.ts";
import { newNonce, securityHeaderSet, securityHeaders } from "../../server/http/security-headers.ts";

const site = { https: true, formTargets: ["https://checkout.stripe.com"], devMode: false };
let server: Server;
let base: string;
let rendered = 0;

beforeAll(async () => {
  const cache = new PageCache();
  const answers = publicAnswers(cache);
  const security = securityHeaderSet(site);
  const app = express();
  app.use((req, res, next) => {
    res.locals.nonce = newNonce();
    security.apply(res, res.locals.nonce, req.path.startsWith("/embed/"));
    next();
  });
  app.use((req, res, next) => {
    if (!answers.lookup(req, res)) next();
  });
  // Stands for express.static and the app: a hit never reaches them.
  app.get("*", async (req, res) => {
    rendered++;
    const nonce = res.locals.nonce as string;
    const body = Buffer.from(
      `<script nonce="${nonce}">a()</script><p>${req.path}</p><script nonce="${nonce}">b()</script>`,
    );
    const headers = new Headers({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "public, max-age=0, s-maxage=60",
      Vary: "Cookie, Accept-Language",
    });
    const answer = await answers.publicAnswer.finish(req, res, 200, headers, body);
    res.status(answer.status);
    for (const [name, value] of headers) res.setHeader(name, value);
    res.end(answer.body ?? undefined);
  });
  server = await new Promise<Server>((ready) => {
    const started = app.listen(0, "127.0.0.1", () => ready(started));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

const policyNonce = (response: Response) =>
  response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];

describe("a cache hit", () => {
  it("carries its own nonce in the policy and in every script, and the same bytes otherwise", async () => {
    const first = await fetch(`${base}/p/one`);
    const firstBody = await first.text();
    expect(first.headers.get("x-cache")).toBe("miss");
    const before = rendered;
    const hits = await Promise.all([fetch(`${base}/p/one`), fetch(`${base}/p/one`)]);
    expect(rendered).toBe(before);
    const nonces = new Set([policyNonce(first)]);
    for (const hit of hits) {
      const body = await hit.text();
      const nonce = policyNonce(hit);
      expect(hit.headers.get("x-cache")).toBe("hit");
      expect(nonce).toBeTruthy();
      expect([...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])).toEqual([nonce, nonce]);
      expect(body.replaceAll(nonce as string, "N")).toBe(
        firstBody.replaceAll(policyNonce(first) as string, "N"),
      );
      expect(Number(hit.headers.get("content-length"))).toBe(Buffer.byteLength(body));
      expect(hit.headers.get("x-frame-options")).toBe("DENY");
      expect(hit.headers.get("strict-transport-security")).toContain("max-age=");
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it("answers HEAD with the length and no body", async () => {
    await fetch(`${base}/p/two`);
    const head = await fetch(`${base}/p/two`, { method: "HEAD" });
    expect(head.headers.get("x-cache")).toBe("hit");
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(50);
    expect(await head.text()).toBe("");
  });
});

describe("the security headers worked out once", () => {
  it("equal the ones made per response, framable or not", () => {
    const set = securityHeaderSet(site);
    for (const framable of [false, true])
      expect(set.headersFor("abc123", framable)).toEqual(
        securityHeaders({ ...site, nonce: "abc123", framable }),
      );
  });

  it("and a body without a nonce is written as kept", async () => {
    const stored = cutNonce(Buffer.from("plain page"), "zzz");
    const written: Buffer[] = [];
    const res = {
      setHeader: () => undefined,
      cork: () => undefined,
      write: (chunk: Buffer) => written.push(chunk),
      end: (chunk?: Buffer) => chunk && written.push(chunk),
    };
    sendWithNonce(res as never, stored, "nonce", false);
    expect(Buffer.concat(written).toString()).toBe("plain page");
  });
});
