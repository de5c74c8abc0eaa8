import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageLinks } from "~/components/ui/page-links.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import { listShopCustomers } from "~/modules/sellers/customers.server.ts";
import { PageQuerySchema } from "~/modules/sellers/forms.ts";
import { formatDay } from "~/utils/dates.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Customers · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const url = new URL(request.url);
  const { page } = PageQuerySchema.parse(Object.fromEntries(url.searchParams));
  const canonical = page ? `?page=${page}` : "";
  if (canonical !== url.search) throw redirect(`${url.pathname}${canonical}`, { headers: privateNoStore });
  return data(await listShopCustomers(seller.shop.id, page ?? 1), { headers: privateNoStore });
}

const values = (rows: { currency: string; amount: number }[]) =>
  rows.map((row) => formatMoney(row)).join(" + ") || "–";

export default function Customers() {
  const { customers, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="customers-heading" className="min-w-0 space-y-4">
      <h2 id="customers-heading" className="text-xl font-bold">
        Customers
      </h2>
      <p className="text-sm text-gray-600">
        Lifetime value is what a buyer paid your shop less what was refunded, per currency.
      </p>
      {total === 0 ? (
        <p className="text-gray-700">No customers yet.</p>
      ) : (
        <>
          <ul className="space-y-3 sm:hidden" aria-label="Customers">
            {customers.map((customer) => (
              <li key={customer.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
                <Link
                  to={`/dashboard/customers/${customer.id}`}
                  className="block break-all font-semibold text-brand-700 underline"
                >
                  {customer.email}
                </Link>
                <p className="mt-1 text-sm text-gray-700">{customer.purchases.join(", ")}</p>
                <p className="mt-1 text-sm text-gray-600">
                  {customer.giftOnly
                    ? "Gift only · lifetime value 0"
                    : `${customer.orders} ${customer.orders === 1 ? "order" : "orders"} · ${values(customer.lifetimeValue)}`}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200 sm:block">
            <table className="min-w-full text-left text-sm">
              <TableHead
                columns={[
                  "Buyer",
                  "Purchases",
                  { label: "Orders", numeric: true },
                  "Last purchase",
                  { label: "Lifetime value", numeric: true },
                ]}
              />
              <tbody className="divide-y divide-gray-100">
                {customers.map((customer) => (
                  <tr key={customer.id}>
                    <td className="max-w-56 break-all p-3">
                      <Link to={`/dashboard/customers/${customer.id}`} className="text-brand-700 underline">
                        {customer.email}
                      </Link>
                    </td>
                    <td className="p-3">{customer.purchases.join(", ")}</td>
                    <td className="p-3 text-right">{customer.orders}</td>
                    <td className="whitespace-nowrap p-3">
                      {customer.lastPurchaseAt ? formatDay(customer.lastPurchaseAt) : "–"}
                    </td>
                    <td className="whitespace-nowrap p-3 text-right">
                      {customer.giftOnly ? "0 (gift only)" : values(customer.lifetimeValue)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageLinks
            page={page}
            pageCount={pageCount}
            href={(target) => (target > 1 ? `?page=${target}` : "/dashboard/customers")}
          />
        </>
      )}
    </section>
  );
}
