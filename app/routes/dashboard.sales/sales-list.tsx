import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { PageLinks } from "~/components/ui/page-links.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import { type SalesQuery, salesQueryString } from "~/modules/sellers/forms.ts";
import { saleStatusLabel } from "~/modules/sellers/labels.ts";
import { formatDay } from "~/utils/dates.ts";
import { formatMoney } from "~/utils/money.ts";

export type SaleRow = {
  id: string;
  email: string;
  status: string;
  currency: string;
  totalAmount: number;
  refundedAmount: number;
  country: string | null;
  paidAt: Date | string | null;
  items: { title: string; tierName: string | null }[];
  refundable: number;
  refundPending: boolean;
};

const itemsOf = (sale: SaleRow) =>
  sale.items.map((item) => (item.tierName ? `${item.title} (${item.tierName})` : item.title)).join(", ");
const money = (sale: SaleRow, amount: number) => formatMoney({ amount, currency: sale.currency });

/**
 * The sales: cards on a phone, a table from the small breakpoint up (inside its own scroll box), so
 * the page itself never scrolls sideways at 390 px.
 */
export function SalesList(props: {
  sales: SaleRow[];
  total: number;
  page: number;
  pageCount: number;
  query: SalesQuery;
}) {
  const { sales, total } = props;
  if (total === 0) {
    const filtered = Object.values(props.query).some((value) => value !== undefined);
    return (
      <p className="text-gray-700">
        {filtered
          ? "No sales match these filters."
          : "No sales yet. Share your shop link to get your first one."}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-600">{total === 1 ? "1 sale" : `${total} sales`}</p>
      <ul className="space-y-3 sm:hidden" aria-label="Sales">
        {sales.map((sale) => (
          <li key={sale.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <div className="flex items-start justify-between gap-3">
              <Link
                to={`/dashboard/sales/${sale.id}`}
                className="min-w-0 font-semibold text-brand-700 underline"
              >
                <span className="block break-words">{itemsOf(sale)}</span>
              </Link>
              <span className="shrink-0 font-semibold">{money(sale, sale.totalAmount)}</span>
            </div>
            <p className="mt-1 break-all text-sm text-gray-700">{sale.email}</p>
            <p className="mt-1 text-sm text-gray-600">
              {sale.paidAt ? formatDay(sale.paidAt) : "–"} · {saleStatusLabel[sale.status] ?? sale.status}
              {sale.refundedAmount > 0 ? ` · ${money(sale, sale.refundedAmount)} refunded` : ""}
              {sale.country ? ` · ${sale.country}` : ""}
            </p>
            <div className="mt-3">
              <RefundRest sale={sale} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200 sm:block">
        <table className="min-w-full text-left text-sm">
          <TableHead
            columns={[
              "Date",
              "Buyer",
              "Items",
              { label: "Total", numeric: true },
              "Status",
              "Country",
              { label: "Actions", srOnly: true },
            ]}
          />
          <tbody className="divide-y divide-gray-100">
            {sales.map((sale) => (
              <tr key={sale.id}>
                <td className="whitespace-nowrap p-3">{sale.paidAt ? formatDay(sale.paidAt) : "–"}</td>
                <td className="max-w-48 break-all p-3">{sale.email}</td>
                <td className="p-3">
                  <Link to={`/dashboard/sales/${sale.id}`} className="text-brand-700 underline">
                    {itemsOf(sale)}
                  </Link>
                </td>
                <td className="whitespace-nowrap p-3 text-right">
                  {money(sale, sale.totalAmount)}
                  {sale.refundedAmount > 0 && (
                    <span className="block text-xs text-gray-600">−{money(sale, sale.refundedAmount)}</span>
                  )}
                </td>
                <td className="p-3">{saleStatusLabel[sale.status] ?? sale.status}</td>
                <td className="p-3">{sale.country ?? "–"}</td>
                <td className="p-3 text-right">
                  <RefundRest sale={sale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageLinks
        page={props.page}
        pageCount={props.pageCount}
        href={(page) =>
          `/dashboard/sales${salesQueryString({ ...props.query, page: page > 1 ? page : undefined })}`
        }
        previousLabel="Newer"
        nextLabel="Older"
      />
    </div>
  );
}

/** Refunds what is left of the order; disabled while an earlier refund waits for Stripe. */
function RefundRest({ sale }: { sale: SaleRow }) {
  const navigation = useNavigation();
  if (sale.refundable <= 0 && !sale.refundPending) return null;
  if (sale.status !== "PAID" && sale.status !== "PARTIALLY_REFUNDED") return null;
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (
          !confirm(
            `Refund ${money(sale, sale.refundable)} of this order? Refunding all of it ends the buyer's access.`,
          )
        )
          event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="refund" />
      <input type="hidden" name="orderId" value={sale.id} />
      <Button
        variant="danger"
        disabled={sale.refundPending || navigation.state !== "idle"}
        aria-label={`Refund the rest of the order from ${sale.email}`}
      >
        {sale.refundPending ? "Refund pending" : "Refund the rest"}
      </Button>
    </Form>
  );
}
