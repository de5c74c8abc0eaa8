import { z } from "zod";
import { recordId } from "~/utils/schemas.ts";

export const RefundSchema = z.object({ intent: z.literal("refund"), orderId: recordId("order") });
