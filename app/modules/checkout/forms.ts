import { z } from "zod";
import { recordId } from "~/utils/schemas.ts";

export const CheckoutSchema = z.object({ listingId: recordId("listing") });
