import { TableHead } from "~/components/ui/table.tsx";
import type { Receipt } from "~/modules/portal/receipts.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { formatMoney } from "~/utils/money.ts";

/** A receipt as a page: readable on screen, clean on paper (navigation and buttons are not printed). */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const money = (amount: number) => formatMoney({ amount, currency: receipt.currency });
  const totals: [string, number][] = [
    ["Subtotal", receipt.subtotal],
    ...(receipt.discount > 0 ? ([["Discount", -receipt.discount]] as [string, number][]) : []),
    ...(receipt.tax > 0 ? ([["Tax", receipt.tax]] as [string, number][]) : []),
  ];
  return (
    <article
      aria-labelledby="receipt-heading"
      className="max-w-2xl space-y-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200 print:shadow-none print:ring-0"
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="receipt-heading" className="text-2xl font-bold">
            Receipt
          </h1>
          <p className="text-sm text-gray-600">
            {receipt.kind === "order" ? "Order" : "Invoice"} {receipt.reference} · {receipt.status}
          </p>
        </div>
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded-lg px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 print:hidden"
        >
          Print
        </button>
      </header>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-gray-600">Sold by</dt>
          <dd className="font-medium">{receipt.seller.name}, through Stapel</dd>
        </div>
        <div>
          <dt className="text-gray-600">Billed to</dt>
          <dd className="font-medium">{receipt.buyerEmail}</dd>
        </div>
        <div>
          <dt className="text-gray-600">Issued</dt>
          <dd>{formatDay(receipt.issuedAt)}</dd>
        </div>
        <div>
          <dt className="text-gray-600">Paid</dt>
          <dd>{receipt.paidAt ? formatDay(receipt.paidAt) : "Not paid"}</dd>
        </div>
        {receipt.period && (
          <div className="sm:col-span-2">
            <dt className="text-gray-600">Period</dt>
            <dd>
              {formatDay(receipt.period.start)} to {formatDay(receipt.period.end)}
            </dd>
          </div>
        )}
      </dl>
      <table className="w-full text-sm">
        <caption className="sr-only">What was bought</caption>
        <TableHead
          compact
          columns={["Item", { label: "Qty", numeric: true }, { label: "Amount", numeric: true }]}
        />
        <tbody>
          {receipt.lines.map((line, index) => (
            // Lines are stored as a list without ids; their order is the receipt's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index} className="border-t border-gray-100">
              <td className="py-1.5 pr-3">{line.description}</td>
              <td className="py-1.5 text-right tabular-nums">{line.quantity}</td>
              <td className="py-1.5 text-right tabular-nums">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totals.map(([label, amount]) => (
            <tr key={label}>
              <th scope="row" colSpan={2} className="pt-2 text-right font-normal text-gray-600">
                {label}
              </th>
              <td className="pt-2 text-right tabular-nums">{money(amount)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2} className="pt-2 text-right font-semibold">
              Total
            </th>
            <td className="pt-2 text-right font-semibold tabular-nums">{money(receipt.total)}</td>
          </tr>
          {receipt.paid !== receipt.total && (
            <tr>
              <th scope="row" colSpan={2} className="pt-1 text-right font-normal text-gray-600">
                Paid
              </th>
              <td className="pt-1 text-right tabular-nums">{money(receipt.paid)}</td>
            </tr>
          )}
          {receipt.refunded > 0 && (
            <tr>
              <th scope="row" colSpan={2} className="pt-1 text-right font-normal text-gray-600">
                Refunded
              </th>
              <td className="pt-1 text-right tabular-nums">{money(-receipt.refunded)}</td>
            </tr>
          )}
        </tfoot>
      </table>
      {receipt.hostedInvoiceUrl && (
        <p className="text-sm print:hidden">
          <a
            href={receipt.hostedInvoiceUrl}
            className="font-medium text-brand-700 underline"
            rel="noreferrer"
          >
            The invoice on Stripe
          </a>
        </p>
      )}
    </article>
  );
}
