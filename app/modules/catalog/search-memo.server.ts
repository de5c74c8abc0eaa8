/**
 * Catalogue-wide answers that change only when listings, prices, ratings or sales change (the
 * facet counts of a search without words, the categories and models with their counts, the week's
 * best-sellers), kept in this app server's memory and emptied by the same database notifications
 * that empty the page cache (`server/http/page-cache-invalidation.ts`, ADR 29): every app server
 * keeps its own copy and no server holds state another needs. Off unless that listener runs and is
 * connected (tests and scripts always read the database), and bounded in entries.
 */

/** What the page-cache listener empties besides the page cache (shared through globalThis: the
 * Remix build and the HTTP server are separate bundles). */
type PageChangeTargets = {
  enabled: boolean;
  targets: Set<{ clear(): void; setEnabled(enabled: boolean): void }>;
};

const MAX_ENTRIES = 500;

type Entry = { value: Promise<unknown>; storedAt: number };

export class SearchMemo {
  private readonly entries = new Map<string, Entry>();
  private enabled = false;
  readonly stats = { hits: 0, misses: 0, clears: 0 };

  clear() {
    this.stats.clears++;
    this.entries.clear();
  }

  setEnabled(enabled: boolean) {
    this.clear();
    this.enabled = enabled;
  }

  /**
   * The remembered answer for `key` when younger than `maxAgeMs`, else `compute()`'s (shared by
   * requests that ask while it runs). A clear during `compute` drops the entry, so an answer read
   * before a change is never served after it to a request that came later.
   */
  remember<T>(key: string, maxAgeMs: number, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.storedAt <= maxAgeMs) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const value = compute();
    const entry = { value, storedAt: Date.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

const holder = globalThis as { stapelPageChangeTargets?: PageChangeTargets; stapelSearchMemo?: SearchMemo };
holder.stapelPageChangeTargets ??= { enabled: false, targets: new Set() };
if (!holder.stapelSearchMemo) {
  const memo = new SearchMemo();
  memo.setEnabled(holder.stapelPageChangeTargets.enabled);
  holder.stapelPageChangeTargets.targets.add(memo);
  holder.stapelSearchMemo = memo;
}

export const searchMemo: SearchMemo = holder.stapelSearchMemo;
