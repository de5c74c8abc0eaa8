import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableHead } from "~/components/ui/table.tsx";
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
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Your orders and membership invoices, newest first</caption>
            <TableHead
              columns={[
                "Date",
                "What",
                "Status",
                { label: "Amount", numeric: true },
                { label: "Receipt", srOnly: true },
              ]}
            />
            <tbody className="divide-y divide-gray-100">
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`}>
                  <td className="whitespace-nowrap p-3">{formatDay(row.date)}</td>
                  <td className="p-3">
                    {row.title}
                    <span className="block text-xs text-gray-600">{row.seller}</span>
                  </td>
                  <td className="p-3">{row.status}</td>
                  <td className="whitespace-nowrap p-3 text-right tabular-nums">{formatMoney(row)}</td>
                  <td className="p-3">
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
