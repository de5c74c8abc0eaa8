import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listShopLicenseKeys } from "~/modules/licensing/manage.server.ts";
import { LicensesQuerySchema, licensesQueryString } from "~/modules/licensing/manage-forms.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { LicenseFilters } from "./license-filters.tsx";
import { LicenseList } from "./license-list.tsx";

export const meta: MetaFunction = () => [{ title: "Licence keys · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const url = new URL(request.url);
  const query = LicensesQuerySchema.parse(Object.fromEntries(url.searchParams));
  // Filters live in the URL, without empty or unknown parameters: the URL a seller shares.
  const canonical = licensesQueryString(query);
  if (canonical !== url.search) throw redirect(`${url.pathname}${canonical}`, { headers: privateNoStore });
  return data({ query, ...(await listShopLicenseKeys(seller.shop.id, query)) }, { headers: privateNoStore });
}

export default function LicenseKeys() {
  const { query, keys, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="licenses-heading" className="min-w-0 space-y-4">
      <h2 id="licenses-heading" className="text-xl font-bold">
        Licence keys
      </h2>
      <p className="text-sm text-gray-600">
        Every key your buyers and subscribers hold. Open one to disable, enable or rotate it, reset its uses
        or remove an activation.
      </p>
      <LicenseFilters query={query} />
      <LicenseList keys={keys} total={total} page={page} pageCount={pageCount} query={query} />
    </section>
  );
}
