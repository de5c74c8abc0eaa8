import { randomBytes } from "node:crypto";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui/notice.tsx";
import { checkPendingRefund, type RefundRefusal, refundOrder } from "~/modules/refunds/request.server.ts";
import { saleActionSchema } from "~/modules/sellers/forms.ts";
import { resendReceipt } from "~/modules/sellers/resend-receipt.server.ts";
import { getShopSale } from "~/modules/sellers/sales.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { SaleActions } from "./sale-actions.tsx";
import { SaleSummary } from "./sale-summary.tsx";

const NOT_FOUND = "Your shop has no such sale.";

export const meta: MetaFunction = () => [{ title: "Sale · Stapel" }];

const refundRefusalStatus = {
  "not-found": 404,
  "already-refunded": 409,
  "not-refundable": 409,
  "refund-pending": 409,
  "amount-too-large": 409,
  "stripe-refused": 409,
  "stripe-unreachable": 503,
} as const satisfies Record<RefundRefusal, number>;

async function findSale(request: Request, orderId: string | undefined) {
  const seller = await requireSeller(request);
  const id = recordId().safeParse(orderId);
  // A malformed id, a missing one and another shop's all answer the same 404.
  const sale = id.success ? await getShopSale(seller.shop.id, id.data) : null;
  return { seller, sale };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sale } = await findSale(request, params.orderId);
  invariantResponse(sale, NOT_FOUND, { status: 404 });
  // A fresh id per page view: the receipt email's key, so one click sends one email.
  return data({ sale, clickId: randomBytes(12).toString("base64url") }, { headers: privateNoStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { seller, sale } = await findSale(request, params.orderId);
  // Nothing left to refund: the module answers (already refunded, 409) rather than the amount's limit.
  const limit =
    sale && sale.refundable > 0
      ? {
          currency: sale.currency,
          refundable: sale.refundable,
          describe: (amount: number) => formatMoney({ amount, currency: sale.currency }),
        }
      : undefined;
  const submission = await parseSubmission(request, saleActionSchema(limit));
  if (!sale) return refuseSubmission(submission, 404, NOT_FOUND);
  if (submission.status !== "success") return invalidSubmission(submission);
  const value = submission.value;
  const shopId = seller.shop.id;

  if (value.intent === "resend-receipt") {
    const sent = await resendReceipt(shopId, sale.id, value.clickId);
    if (!sent.ok) {
      if (sent.refusal === "rate-limited")
        return refuseRateLimited(submission, "receipts for this order", sent.retryAfterSeconds);
      return refuseSubmission(submission, 404, NOT_FOUND);
    }
    return { result: submission.reply(), done: `Receipt sent to ${sent.to}.` };
  }

  const refund =
    value.intent === "refund"
      ? await refundOrder(shopId, sale.id, value.amount)
      : await checkPendingRefund(shopId, sale.id, value.refundId);
  if (!refund.ok) return refuseSubmission(submission, refundRefusalStatus[refund.refusal], refund.message);
  const amount = formatMoney({ amount: refund.amount, currency: refund.currency });
  return {
    result: submission.reply({ resetForm: true }),
    done:
      refund.status === "PENDING"
        ? `The refund of ${amount} is pending: Stripe has not confirmed it yet.`
        : refund.accessEnded
          ? `Refunded ${amount}. The order is refunded in full, so the buyer's access has ended.`
          : `Refunded ${amount}. This is a partial refund: the buyer keeps access.`,
  };
}

export default function Sale() {
  const { sale, clickId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article aria-labelledby="sale-heading" className="min-w-0 space-y-6">
      <p className="text-sm">
        <Link to="/dashboard/sales" className="text-brand-700 underline">
          ← All sales
        </Link>
      </p>
      {actionData && "done" in actionData && <Notice tone="success">{actionData.done}</Notice>}
      <SaleSummary sale={sale} />
      <SaleActions sale={sale} clickId={clickId} lastResult={actionData?.result} />
    </article>
  );
}
