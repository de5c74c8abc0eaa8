import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { RevokeReason } from "~/generated/prisma/enums.ts";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Your library · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return data({ items: await listLibrary(user.id) }, { headers: privateNoStore });
}

const revokedLabel: Record<RevokeReason, string> = {
  REFUNDED: "Refunded",
  DISPUTED: "Disputed payment",
  SUBSCRIPTION_ENDED: "Membership ended",
  REMOVED_FROM_PLAN: "No longer in your plan",
  UNPUBLISHED: "No longer available",
};

export default function Library() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your library</h1>
      {items.length === 0 ? (
        <p className="text-gray-700">
          Nothing here yet.{" "}
          <Link to="/" className="font-semibold text-brand-700 underline">
            Discover prompts, templates and agents
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-semibold">
                  {item.status === "ACTIVE" ? (
                    <Link to={`/library/${item.id}`} className="text-brand-700 underline">
                      {item.listing.title}
                    </Link>
                  ) : (
                    item.listing.title
                  )}
                </p>
                <p className="text-sm text-gray-600">
                  {listingTypeLabel[item.listing.type]} by {item.listing.shop.name}
                  {item.source === "BUNDLE" && " · from a bundle"}
                  {item.source === "SUBSCRIPTION" && item.planName && ` · with your ${item.planName} plan`}
                </p>
              </div>
              {item.status === "ACTIVE" ? (
                <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                  Active
                </span>
              ) : (
                <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">
                  {item.revokeReason ? revokedLabel[item.revokeReason] : "Access ended"}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
