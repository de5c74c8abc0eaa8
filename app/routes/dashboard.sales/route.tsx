import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { TableHead } from "~/components/ui/table.tsx";
import { RefundSchema } from "~/modules/sellers/forms.ts";
import { listShopSales, type RefundRefusal, refundOrder } from "~/modules/sellers/sales.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Sales · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ sales: await listShopSales(seller.shop.id) }, { headers: privateNoStore });
}

const refusalStatus = {
  "not-found": 404,
  "already-refunded": 409,
  "not-refundable": 409,
  "stripe-refused": 409,
  "stripe-unreachable": 503,
} as const satisfies Record<RefundRefusal, number>;

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, RefundSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await refundOrder(seller.shop.id, submission.value.orderId);
  if (!result.ok) {
    return refuseSubmission(submission, refusalStatus[result.refusal], result.message);
  }
  return { result: submission.reply({ resetForm: true }), refunded: true };
}

const statusLabel: Record<string, string> = {
  PAID: "Paid",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
  DISPUTED: "Disputed",
};

export default function Sales() {
  const { sales } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof RefundSchema>>({ lastResult: actionData?.result });
  const problems = [
    ...(form.errors ?? []),
    ...(fields.orderId.errors ?? []),
    ...(fields.intent.errors ?? []),
  ];
  const navigation = useNavigation();
  return (
    <section aria-labelledby="sales-heading" className="space-y-4">
      <h2 id="sales-heading" className="text-xl font-bold">
        Sales
      </h2>
      {actionData && "refunded" in actionData && (
        <Notice tone="success">Refund issued. The buyer's access ends as soon as Stripe confirms it.</Notice>
      )}
      {problems.length > 0 && <Notice tone="error">{problems.join(" ")}</Notice>}
      {sales.length === 0 ? (
        <p className="text-gray-700">No sales yet. Share your shop link to get your first one.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
          <table className="min-w-full text-left text-sm">
            <TableHead
              columns={["Date", "Buyer", "Items", "Total", "Status", { label: "Actions", srOnly: true }]}
            />
            <tbody className="divide-y divide-gray-100">
              {sales.map((sale) => (
                <tr key={sale.id}>
                  <td className="p-3">
                    {sale.paidAt ? new Date(sale.paidAt).toISOString().slice(0, 10) : "–"}
                  </td>
                  <td className="p-3">{sale.email}</td>
                  <td className="p-3">{sale.items.map((item) => item.title).join(", ")}</td>
                  <td className="p-3">
                    {formatMoney({ amount: sale.totalAmount, currency: sale.currency })}
                  </td>
                  <td className="p-3">{statusLabel[sale.status] ?? sale.status}</td>
                  <td className="p-3 text-right">
                    {(sale.status === "PAID" || sale.status === "PARTIALLY_REFUNDED") && (
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          if (!confirm("Refund this order in full? The buyer loses access."))
                            event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="refund" />
                        <input type="hidden" name="orderId" value={sale.id} />
                        <Button
                          variant="danger"
                          disabled={navigation.state !== "idle"}
                          aria-label={`Refund order from ${sale.email}`}
                        >
                          Refund
                        </Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
