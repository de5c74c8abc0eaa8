import { z } from "zod";

export const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .pipe(z.email({ error: "Enter a valid email address, like you@example.com" })),
  redirectTo: z.string().optional(),
  // Honeypot: people never see or fill this field; bots that fill every input do.
  website: z.string().max(0, "Leave this field empty").optional(),
});
