import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { privateNoStore } from "~/utils/http.ts";
import { requireAdmin } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Admin · Stapel" }, { name: "robots", content: "noindex" }];

/** The admin area: the ADMIN role only; for anyone else it does not exist (404). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return data(null, { headers: privateNoStore });
}

export default function AdminLayout() {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-gray-700 hover:bg-gray-100"}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Admin</h1>
        <nav aria-label="Admin" className="flex flex-wrap gap-1">
          <NavLink to="/admin/reports" className={tab}>
            Listing reports
          </NavLink>
          <NavLink to="/admin/reviews" className={tab}>
            Reported reviews
          </NavLink>
        </nav>
      </header>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
