import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import type { RevokeReason } from "~/generated/prisma/enums.ts";
import { groupLibrary, type LibraryEntry, listLibrary } from "~/modules/delivery/entitlements.server.ts";
import { metaTranslator, type Translate } from "~/modules/i18n/translate.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("library.metaTitle") }];

/** Longer searches are cut (the module cuts them too). */
const MAX_LIBRARY_QUERY = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, MAX_LIBRARY_QUERY);
  const entries = await listLibrary(user.id, query);
  return data({ query, ...groupLibrary(entries), count: entries.length }, { headers: privateNoStore });
}

const revokedLabel = (t: Translate, reason: RevokeReason) => t(`library.revoked.${reason}`);

/** Where the item came from, in the buyer's words. */
function sourceBadge(t: Translate, entry: Pick<LibraryEntry, "source" | "planName" | "status">): string {
  const active = entry.status === "ACTIVE";
  switch (entry.source) {
    case "SUBSCRIPTION":
      return entry.planName
        ? t(active ? "library.source.inPlan" : "library.source.fromPlan", { plan: entry.planName })
        : t(active ? "library.source.inAnyPlan" : "library.source.fromAnyPlan");
    case "BUNDLE":
      return t("library.source.bundle");
    case "GIFT":
      return t("library.source.gift");
    case "FREE_CLAIM":
      return t("library.source.free");
    default:
      return t("library.source.purchased");
  }
}

const pill = "rounded-full px-2 py-0.5 text-xs font-medium";

function ActiveEntry({ entry }: { entry: LibraryEntry }) {
  const t = useT();
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4">
      <div>
        <p className="font-semibold">
          <Link to={`/library/${entry.id}`} className="text-brand-700 underline">
            {entry.listing.title}
          </Link>
        </p>
        <p className="text-sm text-gray-600">
          {t(`type.${entry.listing.type}`)}
          {entry.listing.tagline && ` · ${entry.listing.tagline}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {entry.updated && (
          <span className={`${pill} bg-amber-100 text-amber-900`}>
            {t("library.updated")}
            <span className="sr-only">{t("library.updatedNote")}</span>
          </span>
        )}
        <span className={`${pill} bg-brand-50 text-brand-700`}>{sourceBadge(t, entry)}</span>
        <span className={`${pill} bg-emerald-50 text-emerald-800`}>{t("library.active")}</span>
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
            {t("library.search")}
          </label>
          <input
            id="library-search"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={MAX_LIBRARY_QUERY}
            placeholder={t("library.searchPlaceholder")}
            className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("library.searchButton")}
        </button>
        {query && (
          <Link to="/library" className="py-2.5 text-sm font-semibold text-brand-700 underline">
            {t("library.showAll")}
          </Link>
        )}
      </Form>
      {count === 0 ? (
        query ? (
          <p className="text-gray-700" role="status">
            {t("library.noMatch", { query })}
          </p>
        ) : (
          <p className="text-gray-700">
            {t("library.empty")}{" "}
            <Link to="/" className="font-semibold text-brand-700 underline">
              {t("library.discover")}
            </Link>
            .
          </p>
        )
      ) : (
        <>
          {query && (
            <p className="text-sm text-gray-700" role="status">
              {count === 1
                ? t("library.matches.one", { query })
                : t("library.matches.other", { count, query })}
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
                        {t("library.by", {
                          type: t(`type.${entry.listing.type}`),
                          shop: entry.listing.shop.name,
                        })}{" "}
                        · {sourceBadge(t, entry)}
                      </p>
                    </div>
                    <span className={`${pill} bg-gray-100 text-gray-700`}>
                      {entry.revokeReason ? revokedLabel(t, entry.revokeReason) : t("library.accessEnded")}
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
