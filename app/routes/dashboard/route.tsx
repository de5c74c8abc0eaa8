import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ shop: seller.shop }, { headers: privateNoStore });
}

export default function DashboardLayout() {
  const { shop } = useLoaderData<typeof loader>();
  return (
    <DashboardShell shopName={shop.name}>
      <Outlet />
    </DashboardShell>
  );
}

function DashboardShell({ shopName, children }: { shopName?: string; children: React.ReactNode }) {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-gray-700 hover:bg-gray-100"}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{shopName ? `${shopName} dashboard` : "Dashboard"}</h1>
        <nav aria-label="Dashboard" className="flex flex-wrap gap-1">
          <NavLink to="/dashboard" end className={tab}>
            Overview
          </NavLink>
          <NavLink to="/dashboard/listings" className={tab}>
            Listings
          </NavLink>
          <NavLink to="/dashboard/sales" className={tab}>
            Sales
          </NavLink>
          <NavLink to="/dashboard/customers" className={tab}>
            Customers
          </NavLink>
          <NavLink to="/dashboard/reviews" className={tab}>
            Reviews
          </NavLink>
          <NavLink to="/dashboard/reports" className={tab}>
            Takedowns
          </NavLink>
          <NavLink to="/dashboard/licenses" className={tab}>
            Licence keys
          </NavLink>
          <NavLink to="/dashboard/leaks" className={tab}>
            Leaks
          </NavLink>
          <NavLink to="/dashboard/plans" className={tab}>
            Plans
          </NavLink>
          <NavLink to="/dashboard/discounts" className={tab}>
            Discounts
          </NavLink>
          <NavLink to="/dashboard/payouts" className={tab}>
            Payouts
          </NavLink>
          <NavLink to="/dashboard/settings" className={tab}>
            Settings
          </NavLink>
        </nav>
      </header>
      {children}
    </div>
  );
}

/** Errors inside the dashboard keep its navigation; a visitor who is not a seller sees no shop name. */
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>("routes/dashboard");
  if (!layout) return <GeneralErrorBoundary />;
  return (
    <DashboardShell shopName={layout.shop.name}>
      <GeneralErrorBoundary />
    </DashboardShell>
  );
}
