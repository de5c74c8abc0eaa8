import { env } from "~/utils/env.server.ts";

/** The shop's own rate if it has one, else the platform's (PLATFORM_FEE_BPS); 100 bps = 1%. */
export function platformFeeBps(shop: { platformFeeBps: number | null }): number {
  return shop.platformFeeBps ?? env().PLATFORM_FEE_BPS;
}

/** Stapel's fee on a payment, in the payment's minor units, rounded half up to a whole unit. */
export function platformFeeAmount(amount: number, bps: number): number {
  return Math.round((amount * bps) / 10_000);
}
