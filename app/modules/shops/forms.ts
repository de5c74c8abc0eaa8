import { z } from "zod";
import { text } from "~/utils/schemas.ts";

/**
 * Handles that would read as one of Stapel's own pages or as Stapel speaking (`/s/admin`, `/s/api`),
 * or that name a top-level route. Compared after lowercasing.
 */
export const RESERVED_HANDLES = new Set([
  "about",
  "account",
  "admin",
  "api",
  "app",
  "assets",
  "billing",
  "blog",
  "checkout",
  "dashboard",
  "dev",
  "downloads",
  "email",
  "help",
  "healthcheck",
  "library",
  "login",
  "logout",
  "mail",
  "new",
  "p",
  "payouts",
  "plans",
  "pricing",
  "privacy",
  "root",
  "s",
  "search",
  "security",
  "sell",
  "settings",
  "shop",
  "shops",
  "signup",
  "stapel",
  "static",
  "status",
  "stripe",
  "subscribe",
  "support",
  "system",
  "terms",
  "webhooks",
  "www",
]);

export const CURRENCIES = ["EUR", "USD"] as const;
export const MAX_LINKS = 5;

const HANDLE_RULE =
  "3 to 30 lowercase letters, digits and single hyphens, starting and ending with a letter or digit";

export const handleField = z
  .string({ error: "Choose a handle: your shop's address, /s/<handle>" })
  .trim()
  .toLowerCase()
  .min(3, `A handle is ${HANDLE_RULE}`)
  .max(30, `A handle is ${HANDLE_RULE}`)
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/, `A handle is ${HANDLE_RULE}`)
  .refine((handle) => !RESERVED_HANDLES.has(handle), "This handle is reserved: choose another one");

const nameField = text({ max: 80, label: "The shop's name" })
  .trim()
  .min(1, "Give your shop a name")
  .pipe(z.string());

const bioField = z
  .string()
  .optional()
  .transform((value) => value ?? "")
  .pipe(text({ max: 500, label: "The bio" }));

/** One https link per line (blank lines ignored); at most five, each a full https:// address. */
const linksField = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        text({ max: 300, label: "A link" }).refine(isHttpsUrl, {
          error: (issue) => `"${String(issue.input).slice(0, 80)}" is not an https:// link`,
        }),
      )
      .max(MAX_LINKS, `At most ${MAX_LINKS} links`),
  );

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const currencyField = z.enum(CURRENCIES, { error: "Choose EUR or USD as the shop's default currency" });

/** /sell: open a shop. */
export const OpenShopSchema = z.object({
  handle: handleField,
  name: nameField,
  bio: bioField,
  links: linksField,
  defaultCurrency: currencyField,
});

/** /dashboard/settings: the shop's public details (the handle stays: links to /s/<handle> keep working). */
export const ShopSettingsSchema = z.object({
  name: nameField,
  bio: bioField,
  links: linksField,
  defaultCurrency: currencyField,
});

export type OpenShopInput = z.output<typeof OpenShopSchema>;
export type ShopSettingsInput = z.output<typeof ShopSettingsSchema>;
