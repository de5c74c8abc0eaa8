import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import type { RevokeReason } from "~/generated/prisma/enums.ts";
import { listingTypeLabel } from "~/modules/catalog/search.ts";
import { groupLibrary, type LibraryEntry, listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Your library · Stapel" }];

/** Longer searches are cut (the module cuts them too). */
const MAX_LIBRARY_QUERY = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, MAX_LIBRARY_QUERY);
  const entries = await listLibrary(user.id, query);
  return data({ query, ...groupLibrary(entries), count: entries.length }, { headers: privateNoStore });
}

const revokedLabel: Record<RevokeReason, string> = {
  REFUNDED: "Refunded",
  DISPUTED: "Disputed payment",
  SUBSCRIPTION_ENDED: "Membership ended",
  REMOVED_FROM_PLAN: "No longer in your plan",
  UNPUBLISHED: "No longer available",
};

/** Where the item came from, in the buyer's words. */
function sourceBadge(entry: Pick<LibraryEntry, "source" | "planName" | "status">): string {
  const plan = entry.planName ? `your ${entry.planName} plan` : "your plan";
  switch (entry.source) {
    case "SUBSCRIPTION":
      return entry.status === "ACTIVE" ? `In ${plan}` : `From ${plan}`;
    case "BUNDLE":
      return "Purchased in a bundle";
    case "GIFT":
      return "Gift";
    case "FREE_CLAIM":
      return "Free";
    default:
      return "Purchased";
  }
}

const pill = "rounded-full px-2 py-0.5 text-xs font-medium";

function ActiveEntry({ entry }: { entry: LibraryEntry }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4">
      <div>
        <p className="font-semibold">
          <Link to={`/library/${entry.id}`} className="text-brand-700 underline">
            {entry.listing.title}
          </Link>
        </p>
        <p className="text-sm text-gray-600">
          {listingTypeLabel[entry.listing.type]}
          {entry.listing.tagline && ` · ${entry.listing.tagline}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {entry.updated && (
          <span className={`${pill} bg-amber-100 text-amber-900`}>
            Updated<span className="sr-only">: a new version since you last looked</span>
          </span>
        )}
        <span className={`${pill} bg-brand-50 text-brand-700`}>{sourceBadge(entry)}</span>
        <span className={`${pill} bg-emerald-50 text-emerald-800`}>Active</span>
      </div>
    </li>
  );
}

export default function Library() {
  const { query, shops, ended, count } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("library.title")}</h1>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="library-search" className="block text-sm font-medium text-ink">
            Search your library
          </label>
          <input
            id="library-search"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={MAX_LIBRARY_QUERY}
            placeholder="Title, shop or tagline"
            className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
        {query && (
          <Link to="/library" className="py-2.5 text-sm font-semibold text-brand-700 underline">
            Show everything
          </Link>
        )}
      </Form>
      {count === 0 ? (
        query ? (
          <p className="text-gray-700" role="status">
            Nothing in your library matches “{query}”.
          </p>
        ) : (
          <p className="text-gray-700">
            Nothing here yet.{" "}
            <Link to="/" className="font-semibold text-brand-700 underline">
              Discover prompts, templates and agents
            </Link>
            .
          </p>
        )
      ) : (
        <>
          {query && (
            <p className="text-sm text-gray-700" role="status">
              {count} {count === 1 ? "item matches" : "items match"} “{query}”.
            </p>
          )}
          {shops.map((shop) => (
            <section key={shop.handle} aria-labelledby={`shop-${shop.handle}`} className="space-y-2">
              <h2 id={`shop-${shop.handle}`} className="text-lg font-bold">
                <Link to={`/s/${shop.handle}`} className="hover:underline">
                  {shop.name}
                </Link>
              </h2>
              <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
                {shop.items.map((entry) => (
                  <ActiveEntry key={entry.id} entry={entry} />
                ))}
              </ul>
            </section>
          ))}
          {ended.length > 0 && (
            <section aria-labelledby="ended-heading" className="space-y-2">
              <h2 id="ended-heading" className="text-lg font-bold">
                {t("library.ended")}
              </h2>
              <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
                {ended.map((entry) => (
                  <li key={entry.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                    <div>
                      <p className="font-semibold">{entry.listing.title}</p>
                      <p className="text-sm text-gray-600">
                        {listingTypeLabel[entry.listing.type]} by {entry.listing.shop.name} ·{" "}
                        {sourceBadge(entry)}
                      </p>
                    </div>
                    <span className={`${pill} bg-gray-100 text-gray-700`}>
                      {entry.revokeReason ? revokedLabel[entry.revokeReason] : "Access ended"}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
