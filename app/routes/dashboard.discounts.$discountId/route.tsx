import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import {
  discountRefusalMessage,
  getDiscount,
  setDiscountActive,
  syncDiscountToStripe,
} from "~/modules/discounts/codes.server.ts";
import { describeDiscount } from "~/modules/discounts/describe.ts";
import { DiscountActionSchema } from "~/modules/discounts/forms.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireSeller } from "~/utils/session.server.ts";

const NOT_FOUND = "This discount code does not exist.";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.discount.code ?? "Discount code"} · Stapel` },
];

async function findOwn(request: Request, discountId: string | undefined) {
  const seller = await requireSeller(request);
  const id = recordId().safeParse(discountId);
  const discount = id.success ? await getDiscount(seller.shop.id, id.data) : null;
  // Another shop's code answers exactly like a missing one.
  invariantResponse(discount, NOT_FOUND, { status: 404 });
  return { seller, discount };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { discount } = await findOwn(request, params.discountId);
  return data({ discount }, { headers: privateNoStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { seller, discount } = await findOwn(request, params.discountId);
  const submission = await parseSubmission(request, DiscountActionSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  if (submission.value.intent === "sync") {
    const mirrored = await syncDiscountToStripe(discount.id);
    if (!mirrored) return refuseSubmission(submission, 503, discountRefusalMessage["stripe-unavailable"]);
    return { result: submission.reply(), done: "Sent to Stripe." };
  }
  const active = submission.value.intent === "activate";
  const result = await setDiscountActive(seller.shop.id, discount.id, active);
  if (!result.ok) {
    const status = result.refusal === "not-found" ? 404 : result.refusal === "code-taken" ? 409 : 503;
    return refuseSubmission(submission, status, discountRefusalMessage[result.refusal]);
  }
  return { result: submission.reply(), done: active ? "The code works again." : "The code is deactivated." };
}

export default function DiscountPage() {
  const { discount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form] = useForm({ lastResult: actionData?.result });
  const pendingAtStripe = !discount.stripePromotionCodeId;
  return (
    <section aria-labelledby="discount-heading" className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/dashboard/discounts" className="text-brand-700 underline">
          Discount codes
        </Link>
      </p>
      <h2 id="discount-heading" className="font-mono text-xl font-bold">
        {discount.code}
      </h2>
      {searchParams.get("created") && <Notice tone="success">Code created.</Notice>}
      {actionData && "done" in actionData && <Notice tone="success">{actionData.done}</Notice>}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      {pendingAtStripe && (
        <Notice tone="error">
          Stripe does not have this code yet, so buyers cannot use it. Send it again below.
        </Notice>
      )}
      <dl className="grid gap-2 rounded-xl bg-white p-5 text-sm ring-1 ring-gray-200 sm:grid-cols-2">
        <dt className="font-medium">Terms</dt>
        <dd>{describeDiscount(discount)}</dd>
        <dt className="font-medium">Used</dt>
        <dd>
          {discount.redemptionCount}
          {discount.maxRedemptions !== null && ` of ${discount.maxRedemptions}`} times
        </dd>
        {discount.durationInMonths && (
          <>
            <dt className="font-medium">Plans</dt>
            <dd>Discounted for {discount.durationInMonths} billing cycles</dd>
          </>
        )}
        {!discount.appliesToShop && (
          <>
            <dt className="font-medium">Applies to</dt>
            <dd>
              {[
                ...discount.listings.map((row) => row.listing.title),
                ...discount.plans.map((row) => row.plan.name),
              ].join(", ")}
            </dd>
          </>
        )}
        <dt className="font-medium">Status</dt>
        <dd>{discount.archivedAt ? "Deactivated" : "Active"}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="flex flex-wrap gap-2">
        {pendingAtStripe && (
          <Button name="intent" value="sync">
            Send to Stripe
          </Button>
        )}
        {discount.archivedAt ? (
          <Button name="intent" value="activate" variant="secondary">
            Reactivate
          </Button>
        ) : (
          <Button name="intent" value="deactivate" variant="secondary">
            Deactivate
          </Button>
        )}
      </Form>
      <section aria-labelledby="orders-heading">
        <h3 id="orders-heading" className="font-semibold">
          Orders with this code
        </h3>
        {discount.orders.length === 0 ? (
          <p className="text-sm text-gray-600">None yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {discount.orders.map((order) => (
              <li key={order.id}>
                <Link to={`/dashboard/sales/${order.id}`} className="text-brand-700 underline">
                  {order.email}
                </Link>
                : paid {formatMoney({ amount: order.totalAmount, currency: order.currency })}, saved{" "}
                {formatMoney({ amount: order.discountAmount, currency: order.currency })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
