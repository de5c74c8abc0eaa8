// LISTEN/NOTIFY on the embedded database. PGlite is one PostgreSQL session behind every socket
// connection, so a notification is written into the answer of whichever connection happens to run
// the committing statement, not to the connection that said LISTEN (checked with pglite-socket
// 0.2.17: the listener never hears it). This reads every answer PGlite sends for
// NotificationResponse messages ('A') and hands them to in-process listeners, found by the
// database's URL: the tests run in the thread that owns the PGlite; the app server runs it in a
// worker thread that posts them to the main thread (embedded-postgres-worker.ts).
import type { PGlite } from "@electric-sql/pglite";

export type Notification = { channel: string; payload: string };
type Listener = (notification: Notification) => void;

const holder = globalThis as { stapelEmbeddedNotifications?: Map<string, Set<Listener>> };
holder.stapelEmbeddedNotifications ??= new Map();
const registry = holder.stapelEmbeddedNotifications;

/** Listeners for notifications of the embedded database at `url`; false when none runs here. */
export function onEmbeddedNotification(url: string, listener: Listener): (() => void) | false {
  const listeners = registry.get(url);
  if (!listeners) return false;
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Makes `url` known to this thread's listeners; `emit` hands them a notification. The thread that
 * owns the PGlite calls it through forwardEmbeddedNotifications; the app server's main thread calls
 * it directly for a PGlite in a worker thread, whose notifications arrive as messages
 * (embedded-postgres-worker.ts).
 */
export function relayEmbeddedNotifications(url: string): { emit: Listener; forget(): void } {
  const listeners = new Set<Listener>();
  registry.set(url, listeners);
  return {
    emit: (notification) => {
      for (const listener of listeners) listener(notification);
    },
    forget: () => {
      if (registry.get(url) === listeners) registry.delete(url);
    },
  };
}

/** Called once per embedded database, before its socket server starts. */
export function forwardEmbeddedNotifications(db: PGlite, url: string): () => void {
  const { emit, forget } = relayEmbeddedNotifications(url);
  const target = db as unknown as {
    execProtocolRawStream(
      message: Uint8Array,
      options?: { onRawData?: (data: Uint8Array) => void },
    ): Promise<void>;
  };
  const original = target.execProtocolRawStream.bind(db);
  target.execProtocolRawStream = (message, options = {}) => {
    // Each call answers one frontend message with whole backend messages: parse from its start.
    const parser = notificationParser(emit);
    return original(message, {
      ...options,
      onRawData: (data) => {
        parser(data);
        options.onRawData?.(data);
      },
    });
  };
  return forget;
}

/**
 * A streaming reader of backend messages (type byte, int32 length including itself, body) that
 * copies only NotificationResponse bodies (int32 pid, channel\0, payload\0) and skips the rest.
 */
function notificationParser(emit: Listener) {
  const header = new Uint8Array(5);
  let headerFill = 0;
  let skip = 0;
  let body: Uint8Array | null = null;
  let bodyFill = 0;
  return (chunk: Uint8Array) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const step = Math.min(skip, chunk.length - at);
        skip -= step;
        at += step;
        continue;
      }
      if (body) {
        const step = Math.min(body.length - bodyFill, chunk.length - at);
        body.set(chunk.subarray(at, at + step), bodyFill);
        bodyFill += step;
        at += step;
        if (bodyFill === body.length) {
          const decoded = decodeNotification(body);
          body = null;
          if (decoded) emit(decoded);
        }
        continue;
      }
      header[headerFill++] = chunk[at++] ?? 0;
      if (headerFill < 5) continue;
      headerFill = 0;
      const length = new DataView(header.buffer).getInt32(1) - 4;
      if (length <= 0) continue;
      if (header[0] === 0x41 /* 'A' */ && length < 1_000_000) {
        body = new Uint8Array(length);
        bodyFill = 0;
      } else skip = length;
    }
  };
}

function decodeNotification(body: Uint8Array): Notification | null {
  const text = new TextDecoder();
  const channelEnd = body.indexOf(0, 4);
  if (channelEnd < 0) return null;
  const payloadEnd = body.indexOf(0, channelEnd + 1);
  return {
    channel: text.decode(body.subarray(4, channelEnd)),
    payload: text.decode(body.subarray(channelEnd + 1, payloadEnd < 0 ? body.length : payloadEnd)),
  };
}
