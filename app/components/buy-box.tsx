import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useFormat, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { ListingOffer } from "~/modules/pricing/offer.server.ts";
import { toDecimalString } from "~/utils/money.ts";

/**
 * The listing page's buy box: the licence tier, the price in the buyer's currency (with links to pay
 * in the other one), the buyer's amount when it is pay what you want (the suggestion prefilled, the
 * minimum stated), a discount code, and Buy; a free listing has Claim instead. It posts to /checkout
 * or /claim, which sign the buyer in first when needed.
 */
export function BuyBox({
  listingId,
  offer,
  signedIn,
  formId,
}: {
  listingId: string;
  offer: ListingOffer;
  signedIn: boolean;
  /** Lets a second button elsewhere on the page (the phone's sticky bar) submit this same form. */
  formId?: string;
}) {
  const t = useT();
  const { money: formatMoney } = useFormat();
  const firstBuyable = offer.tiers.find((tier) => tier.price) ?? offer.tiers[0];
  const [tierId, setTierId] = useState(firstBuyable?.id ?? null);
  const selected = offer.tiers.find((tier) => tier.id === tierId) ?? firstBuyable;
  const payWhatYouWant = offer.mode === "PAY_WHAT_YOU_WANT";

  if (offer.mode === "FREE") {
    return (
      <Form method="post" action="/claim" className="space-y-3" id={formId}>
        <p className="text-3xl font-extrabold">{t("buy.free")}</p>
        <input type="hidden" name="listingId" value={listingId} />
        <Button className="w-full">{signedIn ? t("buy.claim") : t("buy.signInToClaim")}</Button>
      </Form>
    );
  }
  const price = selected?.price;
  const priceLabel = price ? formatMoney({ amount: price.amount, currency: price.currency }) : null;
  return (
    <Form method="post" action="/checkout" className="space-y-4" aria-label={t("buy.buy")} id={formId}>
      <input type="hidden" name="listingId" value={listingId} />
      <input type="hidden" name="currency" value={offer.currency} />
      <p className="text-3xl font-extrabold" data-testid="buy-box-price">
        {price ? (payWhatYouWant ? `${priceLabel}+` : priceLabel) : t("buy.notSold")}
      </p>
      {offer.currencies.length > 1 && (
        <p className="text-sm text-gray-700">
          {t("buy.payingIn", { currency: offer.currency })}{" "}
          {offer.currencies
            .filter((currency) => currency !== offer.currency)
            .map((currency) => (
              <Link
                key={currency}
                to={`?currency=${currency}`}
                replace
                preventScrollReset
                className="text-brand-700 underline"
              >
                {t("buy.payIn", { currency })}
              </Link>
            ))}
        </p>
      )}
      {offer.tiers.length > 1 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("buy.licence")}</legend>
          {offer.tiers.map((tier) => (
            <label key={tier.id ?? "standard"} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="tierId"
                value={tier.id ?? ""}
                checked={tier.id === selected?.id}
                disabled={!tier.price}
                onChange={() => setTierId(tier.id)}
                className="mt-0.5"
              />
              <span>
                <span className="font-medium">{tier.name}</span>
                {" · "}
                {tier.price
                  ? `${payWhatYouWant ? `${t("buy.from")} ` : ""}${formatMoney({ amount: tier.price.amount, currency: tier.price.currency })}`
                  : t("buy.notSoldIn", { currency: offer.currency })}
                {tier.activationLimit !== null &&
                  ` · ${t("buy.activations", { count: tier.activationLimit })}`}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        selected?.id && <input type="hidden" name="tierId" value={selected.id} />
      )}
      {payWhatYouWant && price && (
        <div className="space-y-1">
          <label htmlFor="buy-amount" className="block text-sm font-semibold">
            {t("buy.yourPrice", { currency: price.currency, minimum: priceLabel ?? "" })}
          </label>
          <input
            key={`${selected?.id}-${price.currency}`}
            id="buy-amount"
            name="amount"
            inputMode="decimal"
            defaultValue={toDecimalString({
              amount: price.suggestedAmount ?? price.amount,
              currency: price.currency,
            })}
            className="block w-full rounded-lg px-3 py-2 ring-1 ring-gray-300"
          />
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor="buy-code" className="block text-sm font-semibold">
          {t("buy.discountCode")}
        </label>
        <input
          id="buy-code"
          name="code"
          autoComplete="off"
          className="block w-full rounded-lg px-3 py-2 ring-1 ring-gray-300"
        />
      </div>
      <Button className="w-full" disabled={!price}>
        {signedIn
          ? payWhatYouWant
            ? t("buy.buy")
            : t("buy.buyFor", { price: priceLabel ?? "" })
          : payWhatYouWant
            ? t("buy.signInToBuy")
            : t("buy.signInToBuyFor", { price: priceLabel ?? "" })}
      </Button>
    </Form>
  );
}
