import { Form } from "@remix-run/react";
import { type LicensesQuery, licenseStatusLabel } from "~/modules/licensing/manage-forms.ts";

const inputClass =
  "mt-1 block w-full rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600";

const statuses = [
  ["active", licenseStatusLabel.ACTIVE],
  ["disabled", licenseStatusLabel.DISABLED],
  ["expired", licenseStatusLabel.EXPIRED],
  ["revoked", licenseStatusLabel.REVOKED],
] as const;

/** GET search and status filter: every choice lands in the URL, and empty ones never do. */
export function LicenseFilters({ query }: { query: LicensesQuery }) {
  return (
    <Form
      method="get"
      role="search"
      aria-label="Search licence keys"
      className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end"
      onSubmit={dropEmptyFields}
    >
      <div className="col-span-2 min-w-0 sm:w-80">
        <label htmlFor="licenses-q" className="block text-sm font-medium">
          Key, buyer email, listing or plan
        </label>
        <input
          id="licenses-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="STPL-ABCDE or buyer@example.com"
          autoComplete="off"
          className={inputClass}
        />
      </div>
      <div className="min-w-0 sm:w-44">
        <label htmlFor="licenses-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="licenses-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
          <option value="">All</option>
          {statuses.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white">
        Search
      </button>
    </Form>
  );
}

/** With JavaScript, empty fields never reach the URL; without it the loader redirects them away. */
function dropEmptyFields(event: React.FormEvent<HTMLFormElement>) {
  for (const element of Array.from(event.currentTarget.elements)) {
    if (
      (element instanceof HTMLSelectElement || element instanceof HTMLInputElement) &&
      element.value === ""
    ) {
      element.disabled = true;
      queueMicrotask(() => {
        element.disabled = false;
      });
    }
  }
}
