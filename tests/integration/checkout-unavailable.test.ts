import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as checkoutRoute from "~/routes/checkout/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
  await app.sandbox.close(); // Stripe is unreachable for this whole file
});
afterAll(async () => {
  await app.stop().catch(() => {});
});

describe("checkout while Stripe is unreachable", () => {
  it("tells the buyer nothing was charged and leaves no open order", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { listing } = await createListingForSale();
    const buyer = await createUser();
    expect(await startCheckout(buyer, listing.id)).toEqual({ kind: "payments-unavailable" });

    const response = expectData<{ result: { error: Record<string, string[]> } }>(
      await callRoute(
        checkoutRoute.action,
        requestAs(await signIn(buyer.id), "/checkout", {
          method: "POST",
          body: new URLSearchParams({ listingId: listing.id }),
        }),
      ),
    );
    expect(response.status).toBe(503);
    expect(Object.values(response.data.result.error).flat().join(" ")).toContain("You have not been charged");
    expect(await prisma.order.findMany({ where: { buyerId: buyer.id }, select: { status: true } })).toEqual([
      { status: "EXPIRED" },
      { status: "EXPIRED" },
    ]);
    expect(warned).toHaveBeenCalled();
    warned.mockRestore();
  });
});
