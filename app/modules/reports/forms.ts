import { z } from "zod";
import { text } from "~/utils/schemas.ts";

export const REPORT_DETAILS_MAX = 2000;
export const RESOLUTION_NOTE_MAX = 1000;
export const SELLER_RESPONSE_MAX = 2000;

export const reportKindLabel = {
  COPYRIGHT: "It copies someone else's work (copyright)",
  ABUSE: "It is abusive, harmful or a scam",
  OTHER: "Something else",
} as const;
export type ReportKind = keyof typeof reportKindLabel;

/** "Report this listing": a signed-in reporter is known; anyone else leaves an email for questions. */
export const ListingReportSchema = z.object({
  kind: z.enum(["COPYRIGHT", "ABUSE", "OTHER"], { error: "Choose what is wrong" }),
  details: text({ max: REPORT_DETAILS_MAX, label: "The details" })
    .trim()
    .min(10, "Tell us in a sentence or two what is wrong"),
  email: z
    .email("Enter an email address we can reach you at")
    .max(254, "This email address is too long")
    .optional(),
});

/** The admin's decision on a report. */
export const ReportDecisionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("dismiss"),
      note: text({ max: RESOLUTION_NOTE_MAX, label: "The note" }).trim().optional(),
    }),
    z.object({
      intent: z.literal("take-down"),
      note: text({ max: RESOLUTION_NOTE_MAX, label: "The reason" })
        .trim()
        .min(10, "Give the seller the reason in a sentence or two"),
    }),
    z.object({ intent: z.literal("restore") }),
  ],
  { error: "Choose dismiss, take down or restore" },
);

export const SellerResponseSchema = z.object({
  reportId: z.string().regex(/^[a-z0-9]{20,32}$/, "report is not a valid id"),
  response: text({ max: SELLER_RESPONSE_MAX, label: "Your response" })
    .trim()
    .min(10, "Write your response in a sentence or two"),
});
