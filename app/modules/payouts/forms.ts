import { z } from "zod";

/** The payouts page's one button: start (or continue) Stripe's hosted onboarding. */
export const StartOnboardingSchema = z.object({
  intent: z.literal("start-onboarding", { error: "Choose Set up payouts to continue" }),
});
