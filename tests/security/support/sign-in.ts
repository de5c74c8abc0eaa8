// Signing in the way a person does: ask for a link (POST /login), read it from the email outbox,
// use it (POST /login/verify).
import type { StateProbe } from "./db-state.ts";
import { FORM, formBody, type Reply, send } from "./http.ts";

/** The token of the newest sign-in email to `email`, or null if none was queued. */
export async function latestSignInToken(state: StateProbe, email: string): Promise<string | null> {
  const rows = await state.query<{ text: string }>(
    `select "text" from "EmailMessage" where "to" = $1 order by "createdAt" desc limit 1`,
    [email.toLowerCase()],
  );
  return rows[0]?.text.match(/\/login\/verify\?token=([A-Za-z0-9_-]+)/)?.[1] ?? null;
}

/** Whether a token's link has been used, from the SignInToken row of the newest link to `email`. */
export async function newestLinkUsed(state: StateProbe, email: string): Promise<boolean | null> {
  const rows = await state.query<{ usedAt: Date | null }>(
    `select "usedAt" from "SignInToken" where "email" = $1 order by "createdAt" desc limit 1`,
    [email.toLowerCase()],
  );
  return rows[0] ? rows[0].usedAt !== null : null;
}

export async function requestSignInLink(
  baseUrl: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
): Promise<Reply> {
  return send(baseUrl, {
    method: "POST",
    path: "/login",
    headers: { ...headers, "Content-Type": FORM },
    body: formBody(fields),
  });
}

export async function useSignInLink(
  baseUrl: string,
  headers: Record<string, string>,
  token: string,
  path = "/login/verify",
): Promise<Reply> {
  return send(baseUrl, {
    method: "POST",
    path,
    headers: { ...headers, "Content-Type": FORM },
    body: formBody({ token }),
  });
}
