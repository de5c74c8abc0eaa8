import { getFormProps, useForm } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { StartOnboardingSchema } from "~/modules/payouts/forms.ts";
import { loadPayouts, startOnboarding } from "~/modules/payouts/onboarding.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { notFound, privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Payouts · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const payouts = await loadPayouts(seller.shop.id);
  if (!payouts) throw notFound("Shop not found");
  return data(
    { readiness: payouts.readiness, hasAccount: payouts.stripeAccountId !== null },
    { headers: privateNoStore },
  );
}

/** Creates the shop's Express account the first time, then sends the seller to Stripe's onboarding. */
export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, StartOnboardingSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const started = await startOnboarding(seller.shop.id);
  switch (started.kind) {
    case "redirect":
      return redirect(started.url);
    case "no-shop":
      return refuseSubmission(submission, 404, "Shop not found.");
    case "stripe-unavailable":
      return refuseSubmission(
        submission,
        503,
        "Stripe could not be reached to set up payouts. Nothing was changed; please try again shortly.",
      );
  }
}

const STATUS_LABEL = {
  "not-started": "Not set up",
  incomplete: "Setup not finished",
  restricted: "Restricted by Stripe",
  ready: "Ready",
} as const;

export default function Payouts() {
  const { readiness, hasAccount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form] = useForm({ id: "start-onboarding", lastResult: actionData?.result });
  const came = searchParams.get("from");
  return (
    <section aria-labelledby="payouts-heading" className="max-w-2xl space-y-5">
      <h2 id="payouts-heading" className="text-xl font-bold">
        Payouts
      </h2>
      {came === "return" && (
        <Notice tone={readiness.canTakeCharges ? "success" : "info"}>
          {readiness.canTakeCharges
            ? "You are back from Stripe: your shop can take payments."
            : "You are back from Stripe, but the setup is not finished yet."}
        </Notice>
      )}
      {came === "refresh" && (
        <Notice>The setup link expired or was already used. Continue below where you left off.</Notice>
      )}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      <dl className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 ring-1 ring-gray-200 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-gray-600">Status</dt>
          <dd className="font-semibold">{STATUS_LABEL[readiness.status]}</dd>
        </div>
        <div>
          <dt className="text-sm text-gray-600">Payments</dt>
          <dd className="font-semibold">{readiness.canTakeCharges ? "Enabled" : "Off"}</dd>
        </div>
        <div>
          <dt className="text-sm text-gray-600">Payouts to your bank</dt>
          <dd className="font-semibold">{readiness.canReceivePayouts ? "Enabled" : "Off"}</dd>
        </div>
      </dl>
      <p>{readiness.summary}</p>
      {readiness.todo.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">What to do</h3>
          <ul className="list-disc space-y-1 pl-6">
            {readiness.todo.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {!readiness.canTakeCharges && (
            <p className="text-sm text-gray-700">
              Until payments are enabled, buyers cannot pay your shop and paid listings cannot be published.
            </p>
          )}
        </div>
      )}
      {(readiness.status !== "ready" || readiness.todo.length > 0) && (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="start-onboarding" />
          <Button disabled={navigation.state === "submitting"}>
            {hasAccount ? "Continue setup with Stripe" : "Set up payouts with Stripe"}
          </Button>
        </Form>
      )}
      <p className="text-sm text-gray-600">
        Stripe collects your identity and bank details on its own pages; Stapel never sees them. Each sale is
        paid to your Stripe account less Stapel's platform fee.
      </p>
    </section>
  );
}
