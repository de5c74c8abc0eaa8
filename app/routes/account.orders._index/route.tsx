import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listReceipts } from "~/modules/portal/receipts.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Orders and receipts · Your account · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return data(await listReceipts(user.id), { headers: privateNoStore });
}

export default function OrdersAndReceipts() {
  const { rows, capped } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Orders and receipts</h1>
      {rows.length === 0 ? (
        <p className="text-gray-700">
          No orders yet. Purchases and membership payments appear here with a printable receipt.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
          <table className="w-full text-sm">
            <caption className="sr-only">Your orders and membership invoices, newest first</caption>
            <thead className="bg-gray-50 text-left text-gray-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  What
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Receipt</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`} className="border-t border-gray-100">
                  <td className="whitespace-nowrap px-4 py-2">{formatDay(row.date)}</td>
                  <td className="px-4 py-2">
                    {row.title}
                    <span className="block text-xs text-gray-600">{row.seller}</span>
                  </td>
                  <td className="px-4 py-2">{row.status}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatMoney(row)}</td>
                  <td className="px-4 py-2">
                    <Link to={row.href} className="font-medium text-brand-700 underline">
                      Receipt
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {capped && <p className="text-sm text-gray-600">Showing your 100 most recent orders and invoices.</p>}
    </div>
  );
}
