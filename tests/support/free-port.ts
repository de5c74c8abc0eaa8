import { createServer } from "node:net";

// Below every common ephemeral range (Linux 32768-60999, macOS and Windows 49152-65535), so a port
// handed out here is never also what the kernel picks for a `listen(0)`: a started server's own
// Stripe sandbox binds port 0 before the app listens, and once took the app's port (EADDRINUSE).
const LOWEST = 20000;
const HIGHEST = 32000;

/** A free port on 127.0.0.1 for a server started later, chosen outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once("error", () => resolve(false))
        .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${HIGHEST}`);
}
