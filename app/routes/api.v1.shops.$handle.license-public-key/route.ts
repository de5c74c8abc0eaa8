import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicKeyDocument } from "~/modules/licensing/license-tokens.server.ts";
import { prisma } from "~/utils/db.server.ts";

const headers = { "Access-Control-Allow-Origin": "*" };

/**
 * A shop's Ed25519 public key for verifying its licence tokens offline. Stable URL; the key changes
 * only when the server's LICENSE_SIGNING_SECRET does, so it is cached publicly for an hour (the same
 * for everyone, signed in or not).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  const shop = /^[a-z0-9-]{1,64}$/i.test(handle)
    ? await prisma.shop.findUnique({
        where: { handle: handle.toLowerCase() },
        select: { id: true, handle: true },
      })
    : null;
  if (!shop)
    return Response.json(
      { error: "No shop with that handle." },
      { status: 404, headers: { ...headers, "Cache-Control": "no-store" } },
    );
  return Response.json(publicKeyDocument(shop), {
    headers: { ...headers, "Cache-Control": "public, max-age=3600, immutable" },
  });
}
