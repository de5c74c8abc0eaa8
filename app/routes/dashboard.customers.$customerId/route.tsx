import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getShopCustomer } from "~/modules/sellers/customers.server.ts";
import { saleStatusLabel } from "~/modules/sellers/labels.ts";
import { formatDay } from "~/utils/dates.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireSeller } from "~/utils/session.server.ts";

const NOT_FOUND = "Your shop has no such customer.";

export const meta: MetaFunction = () => [{ title: "Customer · Stapel" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const id = recordId().safeParse(params.customerId);
  // Someone who never bought from this shop answers like an id that names no one.
  const customer = id.success ? await getShopCustomer(seller.shop.id, id.data) : null;
  invariantResponse(customer, NOT_FOUND, { status: 404 });
  return data({ customer }, { headers: privateNoStore });
}

export default function Customer() {
  const { customer } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="customer-heading" className="min-w-0 space-y-4">
      <p className="text-sm">
        <Link to="/dashboard/customers" className="text-brand-700 underline">
          ← All customers
        </Link>
      </p>
      <h2 id="customer-heading" className="break-all text-xl font-bold">
        {customer.name ? `${customer.name} (${customer.email})` : customer.email}
      </h2>
      <p className="text-sm text-gray-700">
        Lifetime value:{" "}
        <strong>{customer.lifetimeValue.map((value) => formatMoney(value)).join(" + ") || "–"}</strong> (paid
        less refunded)
      </p>
      <section aria-labelledby="orders-heading" className="space-y-2">
        <h3 id="orders-heading" className="font-semibold">
          Purchases
        </h3>
        {customer.orders.length === 0 ? (
          <p className="text-sm text-gray-700">No purchases.</p>
        ) : (
          <ul className="space-y-2">
            {customer.orders.map((order) => (
              <li key={order.id} className="rounded-xl bg-white p-4 text-sm ring-1 ring-gray-200">
                <Link to={`/dashboard/sales/${order.id}`} className="font-semibold text-brand-700 underline">
                  {order.items
                    .map((item) => (item.tierName ? `${item.title} (${item.tierName})` : item.title))
                    .join(", ")}
                </Link>
                <p className="mt-1 text-gray-600">
                  {order.paidAt ? formatDay(order.paidAt) : "–"} ·{" "}
                  {saleStatusLabel[order.status] ?? order.status} ·{" "}
                  {formatMoney({ amount: order.totalAmount, currency: order.currency })}
                  {order.refundedAmount > 0 &&
                    ` (${formatMoney({ amount: order.refundedAmount, currency: order.currency })} refunded)`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {customer.gifts.length > 0 && (
        <section aria-labelledby="gifts-heading" className="space-y-2">
          <h3 id="gifts-heading" className="font-semibold">
            Gifts from your shop
          </h3>
          <ul className="space-y-1 text-sm">
            {customer.gifts.map((gift) => (
              <li key={gift.id}>
                {gift.listing.title} · {formatDay(gift.createdAt)}
                {gift.status === "REVOKED" ? " · ended" : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
