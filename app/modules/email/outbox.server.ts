import type { Task } from "graphile-worker";
import { z } from "zod";
import { emailTransport } from "~/integrations/email.server.ts";
import { enqueueJob } from "~/modules/jobs/queue.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import type { RenderedEmail } from "./render.server.ts";

/**
 * Writes an email to the outbox inside the caller's transaction and schedules its delivery.
 * The idempotency key names the cause ("receipt:order:…"): writing the same email twice is a no-op.
 */
export async function queueEmail(
  tx: Tx,
  email: RenderedEmail & { to: string; idempotencyKey: string },
): Promise<void> {
  // `.invalid` never resolves (RFC 2606): deleted accounts keep such an address, and mail to it
  // could only fail and retry. Refunds or plan emails for a deleted account are simply not sent.
  if (email.to.endsWith(".invalid")) return;
  const created = await tx.emailMessage.createManyAndReturn({
    data: [email],
    skipDuplicates: true,
    select: { id: true },
  });
  const row = created[0];
  if (!row) return;
  await enqueueJob(tx, "send-email", { emailId: row.id }, { jobKey: `email:${row.id}` });
}

const DeliverEmailPayload = z.object({ emailId: z.string() });

export const deliverEmailJob: Task = async (payload) => {
  const { emailId } = DeliverEmailPayload.parse(payload);
  await deliverEmail(emailId);
};

export async function deliverEmail(emailId: string): Promise<void> {
  const email = await prisma.emailMessage.findUnique({ where: { id: emailId } });
  if (!email || email.status === "SENT") return;
  try {
    const { providerMessageId } = await emailTransport().send(email);
    await prisma.emailMessage.update({
      where: { id: emailId },
      data: { status: "SENT", providerMessageId, sentAt: new Date(), attempts: { increment: 1 } },
    });
  } catch (error) {
    await prisma.emailMessage.update({
      where: { id: emailId },
      data: { attempts: { increment: 1 }, lastError: String(error) },
    });
    throw error; // the job queue retries with backoff
  }
}

export async function listOutbox(limit = 50) {
  return prisma.emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, status: true, createdAt: true },
  });
}
