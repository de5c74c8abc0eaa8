import { z } from "zod";
import { recordId } from "~/utils/schemas.ts";

/** The buttons on a subscription in the account page. */
export const SubscriptionActionSchema = z.object({
  intent: z.enum(["cancel", "resume", "billing-portal"], {
    error: "Choose what to do with the subscription",
  }),
  subscriptionId: recordId("subscription"),
});

/** "Preview change": the price to move to, read from the query string. */
export const PlanChangeQuerySchema = z.object({ price: recordId("price").optional().catch(undefined) });

/** "Confirm change": the price previewed and the proration date the preview was computed for. */
export const PlanChangeSchema = z.object({
  planPriceId: recordId("price"),
  prorationDate: z.coerce
    .number({ error: "The preview is missing its date: preview the change again" })
    .int("The preview's date is not valid: preview the change again")
    .min(0, "The preview's date is not valid: preview the change again")
    .max(4_102_444_800, "The preview's date is not valid: preview the change again"),
});
