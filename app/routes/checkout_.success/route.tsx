import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFormat, useT } from "~/components/i18n.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { fulfilSubscriptionCheckout } from "~/modules/billing/subscriptions/checkout.server.ts";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { getBuyerOrderSummary } from "~/modules/checkout/order-summary.server.ts";
import { metaTranslator, translator } from "~/modules/i18n/translate.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { NUMBER_LOCALE } from "~/modules/i18n/viewer.ts";
import { getSubscriberSummary } from "~/modules/plans/storefront.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { formatMoney } from "~/utils/money.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("success.metaTitle") },
  { name: "robots", content: "noindex" },
];

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/;

/**
 * Stripe redirects here after payment. Fulfilment may already have happened through the webhook;
 * calling it again is safe and means the buyer never waits for the webhook to see their purchase.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  if (!SESSION_ID.test(sessionId)) {
    return data({ status: "unknown" as const, order: null }, { status: 400, headers: privateNoStore });
  }
  const result = await fulfilCheckoutSession(sessionId).catch(() => ({ status: "unknown-order" as const }));
  // Not a one-off order of ours: perhaps a subscription Checkout (they carry no order).
  if (result.status === "unknown-order") return subscriptionSuccess(sessionId, user.id, request);
  if (result.status === "unpaid")
    return data({ status: "unpaid" as const, order: null }, { headers: privateNoStore });
  const order =
    result.status === "fulfilled" && result.buyerId === user.id
      ? await getBuyerOrderSummary(result.orderId, user.id)
      : null;
  // A made-up session and someone else's look the same: not found.
  if (!order)
    return data({ status: "unknown" as const, order: null }, { status: 404, headers: privateNoStore });
  return data(
    {
      status: "fulfilled" as const,
      order: {
        id: order.id,
        shopName: order.shop.name,
        items: order.items.map((item) => ({ title: item.title, slug: item.listing.slug })),
        // In the viewer's locale ("€12.00" / "12,00 €").
        total: formatMoney(
          { amount: order.totalAmount, currency: order.currency },
          NUMBER_LOCALE[resolveViewer(request).language],
        ),
      },
    },
    { headers: privateNoStore },
  );
}

/** The subscription a Checkout Session started, fulfilled now if the webhook has not done it yet. */
async function subscriptionSuccess(sessionId: string, userId: string, request: Request) {
  const language = resolveViewer(request).language;
  const result = await fulfilSubscriptionCheckout(sessionId).catch((error: unknown) => {
    console.warn(`Subscription checkout ${sessionId} could not be fulfilled yet:`, error);
    return { status: "pending" as const };
  });
  if (result.status === "pending")
    return data({ status: "unpaid" as const, order: null }, { headers: privateNoStore });
  const subscription =
    result.status === "fulfilled" && result.userId === userId
      ? await getSubscriberSummary(result.subscriptionId, userId)
      : null;
  // A made-up session and someone else's look the same: not found.
  if (!subscription || result.status !== "fulfilled")
    return data({ status: "unknown" as const, order: null }, { status: 404, headers: privateNoStore });
  return data(
    {
      status: "subscribed" as const,
      order: null,
      subscription: {
        planName: subscription.plan.name,
        planUrl: `/s/${subscription.plan.shop.handle}/plans/${subscription.plan.id}`,
        shopName: subscription.plan.shop.name,
        price: subscription.planPrice
          ? translator(language)(
              subscription.planPrice.interval === "MONTH" ? "plan.perMonth" : "plan.perYear",
              {
                price: formatMoney(subscription.planPrice, NUMBER_LOCALE[language]),
              },
            )
          : null,
        trialEnds:
          subscription.status === "TRIALING" && subscription.trialEnd
            ? subscription.trialEnd.toISOString().slice(0, 10)
            : null,
        grantsAccess: result.grantsAccess,
      },
    },
    { headers: privateNoStore },
  );
}

export default function CheckoutSuccess() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormat();
  const { status, order } = loaded;
  if (loaded.status === "subscribed" && "subscription" in loaded) {
    const { subscription } = loaded;
    return (
      <div className="mx-auto max-w-lg space-y-4 text-center">
        <h1 className="text-3xl font-extrabold">{t("success.welcome", { plan: subscription.planName })}</h1>
        <p className="text-gray-700">
          {t("success.subscribedTo")}{" "}
          <Link to={subscription.planUrl} className="font-semibold underline">
            {subscription.planName}
          </Link>{" "}
          {t("success.from", { shop: subscription.shopName })}
          {subscription.price && (
            <>
              {" "}
              {t("success.for")} <strong>{subscription.price}</strong>
            </>
          )}
          .{subscription.trialEnds && t("success.trialUntil", { day: format.day(subscription.trialEnds) })}
        </p>
        <p className="text-sm text-gray-600">
          {t(subscription.grantsAccess ? "success.inLibrary" : "success.soonInLibrary")} {t("success.manage")}{" "}
          <Link to="/account" className="underline">
            {t("success.yourAccount")}
          </Link>
          .
        </p>
        <Link
          to="/library"
          className="inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white"
        >
          {t("success.library")}
        </Link>
      </div>
    );
  }
  if (status === "fulfilled" && order) {
    return (
      <div className="mx-auto max-w-lg space-y-4 text-center">
        <h1 className="text-3xl font-extrabold">{t("success.thanks")}</h1>
        <p className="text-gray-700">
          {t("success.bought")}{" "}
          {order.items.map((item, index) => (
            <span key={item.slug}>
              {index > 0 && ", "}
              <strong>{item.title}</strong>
            </span>
          ))}{" "}
          {t("success.fromFor", { shop: order.shopName })} <strong>{order.total}</strong>.
        </p>
        <p className="text-sm text-gray-600">
          {t("success.order")} <span className="font-mono">{order.id}</span>. {t("success.receiptSent")}
        </p>
        <Link
          to="/library"
          className="inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white"
        >
          {t("success.library")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      {status === "unpaid" ? (
        <Notice>{t("success.unpaid")}</Notice>
      ) : (
        <Notice tone="error">{t("success.unknown")}</Notice>
      )}
    </div>
  );
}
