// A raw HTTP client: node:http sends the path, headers and body exactly as given (fetch would
// normalise URLs, drop some headers and refuse others), and never follows redirects.
import { type IncomingHttpHeaders, request } from "node:http";

export type SendOptions = {
  method?: string;
  /** Sent as-is: percent-encode what must not appear raw (spaces, control characters, non-ASCII). */
  path: string;
  headers?: Record<string, string | undefined>;
  /** The session cookie (`name=value`), or null for none. */
  cookie?: string | null;
  body?: string | Buffer;
};

export type Reply = {
  status: number;
  headers: IncomingHttpHeaders;
  /** A header's value, multi-valued headers joined with ", ". */
  header(name: string): string | undefined;
  setCookies: string[];
  body: string;
  isHtml: boolean;
};

const MAX_BODY = 8 * 1024 * 1024;

export async function send(baseUrl: string, options: SendOptions): Promise<Reply> {
  const base = new URL(baseUrl);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
  return new Promise<Reply>((resolve, reject) => {
    let settled = false;
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: options.method ?? "GET",
        path: options.path,
        // A connection per request: a server that answers before reading a large body closes the
        // connection, and a reused one would fail the next, unrelated request.
        agent: false,
        headers,
        setHost: !Object.keys(headers).some((name) => name.toLowerCase() === "host"),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY) chunks.push(chunk);
        });
        res.on("error", (error) => {
          if (!settled) reject(error);
          settled = true;
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          const body = Buffer.concat(chunks).toString("utf8");
          const raw = res.headers;
          const setCookie = raw["set-cookie"];
          resolve({
            status: res.statusCode ?? 0,
            headers: raw,
            header(name) {
              const value = raw[name.toLowerCase()];
              return Array.isArray(value) ? value.join(", ") : value;
            },
            setCookies: Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [],
            body,
            isHtml: /text\/html/i.test(String(raw["content-type"] ?? "")),
          });
        });
      },
    );
    req.setTimeout(30_000, () =>
      req.destroy(new Error(`no answer within 30 s: ${options.method} ${options.path}`)),
    );
    // A server may answer (413, 431) and close before reading a large body; the answer still counts.
    req.on("error", (error) => {
      if (!settled) {
        settled = true;
        reject(new Error(`${options.method ?? "GET"} ${options.path.slice(0, 200)}: ${error.message}`));
      }
    });
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** application/x-www-form-urlencoded from pairs; values are encoded, repeated names allowed. */
export function formBody(fields: Record<string, string | string[]> | [string, string][]): string {
  const pairs = Array.isArray(fields)
    ? fields
    : Object.entries(fields).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item) => [name, item] as [string, string]),
      );
  return new URLSearchParams(pairs).toString();
}

export const FORM = "application/x-www-form-urlencoded";

/**
 * Where a Location header sends a browser: resolved the way browsers parse URLs (WHATWG: tabs and
 * newlines dropped, backslashes read as slashes), so `/\t/evil.example` shows up as evil.example.
 */
export function resolveLocation(location: string, baseUrl: string): URL {
  return new URL(location, baseUrl);
}
