import { translator } from "~/modules/i18n/messages.server.ts";
import { type Language, NUMBER_LOCALE } from "~/modules/i18n/viewer.ts";
import { defaultVariantWidth, imageSrcSet, imageVariantUrl } from "~/modules/media/image-urls.ts";
import { publicImageSelect } from "~/modules/media/images.server.ts";
import { listingOffer } from "~/modules/pricing/offer.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatMoney } from "~/utils/money.ts";
import { escapeSvgText as escapeHtml } from "./svg-art.ts";

/**
 * The embeddable buy page (`/embed/p/<slug>`): the one page other sites may frame. A plain HTML
 * document: cover, title, shop, price and a Buy button, plus /embed-card.js, a few lines that tell
 * /embed.js in the framing page that the card is there and that Escape was pressed in it. A file
 * of this origin, not inline: this page is public and revalidated, and a 304 brings a new nonce in
 * its CSP while the browser keeps the old body; `script-src 'self'` still admits the file then (it
 * carries the nonce too, as every script here does). Stripe Checkout refuses to
 * be framed, so Buy posts to /checkout in a new tab (`target="_blank"`); listings with a choice to
 * make (licence tiers, pay what you want) send the buyer to the full listing page in a new tab.
 * Only public fields are selected here, as on the listing page.
 */
export async function embedPage(
  slug: string,
  buyer: { chosenCurrency: string | null; acceptLanguage: string | null; language?: Language },
  page: { nonce: string },
): Promise<string | null> {
  const language = buyer.language ?? "en";
  const t = translator(language);
  const listing = await prisma.listing.findFirst({
    where: { slug, status: "PUBLISHED", takenDownAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      tagline: true,
      priceAmount: true,
      currency: true,
      shop: { select: { name: true, handle: true } },
      coverImage: { select: publicImageSelect },
    },
  });
  if (!listing) return null;
  const offer = await listingOffer(listing, buyer);
  const tier = offer.tiers.find((candidate) => candidate.price);
  const price =
    offer.mode === "FREE"
      ? t("buy.free")
      : tier?.price
        ? (() => {
            const money = `${formatMoney({ amount: tier.price.amount, currency: tier.price.currency }, NUMBER_LOCALE[language])}${offer.mode === "PAY_WHAT_YOU_WANT" ? "+" : ""}`;
            return offer.tiers.length > 1 ? t("bar.from", { price: money }) : money;
          })()
        : null;
  const listingPath = `/p/${listing.slug}`;
  const simpleBuy = offer.mode === "FIXED" && offer.tiers.length === 1 && tier?.price;
  const cover = listing.coverImage
    ? `<img class="cover" src="${imageVariantUrl(listing.coverImage.id, defaultVariantWidth(listing.coverImage.widths))}" srcset="${escapeHtml(imageSrcSet(listing.coverImage))}" sizes="(min-width: 480px) 440px, 100vw" width="${listing.coverImage.width}" height="${listing.coverImage.height}" alt="">`
    : "";
  const buy = simpleBuy
    ? `<form method="post" action="/checkout" target="_blank" rel="noopener">` +
      `<input type="hidden" name="listingId" value="${escapeHtml(listing.id)}">` +
      `<input type="hidden" name="currency" value="${escapeHtml(offer.currency)}">` +
      (tier?.id ? `<input type="hidden" name="tierId" value="${escapeHtml(tier.id)}">` : "") +
      `<button type="submit" class="buy">${escapeHtml(t("embed.buyFor", { price: price ?? "" }))}</button></form>` +
      `<p class="note">${escapeHtml(t("embed.checkoutNote"))}</p>`
    : `<a class="buy" href="${listingPath}" target="_blank" rel="noopener">${escapeHtml(t(offer.mode === "FREE" ? "embed.getFree" : "embed.choose"))}</a>` +
      `<p class="note">${escapeHtml(t("embed.opensNote"))}</p>`;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t("embed.title", { title: listing.title }))}</title><meta name="robots" content="noindex"><link rel="canonical" href="${listingPath}">
<link rel="stylesheet" href="/embed.css"></head><body><main class="card" aria-labelledby="title">${cover}
<div class="body"><p class="shop">${escapeHtml(listing.shop.name)}</p><h1 id="title">${escapeHtml(listing.title)}</h1>
<p class="tagline">${escapeHtml(listing.tagline)}</p>${price ? `<p class="price" data-testid="embed-price">${escapeHtml(price)}</p>` : ""}${buy}
<p class="more"><a href="${listingPath}" target="_blank" rel="noopener">${escapeHtml(t("embed.more"))}</a></p></div></main>
<script src="/embed-card.js" nonce="${escapeHtml(page.nonce)}" async></script></body></html>`;
}
