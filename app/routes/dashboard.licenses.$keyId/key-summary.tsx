import { Link } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button.tsx";
import type { LicenseKeyStatus } from "~/generated/prisma/enums.ts";
import { licenseStatusLabel, licenseStatusMeaning } from "~/modules/licensing/manage-forms.ts";
import { formatDay } from "~/utils/dates.ts";

export type KeyView = {
  id: string;
  key: string;
  status: LicenseKeyStatus;
  uses: number;
  activationLimit: number | null;
  createdAt: Date | string;
  rotatedAt: Date | string | null;
  user: { id: string; email: string };
  listing: { id: string; title: string } | null;
  plan: { id: string; name: string } | null;
  orderId: string | null;
  activations: { id: string; instanceName: string; createdAt: Date | string }[];
};

const term = "text-sm text-gray-600";
const detail = "mt-0.5 break-words font-medium";

/** The key, what it is for, who holds it and how much it is used. */
export function KeySummary({ license }: { license: KeyView }) {
  const used = license.activations.length;
  return (
    <section aria-labelledby="key-heading" className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <div className="space-y-2">
        <h2 id="key-heading" className="text-xl font-bold">
          Licence key
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <code
            data-testid="seller-license-key"
            className="break-all rounded bg-gray-100 px-2 py-1 font-mono"
          >
            {license.key}
          </code>
          <CopyButton text={license.key} label="Copy key" />
        </div>
        <p className="text-sm">
          <span className="font-semibold" data-testid="seller-license-status">
            {licenseStatusLabel[license.status]}
          </span>
          : {licenseStatusMeaning[license.status]}
        </p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className={term}>Buyer</dt>
          <dd className={detail}>
            <Link
              to={`/dashboard/customers/${license.user.id}`}
              className="break-all text-brand-700 underline"
            >
              {license.user.email}
            </Link>
          </dd>
        </div>
        <div>
          <dt className={term}>{license.plan ? "Plan" : "Listing"}</dt>
          <dd className={detail}>
            {license.plan ? `${license.plan.name} (valid while the subscription grants access)` : null}
            {license.listing ? license.listing.title : null}
            {!license.plan && !license.listing ? "–" : null}
          </dd>
        </div>
        <div>
          <dt className={term}>Order</dt>
          <dd className={detail}>
            {license.orderId ? (
              <Link to={`/dashboard/sales/${license.orderId}`} className="text-brand-700 underline">
                View the sale
              </Link>
            ) : (
              "None (a gift, free claim or plan)"
            )}
          </dd>
        </div>
        <div>
          <dt className={term}>Issued</dt>
          <dd className={detail}>
            {formatDay(license.createdAt)}
            {license.rotatedAt ? `, rotated ${formatDay(license.rotatedAt)}` : ""}
          </dd>
        </div>
        <div>
          <dt className={term}>Uses (counted verify calls)</dt>
          <dd className={detail} data-testid="seller-license-uses">
            {license.uses}
          </dd>
        </div>
        <div>
          <dt className={term}>Activations</dt>
          <dd className={detail} data-testid="seller-license-activations">
            {license.activationLimit === null
              ? `${used} used (no limit)`
              : `${used} of ${license.activationLimit} used`}
          </dd>
        </div>
      </dl>
    </section>
  );
}
