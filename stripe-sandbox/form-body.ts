/**
 * Decodes `application/x-www-form-urlencoded` bodies and query strings the way Stripe reads them:
 * `a[b][c]=1` nests, `a[0][b]=1` and `a[]=x` make index-keyed objects that `list()` in params.ts
 * turns into arrays. Values are always strings, as on the wire.
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = splitKey(rawKey);
    if (path.length === 0 || path.some((part) => FORBIDDEN.has(part))) continue;
    assign(root, path, value);
  }
  return root;
}

/** `line_items[0][price_data][currency]` -> `["line_items", "0", "price_data", "currency"]`. */
function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  re.lastIndex = first;
  let match = re.exec(key);
  while (match) {
    parts.push(match[1] ?? "");
    match = re.exec(key);
  }
  return parts;
}

function assign(root: FormObject, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let part = path[i] ?? "";
    // `expand[]=a&expand[]=b`: append at the next free index.
    if (part === "") part = String(Object.keys(node).length);
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (typeof next === "object") {
      node = next;
    } else {
      const child: FormObject = {};
      node[part] = child;
      node = child;
    }
  }
}
