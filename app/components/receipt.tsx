import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import type { Receipt } from "~/modules/portal/receipts.server.ts";

/** A receipt as a page: readable on screen, clean on paper (navigation and buttons are not printed). */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const format = useFormat();
  const localize = useLocalize();
  const money = (amount: number) => format.money({ amount, currency: receipt.currency });
  const totals: [string, number][] = [
    [t("receipt.subtotal"), receipt.subtotal],
    ...(receipt.discount > 0 ? ([[t("receipt.discount"), -receipt.discount]] as [string, number][]) : []),
    ...(receipt.tax > 0 ? ([[t("receipt.tax"), receipt.tax]] as [string, number][]) : []),
  ];
  return (
    <article
      aria-labelledby="receipt-heading"
      className="max-w-2xl space-y-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200 print:shadow-none print:ring-0"
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="receipt-heading" className="text-2xl font-bold">
            {t("receipt.heading")}
          </h1>
          <p className="text-sm text-gray-600">
            {t(receipt.kind === "order" ? "receipt.order" : "receipt.invoice")} {receipt.reference} ·{" "}
            {localize(receipt.status)}
          </p>
        </div>
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded-lg px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-200 print:hidden"
        >
          {t("receipt.print")}
        </button>
      </header>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-gray-600">{t("receipt.soldBy")}</dt>
          <dd className="font-medium">{t("receipt.through", { seller: receipt.seller.name })}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("receipt.billedTo")}</dt>
          <dd className="font-medium">{receipt.buyerEmail}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("receipt.issued")}</dt>
          <dd>{format.day(receipt.issuedAt)}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("receipt.paid")}</dt>
          <dd>{receipt.paidAt ? format.day(receipt.paidAt) : t("receipt.notPaid")}</dd>
        </div>
        {receipt.period && (
          <div className="sm:col-span-2">
            <dt className="text-gray-600">{t("receipt.period")}</dt>
            <dd>
              {t("receipt.periodRange", {
                start: format.day(receipt.period.start),
                end: format.day(receipt.period.end),
              })}
            </dd>
          </div>
        )}
      </dl>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("receipt.caption")}</caption>
        <TableHead
          compact
          columns={[
            t("receipt.item"),
            { label: t("receipt.qty"), numeric: true },
            { label: t("receipt.amount"), numeric: true },
          ]}
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
              {t("receipt.total")}
            </th>
            <td className="pt-2 text-right font-semibold tabular-nums">{money(receipt.total)}</td>
          </tr>
          {receipt.paid !== receipt.total && (
            <tr>
              <th scope="row" colSpan={2} className="pt-1 text-right font-normal text-gray-600">
                {t("receipt.paid")}
              </th>
              <td className="pt-1 text-right tabular-nums">{money(receipt.paid)}</td>
            </tr>
          )}
          {receipt.refunded > 0 && (
            <tr>
              <th scope="row" colSpan={2} className="pt-1 text-right font-normal text-gray-600">
                {t("receipt.refunded")}
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
            {t("receipt.stripe")}
          </a>
        </p>
      )}
    </article>
  );
}
