import { useEffect, useState } from "react";
import { useFormat, useT } from "~/components/i18n.tsx";
import type { Translate } from "~/modules/i18n/translate.ts";
import type { ListingOffer } from "~/modules/pricing/offer.server.ts";
import { formatMoney, type Money } from "~/utils/money.ts";

/** The id of the listing page's buy form: the bar's button submits that same form. */
export const BUY_FORM_ID = "buy-form";

/** What the bar says the listing costs: the first buyable tier, "from" when there is a choice. */
export function barPriceLabel(
  offer: ListingOffer,
  t?: Translate,
  money: (value: Money) => string = (value) => formatMoney(value),
): string | null {
  if (offer.mode === "FREE") return t ? t("buy.free") : "Free";
  const tier = offer.tiers.find((candidate) => candidate.price);
  if (!tier?.price) return null;
  const price = money({ amount: tier.price.amount, currency: tier.price.currency });
  if (offer.mode === "PAY_WHAT_YOU_WANT") return `${price}+`;
  if (offer.tiers.length <= 1) return price;
  return t ? t("bar.from", { price }) : `from ${price}`;
}

/**
 * On phones and tablets the buy box sits far below the fold: this bar stays at the bottom of the
 * screen with the price and a button that submits the page's one buy form (`form=` attribute), so
 * the chosen licence, amount and code go with it exactly as from the box. It steps aside while the
 * box itself is on screen (without JavaScript it simply stays). Hidden from `lg` up, where the box
 * is sticky; the page adds bottom padding so the bar covers nothing.
 */
export function StickyBuyBar({
  offer,
  title,
  signedIn,
}: {
  offer: ListingOffer;
  title: string;
  signedIn: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const boxInView = useBuyBoxInView();
  const price = barPriceLabel(offer, t, format.money);
  if (!price) return null;
  const free = offer.mode === "FREE";
  const action = free
    ? t(signedIn ? "bar.claim" : "bar.signInToClaim")
    : t(signedIn ? "bar.buy" : "bar.signInToBuy");
  return (
    <section
      aria-label={t("bar.label")}
      data-testid="sticky-buy-bar"
      hidden={boxInView}
      className="fixed inset-x-0 bottom-0 z-30 border-t border-gray-200 bg-white/95 px-4 py-3 shadow-[0_-4px_16px_rgba(0,0,0,0.08)] backdrop-blur lg:hidden"
    >
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-xs text-gray-600">{title}</p>
          <p className="text-lg font-extrabold" data-testid="sticky-buy-bar-price">
            {price}
          </p>
        </div>
        <button
          type="submit"
          form={BUY_FORM_ID}
          className="shrink-0 rounded-lg bg-brand-600 px-5 py-3 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {action}
        </button>
      </div>
    </section>
  );
}

/** Whether the page's buy form is on screen (false before hydration and where it cannot be known). */
function useBuyBoxInView(): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const box = document.getElementById(BUY_FORM_ID);
    if (!box || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setInView(Boolean(entry?.isIntersecting)));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return inView;
}
