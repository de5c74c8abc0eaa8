import { prisma } from "~/utils/db.server.ts";

export async function loader() {
  await prisma.$queryRaw`SELECT 1`;
  return new Response("OK", { headers: { "Cache-Control": "no-store" } });
}
