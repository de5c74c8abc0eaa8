import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/components/i18n.tsx";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

// The subscriber's portal: everything below needs a signed-in user, and its errors render here.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return data(null, { headers: privateNoStore });
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-gray-700 hover:text-ink"}`;

function AccountNav() {
  const t = useT();
  return (
    <nav aria-label={t("accountNav.label")} className="flex flex-wrap gap-2 print:hidden">
      <NavLink to="/account" end className={tabClass}>
        {t("accountNav.subscriptions")}
      </NavLink>
      <NavLink to="/account/orders" className={tabClass}>
        {t("accountNav.orders")}
      </NavLink>
      <NavLink to="/library" className={tabClass}>
        {t("accountNav.library")}
      </NavLink>
      <NavLink to="/account/settings" className={tabClass}>
        {t("accountNav.settings")}
      </NavLink>
    </nav>
  );
}

export default function AccountLayout() {
  return (
    <div className="space-y-6">
      <AccountNav />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <div className="space-y-6">
      <AccountNav />
      <GeneralErrorBoundary />
    </div>
  );
}
