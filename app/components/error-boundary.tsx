import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

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

const hints: Record<number, string> = {
  403: "If you think you should see this, sign in with the account that owns it.",
  404: "The address may be mistyped, or the page was moved or removed.",
  429: "Wait a minute, then try again.",
  500: "We have been told. Please try again in a moment.",
  503: "Please try again in a few minutes.",
};

/**
 * The one error page, used by the root and by each section's layout route, so an error inside a
 * section keeps the header (and, where the section wraps it, the section's navigation). Messages
 * from Responses we threw on purpose are shown; anything else stays out of the page.
 */
/** A page title for an error status, for routes' meta functions. */
export const errorTitle = (status: number) => `${titles[status] ?? titles[500]} · Stapel`;

export function GeneralErrorBoundary({ children }: { children?: ReactNode }) {
  const error = useRouteError();
  const requestId = (useRouteLoaderData("root") as RootData | undefined)?.requestId;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data.length < 300
      ? error.data
      : null;
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-bold">{titles[status] ?? titles[500]}</h1>
      {detail && <p className="mt-3 text-gray-800">{detail}</p>}
      {hints[status] && <p className="mt-2 text-gray-700">{hints[status]}</p>}
      {children}
      <p className="mt-6 flex justify-center gap-6 font-semibold">
        <Link to="/" className="text-brand-700 underline">
          Back to the shop
        </Link>
        <Link to="/#search" className="text-brand-700 underline">
          Search listings
        </Link>
      </p>
      {requestId && <p className="mt-6 text-xs text-gray-600">Reference: {requestId}</p>}
    </div>
  );
}
