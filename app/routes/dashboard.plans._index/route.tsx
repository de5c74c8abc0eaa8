import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button.tsx";
import { formatPlanPrice } from "~/modules/plans/format.ts";
import { listSellerPlans } from "~/modules/plans/seller-plans.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Plans · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data(
    { plans: await listSellerPlans(seller.shop.id), handle: seller.shop.handle },
    { headers: privateNoStore },
  );
}

export default function Plans() {
  const { plans, handle } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="plans-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="plans-heading" className="text-xl font-bold">
          Plans
        </h2>
        <Link to="/dashboard/plans/new" className={buttonClass()}>
          New plan
        </Link>
      </div>
      <p className="text-gray-700">
        Monthly or yearly memberships: subscribers get what a plan includes for as long as they pay.
      </p>
      {plans.length === 0 ? (
        <p className="text-gray-700">No plans yet. Create one to sell your listings as a membership.</p>
      ) : (
        <ul className="space-y-3">
          {plans.map((plan) => (
            <li
              key={plan.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4 ring-1 ring-gray-200"
            >
              <div className="space-y-1">
                <p className="font-semibold">
                  <Link to={`/dashboard/plans/${plan.id}`} className="text-brand-700 underline">
                    {plan.name}
                  </Link>{" "}
                  {plan.archivedAt ? (
                    <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs text-gray-700">
                      Archived
                    </span>
                  ) : (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">
                      On sale
                    </span>
                  )}
                </p>
                <p className="text-sm text-gray-700">
                  {plan.prices.map((price) => formatPlanPrice(price)).join(" · ") || "No current price"}
                  {plan.trialDays > 0 && ` · ${plan.trialDays}-day trial`}
                </p>
                <p className="text-sm text-gray-600">
                  {plan.subscriberCount} {plan.subscriberCount === 1 ? "subscriber" : "subscribers"}
                  {!plan.inStripe && " · not in Stripe yet: open it and save again"}
                </p>
              </div>
              {!plan.archivedAt && (
                <Link
                  to={`/s/${handle}/plans/${plan.id}`}
                  className="text-sm font-medium text-brand-700 underline"
                >
                  View in your shop
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
