/**
 * A small HTTP client for the benchmarks: node:http with one keep-alive agent, no redirects followed,
 * bodies either kept (HTML to parse) or counted and dropped (load and downloads). Only loopback
 * addresses are allowed, so a bench can never send traffic anywhere else.
 */
import http from "node:http";

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256 });

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as text when `keepBody` was set, otherwise "". */
  body: string;
  /** Body bytes received. */
  bytes: number;
}

export interface RequestOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A form body, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** A body sent byte for byte (a webhook's JSON); its Content-Type goes in `headers`. */
  body?: string;
  keepBody?: boolean;
  timeoutMs?: number;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function request(target: string, options: RequestOptions = {}): Promise<Reply> {
  const url = new URL(target);
  if (url.protocol !== "http:" || !LOOPBACK.has(url.hostname))
    return Promise.reject(new Error(`bench refuses non-loopback URL ${target}`));
  const body = options.form ? new URLSearchParams(options.form).toString() : options.body;
  const headers: Record<string, string> = { "User-Agent": "stapel-bench", ...options.headers };
  if (options.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keepBody) chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: options.keepBody ? Buffer.concat(chunks).toString("utf8") : "",
            bytes,
          }),
        );
        res.on("error", reject);
        res.on("aborted", () => reject(new Error(`response aborted: ${target}`)));
      },
    );
    req.setTimeout(options.timeoutMs ?? 15_000, () => req.destroy(new Error(`timed out: ${target}`)));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A GET whose response the client stops reading for `pauseMs` (a slow or stalled downloader), then
 * reads to the end. `whilePaused` runs at the end of the pause. Resolves with the bytes received.
 */
export function pausedRequest(target: string, pauseMs: number, whilePaused: () => void): Promise<number> {
  const url = new URL(target);
  if (url.protocol !== "http:" || !LOOPBACK.has(url.hostname))
    return Promise.reject(new Error(`bench refuses non-loopback URL ${target}`));
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { "User-Agent": "stapel-bench" } }, (res) => {
      let bytes = 0;
      res.pause();
      setTimeout(() => {
        whilePaused();
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () => resolve(bytes));
        res.on("error", reject);
        res.resume();
      }, pauseMs);
    });
    req.setTimeout(pauseMs + 60_000, () => req.destroy(new Error(`timed out: ${target}`)));
    req.on("error", reject);
  });
}

/** Just enough of a cookie jar for one origin: name=value pairs from Set-Cookie, sent back as Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(reply: Reply): void {
    for (const line of reply.headers["set-cookie"] ?? []) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
  }
}

/** Resolves a Location header against the URL that sent it. */
export function location(reply: Reply, from: string): string {
  const value = reply.headers.location;
  if (!value) throw new Error(`expected a redirect from ${from}, got ${reply.status}`);
  return new URL(value, from).toString();
}

export function decodeHtml(text: string): string {
  return text
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
}
