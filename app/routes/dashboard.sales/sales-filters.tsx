import { Form } from "@remix-run/react";
import type { SalesQuery } from "~/modules/sellers/forms.ts";
import { countryName, periodLabel, saleStatusFilterLabel } from "~/modules/sellers/labels.ts";

const selectClass =
  "mt-1 block w-full rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600";

/** GET filters: every choice lands in the URL, and empty ones never do. */
export function SalesFilters({
  query,
  listings,
  countries,
}: {
  query: SalesQuery;
  listings: { id: string; title: string }[];
  countries: string[];
}) {
  return (
    <Form
      method="get"
      role="search"
      aria-label="Filter sales"
      className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end"
      onSubmit={dropEmptyFields}
    >
      <FilterSelect label="Period" name="period" value={query.period} options={Object.entries(periodLabel)} />
      <FilterSelect
        label="Listing"
        name="listing"
        value={query.listing}
        options={listings.map((listing) => [listing.id, listing.title])}
      />
      <FilterSelect
        label="Status"
        name="status"
        value={query.status}
        options={Object.entries(saleStatusFilterLabel)}
      />
      <FilterSelect
        label="Country"
        name="country"
        value={query.country}
        options={countries.map((code) => [code, countryName(code)])}
      />
      <button
        type="submit"
        className="col-span-2 rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white sm:col-span-1"
      >
        Apply
      </button>
    </Form>
  );
}

function FilterSelect(props: { label: string; name: string; value?: string; options: [string, string][] }) {
  const id = `sales-${props.name}`;
  return (
    <div className="min-w-0 sm:w-44">
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={selectClass}>
        <option value="">All</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** With JavaScript, empty filters never reach the URL; without it the loader redirects them away. */
function dropEmptyFields(event: React.FormEvent<HTMLFormElement>) {
  for (const element of Array.from(event.currentTarget.elements)) {
    if (element instanceof HTMLSelectElement && element.value === "") {
      element.disabled = true;
      queueMicrotask(() => {
        element.disabled = false;
      });
    }
  }
}
