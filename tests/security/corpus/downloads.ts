// Paid file downloads: the file id in the path and each part of the signed query (u, e, exp, sig),
// and the conditional and range headers on a genuine link (a hostile Range is ignored or refused with
// 416, never a 5xx; a download that happens logs one DownloadLog row).
import { add, get, segment } from "../support/corpus.ts";
import { MISC, NUL, percentEncode, SAMPLE, UNICODE, XSS } from "../support/payloads.ts";

add(
  "GET /downloads/:fileId (buyer A's signed query)",
  SAMPLE.map((payload) => ({
    name: payload.name,
    principal: "anonymous",
    payload,
    request: (world) => get(`/downloads/${segment(payload)}?${world.purchaseA.downloadPath.split("?")[1]}`),
  })),
);
for (const parameter of ["u", "e", "exp", "sig"]) {
  add(
    `GET /downloads/:fileId?${parameter}=`,
    [...XSS.slice(0, 2), ...NUL, ...UNICODE.slice(0, 3), ...MISC.slice(0, 2), ...MISC.slice(8, 11)].map(
      (payload) => ({
        name: payload.name,
        principal: "anonymous",
        payload,
        request: (world) => {
          const [path, query] = world.purchaseA.downloadPath.split("?") as [string, string];
          const fields = query
            .split("&")
            .map((pair) =>
              pair.startsWith(`${parameter}=`) ? `${parameter}=${percentEncode(payload)}` : pair,
            );
          return get(`${path}?${fields.join("&")}`);
        },
      }),
    ),
  );
}

/** Header values a client can send (printable ASCII): ranges of every broken shape. */
const HOSTILE_HEADERS: [string, string][] = [
  ["empty", ""],
  ["no unit", "0-99"],
  ["other unit", "items=0-9"],
  ["no numbers", "bytes=-"],
  ["reversed", "bytes=99-0"],
  ["negative start", "bytes=-5-10"],
  ["beyond the file", "bytes=999999999-"],
  ["huge number", `bytes=${"9".repeat(400)}-`],
  ["float", "bytes=0.5-1.5"],
  ["exponent", "bytes=1e3-"],
  ["many ranges", `bytes=${Array.from({ length: 2000 }, (_, i) => `${i}-${i}`).join(",")}`],
  ["overlapping ranges", "bytes=0-10,5-15,0-"],
  ["zero suffix", "bytes=-0"],
  ["sql", "bytes=0-1' OR '1'='1"],
  ["markup", 'bytes=<script>alert("x")</script>'],
  ["format string", "%s%s%n"],
  ["long", "A".repeat(8000)],
];

for (const header of ["Range", "If-Range", "If-None-Match"] as const) {
  add(
    `GET /downloads/:fileId: ${header} header (buyer A's link)`,
    HOSTILE_HEADERS.map(([name, value]) => ({
      name,
      principal: "anonymous",
      request: (world) =>
        get(
          world.purchaseA.downloadPath,
          header === "Range" ? { Range: value } : { Range: "bytes=0-9", [header]: value },
        ),
      // A download that is answered (200 or 206) is logged; a 416 or 304 changes nothing.
      mayAdd: { DownloadLog: 1 },
    })),
  );
}
