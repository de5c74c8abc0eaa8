/** Currencies whose amounts have no minor unit (Stripe's "zero-decimal currencies"). */
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);

/** Stripe's minimum charge amounts, in minor units; 50 for currencies not listed. */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  chf: 50,
  cad: 50,
  aud: 50,
  nzd: 50,
  jpy: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
  pln: 200,
  czk: 1500,
  huf: 17500,
  mxn: 1000,
  sgd: 50,
  hkd: 400,
  brl: 50,
  inr: 50,
};

export function minimumChargeAmount(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 50;
}

/** Formats minor units for people: `formatAmount(1200, "eur")` -> `€12.00`. */
export function formatAmount(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  const major = ZERO_DECIMAL.has(currency.toLowerCase()) ? amount : amount / 100;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: code }).format(major);
  } catch {
    return `${major.toFixed(2)} ${code}`;
  }
}
