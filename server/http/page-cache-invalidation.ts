import pg from "pg";
import { onEmbeddedNotification } from "../db/embedded-notifications.ts";

/** The channel the triggers of migration page_cache_invalidation notify (payload: the table). */
export const PAGE_CACHE_CHANNEL = "stapel_page_cache";

export type InvalidationTarget = {
  clear(): void;
  setEnabled(enabled: boolean): void;
};

/**
 * Keeps `cache` honest on this app server: a dedicated `pg` connection LISTENs on the channel and
 * every notification empties the cache. While that connection is down, notifications may be
 * missed, so the cache is off until it is back (it reconnects every second). On the embedded
 * database (PGlite in this process) notifications reach in-process listeners instead
 * (server/db/embedded-notifications.ts); the LISTEN still has to be said once.
 */
export async function listenForPageChanges(
  databaseUrl: string,
  pageCache: InvalidationTarget,
  log: (line: string, error?: unknown) => void = () => {},
): Promise<{ close(): Promise<void> }> {
  const cache = withOtherCaches(pageCache);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const onNotification = (message: { channel: string }) => {
    if (message.channel === PAGE_CACHE_CHANNEL) cache.clear();
  };
  const forgetEmbedded = onEmbeddedNotification(databaseUrl, onNotification);

  const connect = async () => {
    cache.setEnabled(false);
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", onNotification);
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      cache.setEnabled(false);
      next.end().catch(() => {});
      if (closed) return;
      log("page cache: lost the LISTEN connection; the cache is off until it is back", error);
      retry = setTimeout(() => void connect(), 1000);
    };
    next.on("error", lost);
    next.on("end", () => lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${PAGE_CACHE_CHANNEL}`);
    } catch (error) {
      next.end().catch(() => {});
      if (closed) return;
      log("page cache: could not LISTEN; the cache stays off and retries", error);
      retry = setTimeout(() => void connect(), 1000);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    cache.setEnabled(true);
  };
  await connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      if (forgetEmbedded) forgetEmbedded();
      const current = client;
      client = null;
      cache.setEnabled(false);
      await current?.end().catch(() => {});
    },
  };
}

/**
 * The page cache and the other in-memory caches that must empty with it (search's catalogue-wide
 * counts, app/modules/catalog/search-memo.server.ts), which register on globalThis because the
 * Remix build is a separate bundle.
 */
function withOtherCaches(pageCache: InvalidationTarget): InvalidationTarget {
  const holder = globalThis as {
    stapelPageChangeTargets?: { enabled: boolean; targets: Set<InvalidationTarget> };
  };
  holder.stapelPageChangeTargets ??= { enabled: false, targets: new Set() };
  const others = holder.stapelPageChangeTargets;
  return {
    clear() {
      pageCache.clear();
      for (const target of others.targets) target.clear();
    },
    setEnabled(enabled) {
      pageCache.setEnabled(enabled);
      others.enabled = enabled;
      for (const target of others.targets) target.setEnabled(enabled);
    },
  };
}
