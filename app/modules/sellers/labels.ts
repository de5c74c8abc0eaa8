/** How sales and refunds are named on the seller's pages (browser-safe). */
export const saleStatusLabel: Record<string, string> = {
  PAID: "Paid",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
  DISPUTED: "Disputed",
};

export const refundStatusLabel: Record<string, string> = {
  PENDING: "Pending at Stripe",
  SUCCEEDED: "Refunded",
  FAILED: "Failed",
  CANCELED: "Cancelled",
};

export const periodLabel: Record<string, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
};

export const saleStatusFilterLabel: Record<string, string> = {
  paid: "Paid",
  "partly-refunded": "Partly refunded",
  refunded: "Refunded",
  disputed: "Disputed",
};

/** "DE" → "Germany" in English; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
