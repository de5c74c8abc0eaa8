/**
 * What sellers may upload, shared by the browser (checks before sending) and the server (which
 * decides). The type comes from the file's extension, never from the client's Content-Type, and
 * where a format has a signature ("magic bytes") the file's first bytes must carry it.
 */

/** Listing files: up to 2 GB. ListingFile.sizeBytes is an Int, which holds it. */
export const MAX_FILE_BYTES = 2_000_000_000;
/** Images (covers, example outputs, avatars): they are decoded whole by sharp, so kept small. */
export const MAX_IMAGE_BYTES = 10_000_000;

type FileType = {
  contentType: string;
  /** What the seller is told the file should be. */
  label: string;
  /** Whether the first bytes fit the format; absent where a format has no signature worth checking. */
  matches?: (start: Uint8Array) => boolean;
};

const ascii = (start: Uint8Array, offset: number, text: string) =>
  [...text].every((char, index) => start[offset + index] === char.charCodeAt(0));
const bytes = (start: Uint8Array, offset: number, values: number[]) =>
  values.every((value, index) => start[offset + index] === value);

const zip = (start: Uint8Array) =>
  bytes(start, 0, [0x50, 0x4b, 0x03, 0x04]) || bytes(start, 0, [0x50, 0x4b, 0x05, 0x06]);
/** Text formats have no signature, but a NUL byte means it is not text. */
const text = (start: Uint8Array) => !start.includes(0);
const json = (start: Uint8Array) => {
  if (!text(start)) return false;
  const first = new TextDecoder()
    .decode(start)
    .replace(/^\uFEFF/, "")
    .trimStart()[0];
  return first === undefined || first === "{" || first === "[";
};
const isoMedia = (start: Uint8Array) =>
  ["ftyp", "moov", "mdat", "wide", "free"].some((box) => ascii(start, 4, box));

const TYPES: Record<string, FileType> = {
  zip: { contentType: "application/zip", label: "a ZIP archive", matches: zip },
  pdf: { contentType: "application/pdf", label: "a PDF", matches: (s) => ascii(s, 0, "%PDF-") },
  json: { contentType: "application/json", label: "a JSON file", matches: json },
  ipynb: { contentType: "application/x-ipynb+json", label: "a Jupyter notebook", matches: json },
  txt: { contentType: "text/plain; charset=utf-8", label: "a text file", matches: text },
  md: { contentType: "text/markdown; charset=utf-8", label: "a Markdown file", matches: text },
  csv: { contentType: "text/csv; charset=utf-8", label: "a CSV file", matches: text },
  yaml: { contentType: "application/yaml", label: "a YAML file", matches: text },
  yml: { contentType: "application/yaml", label: "a YAML file", matches: text },
  py: { contentType: "text/x-python; charset=utf-8", label: "a Python file", matches: text },
  js: { contentType: "text/javascript; charset=utf-8", label: "a JavaScript file", matches: text },
  ts: { contentType: "text/plain; charset=utf-8", label: "a TypeScript file", matches: text },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "a Word document",
    matches: zip,
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "an Excel workbook",
    matches: zip,
  },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "a PowerPoint presentation",
    matches: zip,
  },
  png: {
    contentType: "image/png",
    label: "a PNG image",
    matches: (s) => bytes(s, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  jpg: { contentType: "image/jpeg", label: "a JPEG image", matches: (s) => bytes(s, 0, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: "image/jpeg", label: "a JPEG image", matches: (s) => bytes(s, 0, [0xff, 0xd8, 0xff]) },
  webp: {
    contentType: "image/webp",
    label: "a WebP image",
    matches: (s) => ascii(s, 0, "RIFF") && ascii(s, 8, "WEBP"),
  },
  gif: {
    contentType: "image/gif",
    label: "a GIF image",
    matches: (s) => ascii(s, 0, "GIF87a") || ascii(s, 0, "GIF89a"),
  },
  mp4: { contentType: "video/mp4", label: "an MP4 video", matches: isoMedia },
  mov: { contentType: "video/quicktime", label: "a QuickTime video", matches: isoMedia },
  mp3: {
    contentType: "audio/mpeg",
    label: "an MP3 file",
    matches: (s) => ascii(s, 0, "ID3") || (s[0] === 0xff && ((s[1] ?? 0) & 0xe0) === 0xe0),
  },
  wav: {
    contentType: "audio/wav",
    label: "a WAV file",
    matches: (s) => ascii(s, 0, "RIFF") && ascii(s, 8, "WAVE"),
  },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

/** For the file picker's `accept`. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((extension) => `.${extension}`).join(",");

const MAX_NAME_CHARACTERS = 120;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const NOT_ON_WINDOWS = /[<>:"/\\|?*]/g;

export type CheckedFileName =
  | { ok: true; fileName: string; extension: string; contentType: string; label: string }
  | { ok: false; message: string };

/**
 * The name a buyer will see and save: the last path segment only (so `../../x.pdf` is `x.pdf`), no
 * control or direction-changing characters (so `invoice\u202Etxt.exe` cannot pose as a .txt), none
 * of the characters Windows refuses, no leading dots (hidden files), no device names (CON, NUL…), at
 * most 120 characters with the extension kept. The extension must be on the allowlist.
 */
export function checkFileName(raw: string): CheckedFileName {
  const lastSegment = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = lastSegment
    .replace(/[\t\n\r]/g, " ")
    .replace(INVISIBLE, "")
    .replace(NOT_ON_WINDOWS, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  let base = dot > 0 ? name.slice(0, dot).trim() : name;
  if (!base) return { ok: false, message: "The file needs a name (letters or digits before its extension)." };
  const type = TYPES[extension];
  if (!type) {
    return {
      ok: false,
      message: extension
        ? `Files of type .${extension} cannot be uploaded. Allowed: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(", ")}.`
        : `The file name needs an extension that says its type (${ALLOWED_EXTENSIONS.slice(0, 6)
            .map((e) => `.${e}`)
            .join(", ")}, …).`,
    };
  }
  if (RESERVED.test(base.split(".")[0] ?? "")) base = `_${base}`;
  const room = MAX_NAME_CHARACTERS - extension.length - 1;
  if (base.length > room) base = [...base].slice(0, room).join("").trim();
  name = `${base}.${extension}`;
  return { ok: true, fileName: name, extension, contentType: type.contentType, label: type.label };
}

/** Null when the file's first bytes fit its type, else why not, in words. */
export function checkFileStart(extension: string, start: Uint8Array): string | null {
  const type = TYPES[extension];
  if (!type) return `Files of type .${extension} cannot be uploaded.`;
  if (!type.matches || type.matches(start)) return null;
  return `This file is not ${type.label}: its content does not match its .${extension} name. Check that you picked the right file, or rename it to its real type.`;
}

/** "1.5 MB", "2 GB": sizes for people (decimal units, as file managers show them). */
export function formatBytes(size: number): string {
  if (size < 1000) return `${size} bytes`;
  const units = ["kB", "MB", "GB"];
  let value = size;
  let unit = "";
  for (const next of units) {
    value /= 1000;
    unit = next;
    if (value < 1000) break;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${unit}`;
}
