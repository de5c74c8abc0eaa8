import { createCookieSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import type { UserRole } from "~/generated/prisma/client.ts";
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

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  // One statement for session, user and shop: every signed-in request pays it, and Prisma's nested
  // select would send three.
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", u.id, u.email, u.name, u.role::text AS role, u."deletedAt",
           sh.id AS "shopId", sh.handle AS "shopHandle", sh.name AS "shopName"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Shop" sh ON sh."ownerId" = u.id
     WHERE s.id = ${sessionId}`;
  const row = rows[0];
  // A deleted account's sessions are removed with it; a row that slipped through signs nobody in.
  if (!row || row.expiresAt < new Date() || row.deletedAt) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    shop:
      row.shopId && row.shopHandle !== null && row.shopName !== null
        ? { id: row.shopId, handle: row.shopHandle, name: row.shopName }
        : null,
  };
}

type SessionRow = {
  expiresAt: Date;
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  deletedAt: Date | null;
  shopId: string | null;
  shopHandle: string | null;
  shopName: string | null;
};

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  shop: { id: string; handle: string; name: string } | null;
};

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
