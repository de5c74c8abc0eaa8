/**
 * Transactions that render emails or wait for a subscription's lock. On the embedded database
 * transactions run one at a time, so under load one may wait for others for a while; Prisma's
 * defaults (2 s to start, 5 s to finish) would fail work that only had to wait its turn.
 */
export const WAITING_TRANSACTION = { maxWait: 20_000, timeout: 60_000 } as const;
