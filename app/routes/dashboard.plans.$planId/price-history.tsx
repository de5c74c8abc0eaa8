import { TableHead } from "~/components/ui/table.tsx";
import { formatPlanPrice, intervalAdjective } from "~/modules/plans/format.ts";

type PriceRow = {
  id: string;
  amount: number;
  currency: string;
  interval: "MONTH" | "YEAR";
  stripePriceId: string | null;
  archivedAt: string | Date | null;
  subscriberCount: number;
};

/** Every price the plan has had, newest first: current ones, and replaced ones that keep subscribers. */
export function PriceHistory({ prices }: { prices: PriceRow[] }) {
  if (prices.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Prices</h3>
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
        <table className="min-w-full text-left text-sm">
          <TableHead columns={["Price", "Interval", "Status", "Subscribers"]} />
          <tbody className="divide-y divide-gray-100">
            {prices.map((price) => (
              <tr key={price.id}>
                <td className="p-3">{formatPlanPrice(price)}</td>
                <td className="p-3">{intervalAdjective[price.interval]}</td>
                <td className="p-3">
                  {price.archivedAt
                    ? "Replaced"
                    : price.stripePriceId
                      ? "Current"
                      : "Current (not in Stripe yet)"}
                </td>
                <td className="p-3">{price.subscriberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
