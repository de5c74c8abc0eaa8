import { Form, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import type { LibraryLicenseKey } from "~/modules/licensing/library-keys.server.ts";
import { buyerLicenseStatus } from "~/modules/licensing/manage-forms.ts";
import { formatDay } from "~/utils/dates.ts";

/**
 * The item's licence keys: the purchase's key and, for an item a plan grants, the plan's key. Each
 * with its status in words, its activations, and "Free this device" for each of them.
 */
export function LicenseSection({ license }: { license: LibraryLicenseKey[] | null }) {
  const [searchParams] = useSearchParams();
  if (!license || license.length === 0) return null;
  const freed = searchParams.get("device") === "freed";
  return (
    <>
      {freed && <Notice tone="success">Device freed: you can activate the key on another device now.</Notice>}
      {license.map((key) => (
        <KeyCard key={key.id} license={key} />
      ))}
    </>
  );
}

function KeyCard({ license }: { license: LibraryLicenseKey }) {
  const params = useParams();
  const navigation = useNavigation();
  const headingId = license.planName ? `plan-licence-heading-${license.id}` : "licence-heading";
  const used = license.activations.length;
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <h2 id={headingId} className="font-bold">
        {license.planName ? `Your ${license.planName} licence key` : "Licence key"}
      </h2>
      {license.planName && (
        <p className="mt-1 text-sm text-gray-700">Valid while your {license.planName} subscription lasts.</p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code
          data-testid={license.planName ? "plan-license-key" : "license-key"}
          className="break-all rounded bg-gray-100 px-2 py-1 font-mono"
        >
          {license.key}
        </code>
        <CopyButton text={license.key} label="Copy key" />
      </div>
      <p className="mt-2 text-sm" data-testid="license-status">
        {buyerLicenseStatus[license.status]}
      </p>
      <p className="mt-1 text-sm text-gray-700" data-testid="license-usage">
        {license.activationLimit === null
          ? `${used} ${used === 1 ? "activation" : "activations"} used (unlimited)`
          : `${used} of ${license.activationLimit} activations used`}
      </p>
      {used > 0 && (
        <ul
          className="mt-3 divide-y divide-gray-100 rounded-lg ring-1 ring-gray-200"
          aria-label="Activations"
        >
          {license.activations.map((activation) => (
            <li key={activation.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div className="min-w-0">
                <p className="break-all font-medium">{activation.instanceName}</p>
                <p className="text-xs text-gray-600">Activated {formatDay(activation.createdAt)}</p>
              </div>
              <Form method="post" action={`/library/keys/${license.id}`}>
                <input type="hidden" name="intent" value="deactivate" />
                <input type="hidden" name="activationId" value={activation.id} />
                {params.entitlementId && (
                  <input type="hidden" name="entitlementId" value={params.entitlementId} />
                )}
                <Button
                  variant="secondary"
                  disabled={navigation.state !== "idle"}
                  aria-label={`Free this device: ${activation.instanceName}`}
                >
                  Free this device
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
