import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ shop: seller.shop }, { headers: privateNoStore });
}

export default function DashboardLayout() {
  const { shop } = useLoaderData<typeof loader>();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-gray-700 hover:bg-gray-100"}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{shop.name} dashboard</h1>
        <nav aria-label="Dashboard" className="flex gap-1">
          <NavLink to="/dashboard" end className={tab}>
            Overview
          </NavLink>
          <NavLink to="/dashboard/sales" className={tab}>
            Sales
          </NavLink>
        </nav>
      </header>
      <Outlet />
    </div>
  );
}
