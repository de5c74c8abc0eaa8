import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocalize, useT } from "~/components/i18n.tsx";
import type { MessageKey } from "~/modules/i18n/translate.ts";

type RootData = { requestId?: string };

const titles: Record<number, string> = {
  400: "That request was not valid.",
  401: "Please sign in first.",
  403: "You do not have access to this page.",
  404: "We could not find that page.",
  405: "That is not something this page can do.",
  409: "That cannot be done right now.",
  410: "This link has expired.",
  413: "That was too much to send at once.",
  415: "That form could not be read.",
  429: "Too many requests. Please wait a moment.",
  500: "Something went wrong on our side.",
  503: "This is temporarily unavailable.",
};

/**
 * The one error page, used by the root and by each section's layout route, so an error inside a
 * section keeps the header (and, where the section wraps it, the section's navigation). Messages
 * from Responses we threw on purpose are shown; anything else stays out of the page.
 */
/** A page title for an error status, for routes' meta functions. */
export const errorTitle = (status: number) => `${titles[status] ?? titles[500]} · Stapel`;

const HINTS = [403, 404, 429, 500, 503];

export function GeneralErrorBoundary({ children }: { children?: ReactNode }) {
  const error = useRouteError();
  const requestId = (useRouteLoaderData("root") as RootData | undefined)?.requestId;
  const t = useT();
  const localize = useLocalize();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data.length < 300
      ? localize(error.data)
      : null;
  const known = status in titles ? status : 500;
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">{t("error.code", { status })}</p>
      <h1 className="mt-2 text-2xl font-bold">{t(`error.${known}` as MessageKey)}</h1>
      {detail && <p className="mt-3 text-gray-800">{detail}</p>}
      {HINTS.includes(status) && (
        <p className="mt-2 text-gray-700">{t(`error.hint${status}` as MessageKey)}</p>
      )}
      {children}
      <p className="mt-6 flex justify-center gap-6 font-semibold">
        <Link to="/" className="text-brand-700 underline">
          {t("error.backToShop")}
        </Link>
        <Link to="/#search" className="text-brand-700 underline">
          {t("error.search")}
        </Link>
      </p>
      {requestId && <p className="mt-6 text-xs text-gray-600">{t("error.reference", { id: requestId })}</p>}
    </div>
  );
}
