import { type SubmissionResult, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { formatMoney, toDecimalString } from "~/utils/money.ts";
import type { SaleView } from "./sale-summary.tsx";

const cardClass = "space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200";

/**
 * Refund (all that is left, or part of it), check a pending refund with Stripe, resend the receipt.
 * The refund button stays disabled while a refund waits for Stripe, and while any form submits.
 */
export function SaleActions({
  sale,
  clickId,
  lastResult,
}: {
  sale: SaleView;
  clickId: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({ id: "sale", lastResult });
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const money = (amount: number) => formatMoney({ amount, currency: sale.currency });
  const refundable = sale.status === "PAID" || sale.status === "PARTIALLY_REFUNDED";
  const amountErrors = (fields as unknown as Record<string, { errors?: string[] }>).amount?.errors;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {form.errors && form.errors.length > 0 && (
        <div className="md:col-span-2">
          <Notice tone="error">{form.errors.join(" ")}</Notice>
        </div>
      )}
      <section aria-labelledby="refund-heading" className={cardClass}>
        <h3 id="refund-heading" className="font-semibold">
          Refund
        </h3>
        {sale.pendingRefund ? (
          <>
            <p className="text-sm text-gray-700">
              A refund of {money(sale.pendingRefund.amount)} is waiting for Stripe's answer. You can refund
              more once Stripe confirms it.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="check-refund" />
              <input type="hidden" name="refundId" value={sale.pendingRefund.id} />
              <Button variant="secondary" disabled={busy}>
                Check with Stripe
              </Button>
            </Form>
          </>
        ) : null}
        {refundable && sale.refundable > 0 ? (
          <Form
            method="post"
            id={form.id}
            // A new amount left (after a partial refund) is a new form: its prefilled amount follows.
            key={sale.refundable}
            className="space-y-3"
            onSubmit={(event) => {
              const typed = new FormData(event.currentTarget).get("amount");
              const what = typed
                ? `${typed} ${sale.currency}`
                : `everything left (${money(sale.refundable)})`;
              if (!confirm(`Refund ${what}? Refunding the whole order ends the buyer's access.`))
                event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="refund" />
            <Field
              label={`Amount in ${sale.currency} (up to ${money(sale.refundable)})`}
              id="refund-amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={toDecimalString({ amount: sale.refundable, currency: sale.currency })}
              errors={amountErrors}
            />
            <p className="text-sm text-gray-600">
              A partial refund keeps the buyer's access; once the whole order is refunded, access ends. The
              buyer gets an email for each refund.
            </p>
            <Button variant="danger" disabled={busy || sale.pendingRefund !== null}>
              {sale.pendingRefund ? "Refund pending" : "Refund"}
            </Button>
          </Form>
        ) : (
          !sale.pendingRefund && (
            <p className="text-sm text-gray-700">
              {sale.status === "REFUNDED"
                ? "This order is refunded in full."
                : "This order cannot be refunded."}
            </p>
          )
        )}
      </section>
      <section aria-labelledby="receipt-heading" className={cardClass}>
        <h3 id="receipt-heading" className="font-semibold">
          Receipt
        </h3>
        <p className="text-sm text-gray-700">Sends the order's receipt to {sale.email} again.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="resend-receipt" />
          <input type="hidden" name="clickId" value={clickId} />
          <Button variant="secondary" disabled={busy}>
            Resend receipt
          </Button>
        </Form>
      </section>
    </div>
  );
}
