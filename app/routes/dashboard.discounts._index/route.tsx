import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button.tsx";
import { listDiscounts } from "~/modules/discounts/codes.server.ts";
import { describeDiscount } from "~/modules/discounts/describe.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Discount codes · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ discounts: await listDiscounts(seller.shop.id) }, { headers: privateNoStore });
}

export default function Discounts() {
  const { discounts } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="discounts-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="discounts-heading" className="text-xl font-bold">
          Discount codes
        </h2>
        <Link to="/dashboard/discounts/new" className={buttonClass()}>
          New code
        </Link>
      </div>
      <p className="text-sm text-gray-700">
        Buyers enter a code on a listing page or on Stripe's payment page. Each paid order counts one
        redemption.
      </p>
      {discounts.length === 0 ? (
        <p className="text-gray-600">No codes yet.</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
          {discounts.map((discount) => (
            <li key={discount.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <Link
                  to={`/dashboard/discounts/${discount.id}`}
                  className="font-mono font-semibold text-brand-700 underline"
                >
                  {discount.code}
                </Link>
                <p className="text-sm text-gray-700">{describeDiscount(discount)}</p>
              </div>
              <p className="text-sm text-gray-700">
                {discount.redemptionCount}
                {discount.maxRedemptions !== null && ` of ${discount.maxRedemptions}`} used
                {discount.archivedAt && " · deactivated"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
