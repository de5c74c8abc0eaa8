import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getShopOverview } from "~/modules/sellers/overview.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Dashboard · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data(
    { overview: await getShopOverview(seller.shop.id), handle: seller.shop.handle },
    { headers: privateNoStore },
  );
}

export default function DashboardOverview() {
  const { overview, handle } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Published listings" value={String(overview.listingsByStatus.PUBLISHED ?? 0)} />
        <Stat label="Drafts" value={String(overview.listingsByStatus.DRAFT ?? 0)} />
        {overview.revenue.length === 0 ? (
          <Stat label="Net revenue" value="No sales yet" />
        ) : (
          overview.revenue.flatMap((row) => [
            <Stat
              key={`net-${row.currency}`}
              label={`Net revenue (${row.currency})`}
              value={formatMoney({ amount: row.netAmount, currency: row.currency })}
              detail={`${row.orders} ${row.orders === 1 ? "order" : "orders"}, after refunds`}
            />,
            <Stat
              key={`refunds-${row.currency}`}
              label={`Refunds (${row.currency})`}
              value={formatMoney({ amount: row.refundedAmount, currency: row.currency })}
              detail={
                row.ordersWithRefunds === 0
                  ? "None"
                  : `${row.ordersWithRefunds} ${row.ordersWithRefunds === 1 ? "order" : "orders"} (${row.fullyRefundedOrders} in full)`
              }
            />,
          ])
        )}
      </dl>
      <p className="text-sm text-gray-700">
        Your public shop:{" "}
        <Link to={`/s/${handle}`} className="font-semibold text-brand-700 underline">
          /s/{handle}
        </Link>
      </p>
    </div>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <dt className="text-sm text-gray-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">{value}</dd>
      {detail && <dd className="mt-1 text-sm text-gray-600">{detail}</dd>}
    </div>
  );
}
