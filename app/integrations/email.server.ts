import { Resend } from "resend";
import { env } from "~/utils/env.server.ts";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Resend drops a second send with the same key, so a retried job never mails twice. */
  idempotencyKey: string;
};

export type EmailTransport = {
  name: "resend" | "dev-outbox";
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
};

/**
 * With RESEND_API_KEY, mail goes out through Resend. Without it, mail stays in the outbox table
 * (browsable at /dev/outbox) and is echoed to the console, so nothing is sent by accident.
 */
let transport: EmailTransport | undefined;

export function emailTransport(): EmailTransport {
  transport ??= env().RESEND_API_KEY ? resendTransport(env().RESEND_API_KEY as string) : devOutboxTransport();
  return transport;
}

function resendTransport(apiKey: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await resend.emails.send(
        { from: env().EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error || !data) throw new Error(`Resend refused the email: ${error?.message ?? "no id returned"}`);
      return { providerMessageId: data.id };
    },
  };
}

function devOutboxTransport(): EmailTransport {
  return {
    name: "dev-outbox",
    async send(email) {
      console.info(`[dev outbox] to ${email.to}: ${email.subject}\n${email.text}\n`);
      return { providerMessageId: `dev-outbox:${email.idempotencyKey}` };
    },
  };
}
