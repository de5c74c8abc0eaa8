import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui/notice.tsx";
import { emailLanguageOf } from "~/modules/accounts/locale.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import type { RefundRefusal } from "~/modules/refunds/request.server.ts";
import { refundOrder } from "~/modules/refunds/request.server.ts";
import { SalesActionSchema, SalesQuerySchema, salesQueryString } from "~/modules/sellers/forms.ts";
import { giftListing } from "~/modules/sellers/gifts.server.ts";
import { listShopSales } from "~/modules/sellers/sales.server.ts";
import {
  invalidSubmission,
  parseSubmission,
  refuseRateLimited,
  refuseSubmission,
} from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { GiftForm } from "./gift-form.tsx";
import { SalesFilters } from "./sales-filters.tsx";
import { SalesList } from "./sales-list.tsx";

export const meta: MetaFunction = () => [{ title: "Sales · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const url = new URL(request.url);
  const query = SalesQuerySchema.parse(Object.fromEntries(url.searchParams));
  // Filters live in the URL, without empty or unknown parameters: the URL a seller shares.
  const canonical = salesQueryString(query);
  if (canonical !== url.search) throw redirect(`${url.pathname}${canonical}`, { headers: privateNoStore });
  return data({ query, ...(await listShopSales(seller.shop.id, query)) }, { headers: privateNoStore });
}

const refundRefusalStatus = {
  "not-found": 404,
  "already-refunded": 409,
  "not-refundable": 409,
  "refund-pending": 409,
  "amount-too-large": 409,
  "stripe-refused": 409,
  "stripe-unreachable": 503,
} as const satisfies Record<RefundRefusal, number>;

const giftRefusalStatus = { "not-found": 404, "not-published": 409, "already-has-access": 409 } as const;

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, SalesActionSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const value = submission.value;
  if (value.intent === "gift") {
    // A recipient with no account gets the seller's language: the one they chose for their own
    // emails, else the one they are using now.
    const giverLanguage = (await emailLanguageOf(seller.id)) ?? resolveViewer(request).language;
    const gift = await giftListing(seller.shop.id, value.listingId, value.email, giverLanguage);
    if (!gift.ok) {
      if (gift.refusal === "rate-limited")
        return refuseRateLimited(submission, "gifts", gift.retryAfterSeconds);
      return refuseSubmission(submission, giftRefusalStatus[gift.refusal], gift.message);
    }
    return {
      result: submission.reply({ resetForm: true }),
      done: gift.alreadyGifted
        ? `${gift.email} was already given ${gift.listingTitle}: nothing was sent again.`
        : `${gift.listingTitle} is now in ${gift.email}'s library; they have an email with a sign-in link.`,
    };
  }
  const refund = await refundOrder(seller.shop.id, value.orderId, value.amount);
  if (!refund.ok) return refuseSubmission(submission, refundRefusalStatus[refund.refusal], refund.message);
  const amount = formatMoney({ amount: refund.amount, currency: refund.currency });
  return {
    result: submission.reply({ resetForm: true }),
    refunded: { status: refund.status, accessEnded: refund.accessEnded },
    done:
      refund.status === "PENDING"
        ? `Refund of ${amount} requested: Stripe has not confirmed it yet.`
        : `Refunded ${amount}. ${refund.accessEnded ? "The order is refunded in full: the buyer's access has ended." : "The buyer keeps access."}`,
  };
}

export default function Sales() {
  const { query, sales, total, page, pageCount, listings, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastIntent =
    actionData?.result.initialValue && typeof actionData.result.initialValue.intent === "string"
      ? actionData.result.initialValue.intent
      : null;
  // The refund buttons' answers; the gift form shows its own next to its fields.
  const problems = lastIntent === "gift" ? [] : Object.values(actionData?.result.error ?? {}).flat();
  return (
    <section aria-labelledby="sales-heading" className="min-w-0 space-y-4">
      <h2 id="sales-heading" className="text-xl font-bold">
        Sales
      </h2>
      {actionData && "done" in actionData && <Notice tone="success">{actionData.done}</Notice>}
      {problems.length > 0 && <Notice tone="error">{problems.join(" ")}</Notice>}
      <SalesFilters query={query} listings={listings} countries={countries} />
      <SalesList sales={sales} total={total} page={page} pageCount={pageCount} query={query} />
      <GiftForm
        listings={listings.filter((listing) => listing.status === "PUBLISHED")}
        lastResult={lastIntent === "gift" ? actionData?.result : undefined}
      />
    </section>
  );
}
