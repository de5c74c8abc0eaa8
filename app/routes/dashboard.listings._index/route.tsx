import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button.tsx";
import { listShopListings } from "~/modules/listings/editor.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Listings · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ listings: await listShopListings(seller.shop.id) }, { headers: privateNoStore });
}

const statusLabel = { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" } as const;
const typeLabel = { PROMPT: "Prompt", TEMPLATE: "Template", AGENT: "Agent", BUNDLE: "Bundle" } as const;

export default function Listings() {
  const { listings } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="listings-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="listings-heading" className="text-xl font-bold">
          Listings
        </h2>
        <Link to="/dashboard/listings/new" className={buttonClass()}>
          New listing
        </Link>
      </div>
      {listings.length === 0 ? (
        <p className="text-gray-700">No listings yet. Create your first prompt, template, agent or bundle.</p>
      ) : (
        <ul className="space-y-3">
          {listings.map((listing) => (
            <li
              key={listing.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4 ring-1 ring-gray-200"
            >
              <div className="min-w-0 space-y-1">
                <p className="font-semibold">
                  <Link to={`/dashboard/listings/${listing.id}`} className="text-brand-700 underline">
                    {listing.title}
                  </Link>{" "}
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ${listing.status === "PUBLISHED" ? "bg-emerald-50 text-emerald-800" : "bg-gray-100 text-gray-700"}`}
                  >
                    {statusLabel[listing.status]}
                  </span>
                </p>
                <p className="text-sm text-gray-700">
                  {typeLabel[listing.type]} ·{" "}
                  {formatMoney({ amount: listing.priceAmount, currency: listing.currency })}
                  {listing.currentVersion > 0 && ` · version ${listing.currentVersion}`} ·{" "}
                  {listing._count.entitlements} with access
                </p>
              </div>
              {listing.status === "PUBLISHED" && (
                <Link to={`/p/${listing.slug}`} className="text-sm text-brand-700 underline">
                  View
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
