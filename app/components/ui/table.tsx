export type Column = string | { label: string; numeric?: boolean; srOnly?: boolean };

/**
 * The header row of a data table: every column a `<th scope="col">`, numbers right-aligned,
 * action columns named for screen readers only. `compact` is for tables inside a card (receipts).
 */
export function TableHead({ columns, compact = false }: { columns: Column[]; compact?: boolean }) {
  return (
    <thead
      className={compact ? "text-left text-gray-600" : "border-b border-gray-200 text-left text-gray-600"}
    >
      <tr>
        {columns.map((column) => {
          const { label, numeric, srOnly } = typeof column === "string" ? { label: column } : column;
          return (
            <th
              key={label}
              scope="col"
              className={`${compact ? "py-1 font-medium" : "p-3"}${numeric ? " text-right" : ""}`}
            >
              {srOnly ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
