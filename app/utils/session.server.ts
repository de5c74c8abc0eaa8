import { createCookieSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import { prisma } from "./db.server.ts";
import { env } from "./env.server.ts";
import { SESSION_COOKIE_NAME } from "./session-cookie.ts";

const SESSION_DAYS = 30;

// The cookie carries only a signed session id; the Session row makes sign-out effective everywhere.
type SessionData = { sessionId: string };
let storage: SessionStorage<SessionData> | undefined;
function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: SESSION_COOKIE_NAME,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().APP_URL.startsWith("https://"),
      secrets: [env().SESSION_SECRET],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    },
  });
  return storage;
}

/** The id of the Session row the request's cookie names (signed, so not forgeable), or null. */
export async function getSessionId(request: Request): Promise<string | null> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const sessionId = session.get("sessionId");
  return typeof sessionId === "string" ? sessionId : null;
}

export async function getSessionUser(request: Request) {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const row = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          deletedAt: true,
          shop: { select: { id: true, handle: true, name: true } },
        },
      },
    },
  });
  // A deleted account's sessions are removed with it; a row that slipped through signs nobody in.
  if (!row || row.expiresAt < new Date() || row.user.deletedAt) return null;
  const { deletedAt: _deleted, ...user } = row.user;
  return user;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireSeller(request: Request) {
  const user = await requireUser(request);
  if (!user.shop) throw new Response("Only sellers can open the dashboard", { status: 403 });
  return { ...user, shop: user.shop };
}

/**
 * Admin pages: the ADMIN role only. Everyone else, signed in or not, gets the same 404 as a page
 * that does not exist, so the admin area is not advertised.
 */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user?.role !== "ADMIN") throw new Response("Not found", { status: 404 });
  return user;
}

export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const row = await prisma.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300),
    },
  });
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  session.set("sessionId", row.id);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage().commitSession(session) } });
}

export async function destroyUserSession(request: Request, redirectTo = "/") {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const sessionId = session.get("sessionId");
  if (typeof sessionId === "string") await prisma.session.deleteMany({ where: { id: sessionId } });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage().destroySession(session) } });
}

/**
 * A path on this site to send someone after sign-in, or `fallback`. An open redirect would let a
 * phishing link borrow our domain, and browsers forgive a lot (`/\t/evil.example` and
 * `/\\evil.example` both lead away), so the target is resolved the way a browser would, against
 * our own origin, and kept only if it stays there. Control characters (which would also break the
 * Location header) are refused outright.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(to)) return fallback;
  const base = "http://stapel.invalid";
  let target: URL;
  try {
    target = new URL(to, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}

/** Where someone lands after signing in when no page asked for them: sellers run their shop. */
export function homeFor(user: { shop: unknown } | { shop?: unknown }): string {
  return user.shop ? "/dashboard" : "/library";
}
