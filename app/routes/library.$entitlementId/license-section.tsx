import { Form, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button.tsx";
import { useFormat, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import type { LibraryLicenseKey } from "~/modules/licensing/library-keys.server.ts";

/**
 * The item's licence keys: the purchase's key and, for an item a plan grants, the plan's key. Each
 * with its status in words, its activations, and "Free this device" for each of them.
 */
export function LicenseSection({ license }: { license: LibraryLicenseKey[] | null }) {
  const [searchParams] = useSearchParams();
  const t = useT();
  if (!license || license.length === 0) return null;
  const freed = searchParams.get("device") === "freed";
  return (
    <>
      {freed && <Notice tone="success">{t("key.freed")}</Notice>}
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
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <h2 id={headingId} className="font-bold">
        {license.planName ? t("key.planHeading", { plan: license.planName }) : t("key.heading")}
      </h2>
      {license.planName && (
        <p className="mt-1 text-sm text-gray-700">{t("key.planValid", { plan: license.planName })}</p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code
          data-testid={license.planName ? "plan-license-key" : "license-key"}
          className="break-all rounded bg-gray-100 px-2 py-1 font-mono"
        >
          {license.key}
        </code>
        <CopyButton text={license.key} label={t("key.copy")} />
      </div>
      <p className="mt-2 text-sm" data-testid="license-status">
        {t(`key.status.${license.status}`)}
      </p>
      <p className="mt-1 text-sm text-gray-700" data-testid="license-usage">
        {license.activationLimit === null
          ? used === 1
            ? t("key.usedUnlimited.one")
            : t("key.usedUnlimited.other", { count: used })
          : t("key.used", { count: used, limit: license.activationLimit })}
      </p>
      {used > 0 && (
        <ul
          className="mt-3 divide-y divide-gray-100 rounded-lg ring-1 ring-gray-200"
          aria-label={t("key.activations")}
        >
          {license.activations.map((activation) => (
            <li key={activation.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div className="min-w-0">
                <p className="break-all font-medium">{activation.instanceName}</p>
                <p className="text-xs text-gray-600">
                  {t("key.activated", { day: format.day(activation.createdAt) })}
                </p>
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
                  aria-label={t("key.freeLabel", { name: activation.instanceName })}
                >
                  {t("key.free")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
