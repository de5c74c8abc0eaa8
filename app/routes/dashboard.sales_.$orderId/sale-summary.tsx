import { Link } from "@remix-run/react";
import { countryName, refundStatusLabel, saleStatusLabel } from "~/modules/sellers/labels.ts";
import { formatDay } from "~/utils/dates.ts";
import { formatMoney } from "~/utils/money.ts";

type Day = Date | string;

export type SaleView = {
  id: string;
  status: string;
  email: string;
  currency: string;
  subtotalAmount: number;
  discountAmount: number;
  taxAmount: number;
  totalAmount: number;
  refundedAmount: number;
  stripeFeeAmount: number | null;
  platformFeeAmount: number;
  netAmount: number | null;
  country: string | null;
  paidAt: Day | null;
  buyer: { id: string; email: string; name: string | null };
  items: {
    id: string;
    title: string;
    tierName: string | null;
    unitAmount: number;
    quantity: number;
    currency: string;
  }[];
  refunds: { id: string; amount: number; status: string; createdAt: Day }[];
  timeline: { at: Day; label: string }[];
  refundable: number;
  pendingRefund: { id: string; amount: number } | null;
};

const cardClass = "rounded-xl bg-white p-5 ring-1 ring-gray-200";

/** Who bought what, the money (fees "pending" until Stripe's balance transaction is known), refunds, timeline. */
export function SaleSummary({ sale }: { sale: SaleView }) {
  const money = (amount: number) => formatMoney({ amount, currency: sale.currency });
  const amounts: [string, string][] = [
    ["Gross", money(sale.totalAmount)],
    ...(sale.discountAmount > 0
      ? ([["Discount", `−${money(sale.discountAmount)}`]] as [string, string][])
      : []),
    ["Stripe fee", sale.stripeFeeAmount === null ? "pending" : `−${money(sale.stripeFeeAmount)}`],
    ["Platform fee", `−${money(sale.platformFeeAmount)}`],
    ["Tax", sale.taxAmount > 0 ? `−${money(sale.taxAmount)}` : money(0)],
    ["Net to you", sale.netAmount === null ? "pending" : money(sale.netAmount)],
    ["Refunded", sale.refundedAmount > 0 ? `−${money(sale.refundedAmount)}` : money(0)],
  ];
  return (
    <>
      <header className="space-y-1">
        <h2 id="sale-heading" className="text-xl font-bold">
          Sale of {sale.paidAt ? formatDay(sale.paidAt) : "–"}
        </h2>
        <p className="break-all text-sm text-gray-600">
          {saleStatusLabel[sale.status] ?? sale.status} · Order {sale.id}
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="buyer-heading" className={cardClass}>
          <h3 id="buyer-heading" className="font-semibold">
            Buyer
          </h3>
          <p className="mt-2 break-all">
            <Link to={`/dashboard/customers/${sale.buyer.id}`} className="text-brand-700 underline">
              {sale.buyer.name ? `${sale.buyer.name} (${sale.email})` : sale.email}
            </Link>
          </p>
          <p className="text-sm text-gray-600">
            {sale.country ? countryName(sale.country) : "Country not known"}
          </p>
          <h3 className="mt-4 font-semibold">Items</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {sale.items.map((item) => (
              <li key={item.id} className="flex justify-between gap-3">
                <span className="min-w-0 break-words">
                  {item.title}
                  {item.tierName && <span className="text-gray-600"> · {item.tierName} licence</span>}
                  {item.quantity > 1 && ` × ${item.quantity}`}
                </span>
                <span className="shrink-0">
                  {formatMoney({ amount: item.unitAmount, currency: item.currency })}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="money-heading" className={cardClass}>
          <h3 id="money-heading" className="font-semibold">
            Amounts
          </h3>
          <dl className="mt-2 space-y-1 text-sm">
            {amounts.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-3">
                <dt className="text-gray-700">{label}</dt>
                <dd className={label === "Net to you" ? "font-semibold" : undefined}>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-gray-600">
            Fees are "pending" until Stripe reports the payment's balance transaction.
          </p>
        </section>
      </div>
      <section aria-labelledby="refunds-heading" className={cardClass}>
        <h3 id="refunds-heading" className="font-semibold">
          Refunds
        </h3>
        {sale.refunds.length === 0 ? (
          <p className="mt-2 text-sm text-gray-700">No refunds.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {sale.refunds.map((refund) => (
              <li key={refund.id} className="flex flex-wrap justify-between gap-x-3">
                <span>
                  {money(refund.amount)} · {refundStatusLabel[refund.status] ?? refund.status}
                </span>
                <span className="text-gray-600">{formatDay(refund.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="timeline-heading" className={cardClass}>
        <h3 id="timeline-heading" className="font-semibold">
          Timeline
        </h3>
        <ol className="mt-2 space-y-1 text-sm">
          {sale.timeline.map((event, index) => (
            // Events of one moment can repeat (two receipts in a day): position keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
            <li key={index} className="flex flex-wrap justify-between gap-x-3">
              <span>{event.label}</span>
              <time className="text-gray-600" dateTime={new Date(event.at).toISOString()}>
                {new Date(event.at).toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
