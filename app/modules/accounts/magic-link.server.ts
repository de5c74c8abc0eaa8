import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { MagicLinkEmail } from "~/modules/email/templates/magic-link.tsx";
import { translator } from "~/modules/i18n/messages.server.ts";
import { type Language, parseLanguage } from "~/modules/i18n/viewer.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

const LINK_MINUTES = 20;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignInRequestResult = { ok: true } | { ok: false; error: string };

/**
 * Emails a one-time sign-in link. Accounts are created on first successful sign-in.
 * At most 5 links an hour go to one address (policy "sign-in-email"), whoever asks for them.
 */
export async function requestSignInLink(
  email: string,
  redirectTo: string | null,
  /** The language of the page the link was asked for from: the email is written in it. */
  language: Language = "en",
): Promise<SignInRequestResult> {
  const normalized = email.trim().toLowerCase();
  const limit = await consumeRateLimit("sign-in-email", normalized);
  if (!limit.ok) {
    return { ok: false, error: "Too many sign-in links were sent to this address. Try again in an hour." };
  }
  const { token, url } = newSignInToken();
  const rendered = await renderEmail(
    translator(language)("email.magic.subject"),
    createElement(MagicLinkEmail, { url, minutes: LINK_MINUTES, language }),
  );
  await prisma.$transaction(async (tx) => {
    const row = await tx.signInToken.create({
      data: { ...tokenRow(token, normalized, redirectTo, LINK_MINUTES), language },
    });
    await queueEmail(tx, { ...rendered, to: normalized, idempotencyKey: `sign-in:${row.id}` });
  });
  return { ok: true };
}

/**
 * A sign-in link handed over directly instead of by email: the launcher prints these for the demo
 * accounts of a local shop, so a newcomer can sign in from the console.
 */
export async function createSignInLink(email: string, redirectTo: string, minutes: number): Promise<string> {
  const { token, url } = newSignInToken();
  await prisma.signInToken.create({ data: tokenRow(token, email.trim().toLowerCase(), redirectTo, minutes) });
  return url;
}

function newSignInToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, url: `${env().APP_URL}/login/verify?token=${token}` };
}

const tokenRow = (token: string, email: string, redirectTo: string | null, minutes: number) => ({
  tokenHash: hashToken(token),
  email,
  redirectTo,
  expiresAt: new Date(Date.now() + minutes * 60_000),
});

export type PendingSignIn = { email: string };

/** Looks a token up without using it, so link scanners that fetch URLs cannot burn it. */
export async function findUsableSignInToken(token: string): Promise<PendingSignIn | null> {
  const row = await prisma.signInToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt < new Date()) return null;
  return { email: row.email };
}

/** Uses the token once and returns the user it signs in (created on first sign-in). */
export async function consumeSignInToken(token: string) {
  return prisma.$transaction(async (tx) => {
    const used = await tx.signInToken.updateManyAndReturn({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    const row = used[0];
    if (!row) return null;
    // The sign-in page's language becomes the account's (links the launcher prints carry none).
    const locale = parseLanguage(row.language);
    const user = await tx.user.upsert({
      where: { email: row.email },
      update: locale ? { locale } : {},
      create: { email: row.email, locale },
      include: { shop: { select: { id: true } } },
    });
    // A deleted account keeps only an anonymised address (deleted-<id>@deleted.invalid) that no
    // link reaches; should a token for it exist anyway, it signs nobody in. The person's real
    // address was freed by the deletion, so signing in with it creates a new, empty account.
    if (user.deletedAt) return null;
    // Null when the sign-in did not start on a page: the caller picks the user's home.
    return { user, redirectTo: row.redirectTo };
  });
}
