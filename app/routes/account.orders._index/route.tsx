import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFormat, useLocalize, useT } from "~/components/i18n.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { listReceipts } from "~/modules/portal/receipts.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("orders.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return data(await listReceipts(user.id), { headers: privateNoStore });
}

export default function OrdersAndReceipts() {
  const { rows, capped } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const localize = useLocalize();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("orders.heading")}</h1>
      {rows.length === 0 ? (
        <p className="text-gray-700">{t("orders.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("orders.caption")}</caption>
            <TableHead
              columns={[
                t("orders.date"),
                t("orders.what"),
                t("orders.status"),
                { label: t("orders.amount"), numeric: true },
                { label: t("orders.receipt"), srOnly: true },
              ]}
            />
            <tbody className="divide-y divide-gray-100">
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`}>
                  <td className="whitespace-nowrap p-3">{format.day(row.date)}</td>
                  <td className="p-3">
                    {row.title}
                    <span className="block text-xs text-gray-600">{row.seller}</span>
                  </td>
                  <td className="p-3">{localize(row.status)}</td>
                  <td className="whitespace-nowrap p-3 text-right tabular-nums">{format.money(row)}</td>
                  <td className="p-3">
                    <Link to={row.href} className="font-medium text-brand-700 underline">
                      {t("orders.receipt")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {capped && <p className="text-sm text-gray-600">{t("orders.capped")}</p>}
    </div>
  );
}
