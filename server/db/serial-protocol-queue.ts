// pglite-socket 0.2.17 runs every wire-protocol message of every connection through one queue, one
// message at a time, and only keeps a connection's messages together while a transaction is open.
// Outside a transaction, node-postgres sends Parse/Bind/Describe/Execute/Sync as separate messages,
// so two connections' extended queries interleave in PGlite's single session: "bind message
// supplies 5 parameters, but prepared statement "" requires 2", values landing in the wrong query,
// "portal does not exist" (upstream electric-sql/pglite#1046). This replaces the queue's scheduler
// so a connection that has started an extended query keeps the session until its Sync.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
};

type QueryQueue = {
  db: PGlite;
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
};

// Parse, Bind, Describe, Execute, Close, Flush: an extended query is under way until Sync ('S').
const EXTENDED_QUERY_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));

export function serializeExtendedQueries(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error("pglite-socket's internals changed: review server/db/serial-protocol-queue.ts");
  }
  // The connection in the middle of an extended query, whose next message must come next.
  let heldBy: number | null = null;

  const releaseIfGone = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    releaseIfGone(handlerId);
    if (heldBy === handlerId) heldBy = null;
    void queue.processQueue();
  };

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = heldBy ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet; enqueue wakes us
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          heldBy = null;
          item.reject(error);
          continue;
        }
        heldBy = EXTENDED_QUERY_MESSAGES.has(item.message[0] ?? 0) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);
}
