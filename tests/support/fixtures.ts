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
  const created = await prisma.shop.create({
    data: { ownerId: seller.id, handle: `shop-${id}`, name: `Shop ${id}` },
  });
  const shop = await connectShop(created.id);
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

/**
 * Gives the shop a Stripe Connect account onboarded on the sandbox's hosted page (`complete`, or
 * `leave-open` for one that cannot take charges), as a seller does: since issue 7 buyers pay a shop
 * through its connected account only. Returns the shop as saved.
 */
export async function connectShop(shopId: string, outcome: "complete" | "leave-open" = "complete") {
  const { startOnboarding, refreshShopAccount } = await import("~/modules/payouts/onboarding.server.ts");
  const started = await startOnboarding(shopId);
  if (started.kind === "stripe-unavailable") {
    // A file that closed the sandbox to test an unreachable Stripe: the shop is recorded as
    // onboarded (with an account id no Stripe knows), so its checkout gets as far as calling Stripe.
    return prisma.shop.update({
      where: { id: shopId },
      data: {
        stripeAccountId: `acct_unreachable${unique()}`,
        stripeChargesEnabled: true,
        stripePayoutsEnabled: true,
        stripeDetailsSubmitted: true,
      },
    });
  }
  if (started.kind !== "redirect") throw new Error(`onboarding did not start: ${started.kind}`);
  const done = await fetch(started.url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome }),
  });
  if (done.status !== 303) throw new Error(`the sandbox refused onboarding: ${done.status}`);
  await refreshShopAccount(shopId);
  return prisma.shop.findUniqueOrThrow({ where: { id: shopId } });
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
