import { z } from "zod";
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
