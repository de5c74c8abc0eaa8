import { CopyButton } from "~/components/copy-button.tsx";
import type { LibraryLicenseKey } from "~/modules/licensing/library-keys.server.ts";

/** The licence key that came with the item. */
export function LicenseSection({ license }: { license: LibraryLicenseKey | null }) {
  if (!license) return null;
  return (
    <section aria-labelledby="licence-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <h2 id="licence-heading" className="font-bold">
        Licence key
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code data-testid="license-key" className="rounded bg-gray-100 px-2 py-1 font-mono">
          {license.key}
        </code>
        <CopyButton text={license.key} label="Copy key" />
      </div>
    </section>
  );
}
