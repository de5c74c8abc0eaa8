import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { consumeRateLimit, describeWait, tooManyRequests } from "~/modules/rate-limits/rate-limit.server.ts";
import { invariantResponse } from "~/utils/http.ts";
import { getSessionUser } from "~/utils/session.server.ts";

const CheckoutForm = z.object({ listingId: z.string().min(1).max(40) });

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const parsed = CheckoutForm.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(parsed.success, "Choose a listing to buy.");
  const user = await getSessionUser(request);
  if (!user) {
    const referer = request.headers.get("Referer");
    const back = referer ? new URL(referer).pathname : "/";
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  const limit = await consumeRateLimit("checkout", user.id);
  if (!limit.ok) {
    const wait = describeWait(limit.retryAfterSeconds);
    throw tooManyRequests(limit.retryAfterSeconds, `Too many checkout attempts. Try again in ${wait}.`);
  }
  const result = await startCheckout(user, parsed.data.listingId);
  switch (result.kind) {
    case "redirect-to-stripe":
      return redirect(result.url);
    case "already-owned":
      return redirect("/library");
    case "not-for-sale":
      throw new Response("This listing is not for sale.", { status: 404 });
    case "payments-unavailable":
      throw new Response(
        "Payments are unavailable right now. You have not been charged; please try again shortly.",
        {
          status: 503,
        },
      );
  }
}
