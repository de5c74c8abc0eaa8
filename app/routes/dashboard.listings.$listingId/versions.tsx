import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { formatDay } from "~/utils/dates.ts";

type Version = { id: string; number: number; changelog: string; notifiedAt: Date | null; createdAt: Date };

/** The listing's versions, newest first, with "notify buyers" for the current one. */
export function Versions({
  listing,
  busy,
}: {
  listing: { currentVersion: number; status: string; buyers: number; versions: Version[] };
  busy: boolean;
}) {
  if (listing.versions.length === 0) return null;
  return (
    <section
      aria-labelledby="versions-heading"
      className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200"
    >
      <h3 id="versions-heading" className="font-bold">
        Versions
      </h3>
      <ol className="space-y-2">
        {listing.versions.map((version) => (
          <li key={version.id} className="text-sm">
            <p className="font-medium">
              Version {version.number} · {formatDay(version.createdAt)}
              {version.notifiedAt && (
                <span className="text-gray-600"> · buyers notified {formatDay(version.notifiedAt)}</span>
              )}
            </p>
            {version.changelog && <p className="whitespace-pre-line text-gray-700">{version.changelog}</p>}
            {version.number === listing.currentVersion &&
              !version.notifiedAt &&
              listing.status === "PUBLISHED" &&
              listing.buyers > 0 && (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="intent" value="notify" />
                  <input type="hidden" name="version" value={version.number} />
                  <Button variant="secondary" disabled={busy}>
                    Email {listing.buyers === 1 ? "the 1 buyer" : `the ${listing.buyers} buyers`} about
                    version {version.number}
                  </Button>
                </Form>
              )}
          </li>
        ))}
      </ol>
    </section>
  );
}
