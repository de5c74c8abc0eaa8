/**
 * Template tag that strips the common leading indentation and the blank first/last lines,
 * so long seed texts can be written indented in code and stored as clean plain text.
 * A multi-line interpolated value is indented to the column where it is inserted.
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  let raw = "";
  strings.forEach((part, index) => {
    raw += part;
    if (index < values.length) {
      const currentLine = raw.slice(raw.lastIndexOf("\n") + 1);
      const indent = /^ */.exec(currentLine)?.[0] ?? "";
      raw += String(values[index]).replaceAll("\n", `\n${indent}`);
    }
  });
  const lines = raw.split("\n");
  if (lines[0]?.trim() === "") lines.shift();
  if (lines.at(-1)?.trim() === "") lines.pop();
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(indent).trimEnd()).join("\n");
}

/** Escapes one CSV field (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csv(rows: Array<Array<string | number>>): string {
  return `${rows.map((row) => row.map(csvField).join(",")).join("\n")}\n`;
}
