import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui/notice.tsx";
import { fulfilCheckoutSession } from "~/modules/checkout/fulfilment.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [
  { title: "Thank you · Stapel" },
  { name: "robots", content: "noindex" },
];

/**
 * Stripe redirects here after payment. Fulfilment may already have happened through the webhook;
 * calling it again is safe and means the buyer never waits for the webhook to see their purchase.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = new URL(request.url).searchParams.get("session_id");
  invariantResponse(
    sessionId && /^cs_[A-Za-z0-9_]+$/.test(sessionId),
    "This page needs a valid checkout session.",
  );
  const result = await fulfilCheckoutSession(sessionId).catch(() => ({ status: "unknown-order" as const }));
  const mine = result.status === "fulfilled" && result.buyerId === user.id;
  return data(
    { status: mine ? "fulfilled" : result.status === "unpaid" ? "unpaid" : "unknown" },
    { headers: privateNoStore },
  );
}

export default function CheckoutSuccess() {
  const { status } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-lg space-y-4 text-center">
      {status === "fulfilled" ? (
        <>
          <h1 className="text-3xl font-extrabold">Thank you! It is yours.</h1>
          <p className="text-gray-700">
            Your purchase is in your library, and a receipt with your licence key is on its way to your inbox.
          </p>
          <Link
            to="/library"
            className="inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white"
          >
            Go to your library
          </Link>
        </>
      ) : status === "unpaid" ? (
        <Notice>
          Your payment is still being processed. Your purchase appears in your library as soon as Stripe
          confirms it.
        </Notice>
      ) : (
        <Notice tone="error">
          We could not find that checkout. If you were charged, your purchase will appear in your library
          shortly.
        </Notice>
      )}
    </div>
  );
}
