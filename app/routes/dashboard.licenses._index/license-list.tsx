import { Link } from "@remix-run/react";
import { PageLinks } from "~/components/ui/page-links.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import type { LicenseKeyStatus } from "~/generated/prisma/enums.ts";
import {
  type LicensesQuery,
  licenseStatusLabel,
  licensesQueryString,
} from "~/modules/licensing/manage-forms.ts";
import { formatDay } from "~/utils/dates.ts";

export type LicenseRow = {
  id: string;
  key: string;
  status: LicenseKeyStatus;
  email: string;
  product: string;
  uses: number;
  activations: number;
  activationLimit: number | null;
  createdAt: Date | string;
};

const usage = (row: LicenseRow) =>
  row.activationLimit === null
    ? `${row.activations} (unlimited)`
    : `${row.activations} of ${row.activationLimit}`;

/** The keys: cards on a phone, a table from the small breakpoint up (inside its own scroll box). */
export function LicenseList(props: {
  keys: LicenseRow[];
  total: number;
  page: number;
  pageCount: number;
  query: LicensesQuery;
}) {
  const { keys, total } = props;
  if (total === 0) {
    const filtered = Object.values(props.query).some((value) => value !== undefined);
    return (
      <p className="text-gray-700">
        {filtered
          ? "No licence keys match this search."
          : "No licence keys yet. Each purchase, gift and plan subscription gets one."}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-600">{total === 1 ? "1 key" : `${total} keys`}</p>
      <ul className="space-y-3 sm:hidden" aria-label="Licence keys">
        {keys.map((row) => (
          <li key={row.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <Link
              to={`/dashboard/licenses/${row.id}`}
              className="block break-all font-mono text-sm font-semibold text-brand-700 underline"
            >
              {row.key}
            </Link>
            <p className="mt-1 break-words text-sm text-gray-800">{row.product}</p>
            <p className="mt-1 break-all text-sm text-gray-700">{row.email}</p>
            <p className="mt-1 text-sm text-gray-600">
              {licenseStatusLabel[row.status]} · {usage(row)} activations · {row.uses} uses ·{" "}
              {formatDay(row.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200 sm:block">
        <table className="min-w-full text-left text-sm">
          <TableHead
            columns={[
              "Key",
              "Listing or plan",
              "Buyer",
              "Status",
              { label: "Activations", numeric: true },
              { label: "Uses", numeric: true },
              "Issued",
            ]}
          />
          <tbody className="divide-y divide-gray-100">
            {keys.map((row) => (
              <tr key={row.id}>
                <td className="whitespace-nowrap p-3">
                  <Link to={`/dashboard/licenses/${row.id}`} className="font-mono text-brand-700 underline">
                    {row.key}
                  </Link>
                </td>
                <td className="p-3">{row.product}</td>
                <td className="max-w-48 break-all p-3">{row.email}</td>
                <td className="p-3">{licenseStatusLabel[row.status]}</td>
                <td className="whitespace-nowrap p-3 text-right">{usage(row)}</td>
                <td className="p-3 text-right">{row.uses}</td>
                <td className="whitespace-nowrap p-3">{formatDay(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageLinks
        page={props.page}
        pageCount={props.pageCount}
        href={(page) =>
          `/dashboard/licenses${licensesQueryString({ ...props.query, page: page > 1 ? page : undefined })}`
        }
        previousLabel="Newer"
        nextLabel="Older"
      />
    </div>
  );
}
