import { prisma } from "~/utils/db.server.ts";

export type AccountSession = {
  id: string;
  createdAt: string;
  /** "Firefox on Linux", or null when the browser sent no User-Agent. */
  device: string | null;
  /** The browser that asks: the one "Sign out everywhere else" keeps. */
  current: boolean;
};

/** The account's unexpired sessions, this device first, then newest first. */
export async function listSessions(
  userId: string,
  currentSessionId: string | null,
): Promise<AccountSession[]> {
  const rows = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, createdAt: true, userAgent: true },
  });
  return rows
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      device: describeUserAgent(row.userAgent),
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends every session of the account but the current one. The cookie only names a Session row, and
 * every request looks the row up, so the other browsers are signed out at their next request.
 * Pending email change links are withdrawn too: the notice sent to the old address points here for
 * "it wasn't me".
 */
export async function signOutOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.emailChangeToken.deleteMany({ where: { userId, usedAt: null } });
    const ended = await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    return ended.count;
  });
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** A browser and system in words, from the User-Agent header; good enough to recognise a device. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
