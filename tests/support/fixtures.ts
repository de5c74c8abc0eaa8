import { createHash } from "node:crypto";
import { fileStore } from "~/integrations/storage.server.ts";
import { prisma } from "~/utils/db.server.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(email = `user-${unique()}@example.com`) {
  return prisma.user.create({ data: { email } });
}

/** A seller with one published prompt that has paid text and one downloadable file. */
export async function createListingForSale(options: { priceAmount?: number; currency?: string } = {}) {
  const id = unique();
  const seller = await prisma.user.create({ data: { email: `seller-${id}@example.com`, role: "SELLER" } });
  const shop = await prisma.shop.create({
    data: { ownerId: seller.id, handle: `shop-${id}`, name: `Shop ${id}` },
  });
  const listing = await prisma.listing.create({
    data: {
      shopId: shop.id,
      slug: `prompt-${id}`,
      type: "PROMPT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      title: `Cold email opener ${id}`,
      tagline: "Openers that get replies",
      description: "A prompt for cold emails.",
      teaser: "You are a senior copywriter…",
      aiModels: ["ChatGPT", "Claude"],
      category: "Copywriting",
      priceAmount: options.priceAmount ?? 1200,
      currency: options.currency ?? "EUR",
      content: { create: { body: `SECRET PROMPT BODY ${id}: write a cold email to [PROSPECT].` } },
      examples: { create: [{ position: 0, input: "SaaS founder", output: "Hi Sam, …" }] },
    },
  });
  const bytes = Buffer.from(`# Prompt pack ${id}\nline one\n`);
  const key = `listings/${listing.id}/pack.md`;
  const stored = await fileStore().put(key, bytes, "text/markdown");
  const file = await prisma.listingFile.create({
    data: {
      listingId: listing.id,
      fileName: "pack.md",
      contentType: "text/markdown",
      storageKey: key,
      ...stored,
    },
  });
  return {
    seller,
    shop,
    listing,
    file,
    fileBytes: bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** A session cookie for a user, made by the real sign-in code path. */
export async function signIn(userId: string): Promise<string> {
  const { createUserSession } = await import("~/utils/session.server.ts");
  const response = await createUserSession(
    new Request("http://stapel.test/login/verify"),
    userId,
    "/library",
  );
  const cookie = response.headers.get("Set-Cookie");
  if (!cookie) throw new Error("sign-in did not set a cookie");
  return cookie.split(";")[0] as string;
}

export function requestAs(cookie: string | null, url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(url, "http://stapel.test"), { ...init, headers });
}
