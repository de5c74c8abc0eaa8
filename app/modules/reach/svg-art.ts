/**
 * Pictures drawn as SVG from a listing's or shop's PUBLIC fields only (title, type, category, shop
 * name, price, rating): the demo seed's covers and the Open Graph images. Nothing here may take a
 * listing's body, instructions, teaser or files; the OG test renders these and looks for them.
 * sharp (librsvg) turns the SVG into PNG/WebP; text is set in DejaVu Sans, which Debian ships.
 */

const PALETTES: Record<string, [string, string, string]> = {
  PROMPT: ["#4f46e5", "#9333ea", "#c7d2fe"],
  TEMPLATE: ["#0f766e", "#0284c7", "#99f6e4"],
  AGENT: ["#b45309", "#dc2626", "#fde68a"],
  BUNDLE: ["#1e3a8a", "#be185d", "#fbcfe8"],
};
const FALLBACK_PALETTE: [string, string, string] = ["#334155", "#4f46e5", "#e2e8f0"];

export const escapeSvgText = (text: string) =>
  text
    .replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/\p{Cc}/gu, (char) => (char === "\n" || char === "\t" ? " " : ""));

/** A small stable number from a string, so the same listing always gets the same shapes. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** Breaks a title into at most `maxLines` lines of about `perLine` characters, with an ellipsis if cut. */
export function wrapWords(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || !line) {
      line = candidate.length > perLine ? `${candidate.slice(0, perLine - 1)}…` : candidate;
    } else {
      lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]?.replace(/…$/, "").slice(0, perLine - 1)}…`;
  return kept;
}

/** Gradient, soft circles and a grid of dots, varied by `key`. */
function background(width: number, height: number, type: string, key: string): string {
  const [from, to, light] = PALETTES[type] ?? FALLBACK_PALETTE;
  const seed = seedOf(key);
  const circles = [0, 1, 2]
    .map((index) => {
      const bits = (seed >>> (index * 8)) & 0xff;
      const cx = Math.round(width * (0.55 + (bits % 40) / 100));
      const cy = Math.round(height * ((bits >> 2) / 64));
      const r = Math.round(height * (0.25 + ((bits >> 4) % 8) / 20));
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${light}" fill-opacity="${0.12 + index * 0.06}"/>`;
    })
    .join("");
  const angle = seed % 360;
  return (
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle % 90} .5 .5)">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>` +
    `<pattern id="d" width="32" height="32" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="2" fill="#fff" fill-opacity=".14"/></pattern></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#g)"/>` +
    `<rect width="${width}" height="${height}" fill="url(#d)"/>${circles}`
  );
}

const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

export interface CoverFacts {
  title: string;
  type: string;
  typeLabel: string;
  category: string;
}

/** A 1280×720 cover: the type and category as a label, the title set large. */
export function coverSvg(facts: CoverFacts): string {
  const width = 1280;
  const height = 720;
  const lines = wrapWords(facts.title, 22, 3);
  const titleY = height - 120 - (lines.length - 1) * 84;
  const title = lines
    .map(
      (line, index) =>
        `<text x="80" y="${titleY + index * 84}" font-family="${FONT}" font-size="72" font-weight="bold" fill="#fff">${escapeSvgText(line)}</text>`,
    )
    .join("");
  const label = `${facts.typeLabel} · ${facts.category}`.toUpperCase();
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    background(width, height, facts.type, facts.title) +
    `<rect x="80" y="80" rx="24" width="${Math.min(1100, 48 + label.length * 19)}" height="48" fill="#000" fill-opacity=".25"/>` +
    `<text x="100" y="113" font-family="${FONT}" font-size="26" font-weight="bold" letter-spacing="2" fill="#fff">${escapeSvgText(label)}</text>` +
    `${title}</svg>`
  );
}

export interface ListingCardFacts extends CoverFacts {
  shopName: string;
  /** Already formatted, e.g. "€12.00" or "Free". */
  price: string;
  rating: { average: number | null; count: number };
  /** A data: URI of the cover (PNG), or null to draw the background only. */
  coverDataUri: string | null;
}

/** A 1200×630 Open Graph card for a listing: cover on the right, title, shop, price and rating. */
export function listingOgSvg(facts: ListingCardFacts): string {
  const width = 1200;
  const height = 630;
  const lines = wrapWords(facts.title, 20, 3);
  const title = lines
    .map(
      (line, index) =>
        `<text x="64" y="${200 + index * 68}" font-family="${FONT}" font-size="58" font-weight="bold" fill="#fff">${escapeSvgText(line)}</text>`,
    )
    .join("");
  const stars =
    facts.rating.count > 0 && facts.rating.average !== null
      ? `★ ${facts.rating.average.toFixed(1)} (${facts.rating.count})`
      : "New";
  const cover = facts.coverDataUri
    ? `<clipPath id="c"><rect x="700" y="64" width="436" height="502" rx="28"/></clipPath>` +
      `<image href="${facts.coverDataUri}" x="546" y="64" width="893" height="502" clip-path="url(#c)" preserveAspectRatio="xMidYMid slice"/>`
    : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    background(width, height, facts.type, facts.title) +
    cover +
    `<text x="64" y="110" font-family="${FONT}" font-size="28" font-weight="bold" letter-spacing="2" fill="#fff" fill-opacity=".85">${escapeSvgText(`${facts.typeLabel} · ${facts.category}`.toUpperCase())}</text>` +
    title +
    `<text x="64" y="${250 + lines.length * 68}" font-family="${FONT}" font-size="32" fill="#fff">by ${escapeSvgText(facts.shopName)}</text>` +
    `<rect x="64" y="490" rx="16" width="${Math.max(160, 40 + facts.price.length * 26)}" height="72" fill="#fff"/>` +
    `<text x="84" y="540" font-family="${FONT}" font-size="40" font-weight="bold" fill="#111827">${escapeSvgText(facts.price)}</text>` +
    `<text x="${Math.max(250, 130 + facts.price.length * 26)}" y="540" font-family="${FONT}" font-size="36" fill="#fff">${escapeSvgText(stars)}</text>` +
    `<text x="1136" y="610" text-anchor="end" font-family="${FONT}" font-size="22" fill="#fff" fill-opacity=".8">Stapel</text>` +
    `</svg>`
  );
}

export interface ShopCardFacts {
  name: string;
  handle: string;
  listingCount: number;
  /** The shop's listing types, for the palette; the first decides it. */
  mainType: string;
}

/** A 1200×630 Open Graph card for a shop: its name, handle and how many listings it sells. */
export function shopOgSvg(facts: ShopCardFacts): string {
  const width = 1200;
  const height = 630;
  const lines = wrapWords(facts.name, 24, 2);
  const title = lines
    .map(
      (line, index) =>
        `<text x="64" y="${260 + index * 84}" font-family="${FONT}" font-size="76" font-weight="bold" fill="#fff">${escapeSvgText(line)}</text>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    background(width, height, facts.mainType, facts.handle) +
    `<text x="64" y="130" font-family="${FONT}" font-size="30" font-weight="bold" letter-spacing="2" fill="#fff" fill-opacity=".85">SHOP ON STAPEL</text>` +
    title +
    `<text x="64" y="${320 + lines.length * 84}" font-family="${FONT}" font-size="34" fill="#fff">/s/${escapeSvgText(facts.handle)} · ${facts.listingCount} listing${facts.listingCount === 1 ? "" : "s"}</text>` +
    `</svg>`
  );
}
