import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import { Prisma } from "~/generated/prisma/client.ts";
import { updateCustomerEmail } from "~/integrations/stripe-billing.server.ts";
import { describeStripeFailure } from "~/integrations/stripe-catalog.server.ts";
import { queueEmail } from "~/modules/email/outbox.server.ts";
import { renderEmail } from "~/modules/email/render.server.ts";
import { EmailChangeConfirmEmail } from "~/modules/email/templates/email-change-confirm.tsx";
import { EmailChangeNoticeEmail } from "~/modules/email/templates/email-change-notice.tsx";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

/** How long the link sent to the new address works. */
export const EMAIL_CHANGE_LINK_MINUTES = 60;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** "n***@example.com": enough for the owner to recognise an address, not to learn one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export type EmailChangeRequestResult =
  | { ok: true; newEmail: string }
  | { ok: false; refusal: "same" | "taken" | "not-found"; message: string }
  | { ok: false; refusal: "rate-limited"; retryAfterSeconds: number };

/**
 * Asks to move the account to `newEmail` (already validated and lower-cased): a one-time link
 * (only its SHA-256 stored, an hour, single use) goes to the new address, and a notice to the old
 * one. Nothing about the account changes until the link is followed. At most 5 requests an hour per
 * account (policy "email-change"), counted before the address is looked up, so the answer "taken"
 * cannot be used to test many addresses.
 */
export async function requestEmailChange(
  userId: string,
  newEmail: string,
  language: Language = "en",
): Promise<EmailChangeRequestResult> {
  const user = await prisma.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { id: true, email: true },
  });
  if (!user) return { ok: false, refusal: "not-found", message: "Your account no longer exists." };
  if (newEmail === user.email) {
    return { ok: false, refusal: "same", message: `Your account already uses ${newEmail}.` };
  }
  const limit = await consumeRateLimit("email-change", user.id);
  if (!limit.ok) return { ok: false, refusal: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  if (await isTaken(newEmail, user.id)) return takenRefusal(newEmail);

  const token = randomBytes(32).toString("base64url");
  const url = `${env().APP_URL}/account/email-change?token=${token}`;
  const [confirm, notice] = await Promise.all([
    renderEmail(
      translator(language)("email.change.subject"),
      createElement(EmailChangeConfirmEmail, {
        url,
        currentEmail: maskEmail(user.email),
        minutes: EMAIL_CHANGE_LINK_MINUTES,
        language,
      }),
    ),
    renderEmail(
      translator(language)("email.notice.subject"),
      createElement(EmailChangeNoticeEmail, {
        maskedNewEmail: maskEmail(newEmail),
        minutes: EMAIL_CHANGE_LINK_MINUTES,
        settingsUrl: `${env().APP_URL}/account/settings`,
        language,
      }),
    ),
  ]);
  await prisma.$transaction(async (tx) => {
    const row = await tx.emailChangeToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        newEmail,
        expiresAt: new Date(Date.now() + EMAIL_CHANGE_LINK_MINUTES * 60_000),
      },
      select: { id: true },
    });
    await queueEmail(tx, { ...confirm, to: newEmail, idempotencyKey: `email-change:${row.id}` });
    await queueEmail(tx, { ...notice, to: user.email, idempotencyKey: `email-change-notice:${row.id}` });
  });
  return { ok: true, newEmail };
}

async function isTaken(email: string, userId: string): Promise<boolean> {
  const holder = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return holder !== null && holder.id !== userId;
}

const takenRefusal = (email: string) =>
  ({
    ok: false,
    refusal: "taken",
    message: `${email} already belongs to another Stapel account. Sign in with it, or choose another address.`,
  }) as const;

export type PendingEmailChange = { newEmail: string; currentEmail: string };

/** Looks a link up without using it, so mail scanners that fetch links cannot burn it. */
export async function findUsableEmailChange(token: string): Promise<PendingEmailChange | null> {
  const row = await prisma.emailChangeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      newEmail: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, deletedAt: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.deletedAt) return null;
  return { newEmail: row.newEmail, currentEmail: row.user.email };
}

export type EmailChangeOutcome =
  | { ok: true; userId: string; newEmail: string; signedOutSessions: number }
  | { ok: false; refusal: "unusable" | "taken" | "payments-unavailable"; message: string };

/**
 * Follows a link: moves the account to the new address, marks the link used, withdraws the
 * account's other pending links and sign-in links to the old address, and ends every session but
 * `keepSessionId` (the browser following the link, when it is signed in to this account). The
 * Stripe customer's email is changed first (setting a value is safe to repeat); if the move then
 * fails (the address was taken meanwhile, the link used twice at once), Stripe gets the old one back.
 */
export async function confirmEmailChange(
  token: string,
  keepSessionId: string | null,
): Promise<EmailChangeOutcome> {
  const tokenHash = hashToken(token);
  const row = await prisma.emailChangeToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      newEmail: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, deletedAt: true, stripeCustomerId: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.deletedAt) return unusable;
  const { user, newEmail } = row;
  if (await isTaken(newEmail, user.id)) return takenRefusal(newEmail);

  if (user.stripeCustomerId) {
    try {
      await updateCustomerEmail(user.stripeCustomerId, newEmail);
    } catch (error) {
      console.warn(
        `Stripe refused the email of customer ${user.stripeCustomerId}: ${describeStripeFailure(error)}`,
      );
      return {
        ok: false,
        refusal: "payments-unavailable",
        message: "Stripe could not be reached, so nothing was changed. Follow the link again shortly.",
      };
    }
  }
  try {
    const signedOutSessions = await prisma.$transaction(async (tx) => {
      const used = await tx.emailChangeToken.updateMany({
        where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (used.count === 0) throw new Unusable();
      const moved = await tx.user.updateMany({
        where: { id: user.id, email: user.email, deletedAt: null },
        data: { email: newEmail },
      });
      if (moved.count === 0) throw new Unusable();
      await tx.emailChangeToken.deleteMany({ where: { userId: user.id, usedAt: null } });
      await tx.signInToken.deleteMany({ where: { email: user.email, usedAt: null } });
      const ended = await tx.session.deleteMany({
        where: { userId: user.id, ...(keepSessionId && { id: { not: keepSessionId } }) },
      });
      return ended.count;
    });
    return { ok: true, userId: user.id, newEmail, signedOutSessions };
  } catch (error) {
    if (user.stripeCustomerId) await restoreStripeEmail(user.stripeCustomerId, user.email);
    if (error instanceof Unusable) return unusable;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return takenRefusal(newEmail);
    throw error;
  }
}

class Unusable extends Error {}

const unusable = {
  ok: false,
  refusal: "unusable",
  message: "This link has expired or was already used. Ask for a new one on your account settings.",
} as const;

async function restoreStripeEmail(stripeCustomerId: string, email: string) {
  try {
    await updateCustomerEmail(stripeCustomerId, email);
  } catch (error) {
    console.warn(
      `Stripe kept the new email of customer ${stripeCustomerId}: ${describeStripeFailure(error)}`,
    );
  }
}

/** The newest link still waiting to be followed, for the settings page. */
export async function pendingEmailChange(userId: string) {
  const row = await prisma.emailChangeToken.findFirst({
    where: { userId, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { newEmail: true, expiresAt: true },
  });
  return row ? { newEmail: row.newEmail, expiresAt: row.expiresAt.toISOString() } : null;
}
