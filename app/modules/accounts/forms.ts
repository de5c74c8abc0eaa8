import { z } from "zod";
import { LANGUAGES } from "~/modules/i18n/viewer.ts";
import { text } from "~/utils/schemas.ts";

export const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .pipe(z.email({ error: "Enter a valid email address, like you@example.com" })),
  redirectTo: text({ max: 2000, label: "The page to return to" }).optional(),
  // Honeypot: people never see or fill this field; bots that fill every input do.
  website: z.string().max(0, "Leave this field empty").optional(),
});

export const VerifySignInSchema = z.object({
  token: z
    .string({ error: "This sign-in link is incomplete. Open the link from your email again." })
    .regex(/^[A-Za-z0-9_-]{43}$/, "This sign-in link is not valid. Open the link from your email again."),
});

// ─── Account settings (/account/settings) ────────────────────────────────────

const newEmail = z
  .string({ error: "Enter the new email address" })
  .trim()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com" }))
  .transform((email) => email.toLowerCase());

/** The settings page's forms, told apart by their submit button's `intent`. */
export const AccountSettingsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("change-email"), newEmail }),
    z.object({ intent: z.literal("sign-out-others") }),
    z.object({
      intent: z.literal("email-language"),
      language: z.enum(LANGUAGES, { error: "Choose English or Deutsch" }),
    }),
    z.object({
      intent: z.literal("delete-account"),
      confirmEmail: z
        .string({ error: "Type your account's email address to confirm" })
        .trim()
        .max(254, "That email address is too long")
        .transform((email) => email.toLowerCase()),
    }),
  ],
  { error: "Choose one of the page's buttons" },
);

export type AccountSettingsIntent = z.infer<typeof AccountSettingsSchema>["intent"];

/** The token of an email change link (/account/email-change?token=…): 32 random bytes, base64url. */
export const ConfirmEmailChangeSchema = z.object({
  token: z
    .string({ error: "This link is incomplete. Open the link from your email again." })
    .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Open the link from your email again."),
});
