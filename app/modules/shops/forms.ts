import { z } from "zod";
import { recordId, text } from "~/utils/schemas.ts";

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

const nameField = z
  .string({ error: "Give your shop a name" })
  .trim()
  .min(1, "Give your shop a name")
  .pipe(text({ max: 80, label: "The shop's name" }));

const bioField = text({ max: 500, label: "The bio" })
  .optional()
  .transform((value) => value ?? "");

/** One https link per line (blank lines ignored); at most five, each a full https:// address. */
const linksField = z
  .string({ error: "Links must be text, one per line" })
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .superRefine((links, context) => {
    if (links.length > MAX_LINKS) context.addIssue({ code: "custom", message: `At most ${MAX_LINKS} links` });
    links.forEach((link, index) => {
      // text() refuses control characters (PostgreSQL refuses NUL) and overlong lines.
      const ok = text({ max: 300 }).safeParse(link).success && isHttpsUrl(link);
      if (!ok) {
        context.addIssue({
          code: "custom",
          path: [index],
          message: `"${link.slice(0, 80)}" is not an https:// link`,
        });
      }
    });
  });

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
  /** One of the shop's images (uploaded by the ImageField); empty removes the avatar. */
  avatarImageId: recordId("avatar").optional(),
});

export type OpenShopInput = z.output<typeof OpenShopSchema>;
export type ShopSettingsInput = z.output<typeof ShopSettingsSchema>;
