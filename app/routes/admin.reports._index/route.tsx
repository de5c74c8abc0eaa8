import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reportKindLabel } from "~/modules/reports/forms.ts";
import { listOpenReports, listSellerResponses } from "~/modules/reports/listing-reports.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireAdmin } from "~/utils/session.server.ts";

/** The queue: open listing reports, newest first; then takedowns whose seller has responded. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [open, responses] = await Promise.all([listOpenReports(), listSellerResponses()]);
  return data({ open, responses }, { headers: privateNoStore });
}

export default function AdminReports() {
  const { open, responses } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-xl font-bold">
          Open reports ({open.length})
        </h2>
        {open.length === 0 ? (
          <p className="text-gray-600">Nothing to review.</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
            {open.map((report) => (
              <li key={report.id} className="space-y-1 p-4" data-testid="open-report">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <Link to={`/admin/reports/${report.id}`} className="font-semibold text-brand-700 underline">
                    {report.listing.title}
                  </Link>
                  <span className="text-sm text-gray-600">by {report.listing.shop.name}</span>
                  {report.openForListing > 1 && (
                    <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">
                      {report.openForListing} open reports
                    </span>
                  )}
                </p>
                <p className="text-sm">
                  <span className="font-medium">{reportKindLabel[report.kind]}</span> ·{" "}
                  {formatDay(report.createdAt)} · {report.reporterEmail ?? "no email"}
                </p>
                <p className="line-clamp-3 whitespace-pre-line text-sm text-gray-800">{report.details}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="responses-heading" className="space-y-3">
        <h2 id="responses-heading" className="text-xl font-bold">
          Sellers' responses to takedowns
        </h2>
        {responses.length === 0 ? (
          <p className="text-gray-600">No responses waiting.</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
            {responses.map((report) => (
              <li key={report.id} className="space-y-1 p-4">
                <Link to={`/admin/reports/${report.id}`} className="font-semibold text-brand-700 underline">
                  {report.listing.title}
                </Link>{" "}
                <span className="text-sm text-gray-600">by {report.listing.shop.name}</span>
                <p className="line-clamp-3 whitespace-pre-line text-sm text-gray-800">
                  {report.sellerResponse}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
