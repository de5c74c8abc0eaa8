import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { PlanForm, type PlanFormDefaults } from "~/components/plan-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { PRICE_SLOTS, planEditSchema } from "~/modules/plans/forms.ts";
import { moveSubscribersToCurrentPrices } from "~/modules/plans/move-subscribers.server.ts";
import {
  choicesForValidation,
  getSellerPlan,
  setPlanArchived,
  shopPlanChoices,
  updatePlan,
} from "~/modules/plans/seller-plans.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { toDecimalString } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { PriceHistory } from "./price-history.tsx";
import { StripeNotice } from "./stripe-notice.tsx";

const NOT_FOUND = "Your shop has no such plan.";
const PLAN_ID = /^[a-z0-9]{20,32}$/;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.plan.name ?? "Plan"} · Plans · Stapel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const planId = params.planId ?? "";
  invariantResponse(PLAN_ID.test(planId), NOT_FOUND, { status: 404 });
  const plan = await getSellerPlan(seller.shop.id, planId);
  invariantResponse(plan, NOT_FOUND, { status: 404 });
  return data(
    { plan, choices: await shopPlanChoices(seller.shop.id), handle: seller.shop.handle },
    { headers: privateNoStore },
  );
}

const refusals = {
  "not-found": { status: 404, message: NOT_FOUND },
  archived: { status: 409, message: "This plan is archived: put it back on sale before moving subscribers." },
  "stripe-not-ready": {
    status: 409,
    message: "The current prices are not in Stripe yet: save the plan again first.",
  },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const choices = choicesForValidation(await shopPlanChoices(seller.shop.id));
  const submission = await parseSubmission(request, planEditSchema(choices));
  if (submission.status !== "success") return invalidSubmission(submission);
  const planId = params.planId ?? "";
  if (!PLAN_ID.test(planId)) return refuseSubmission(submission, 404, NOT_FOUND);
  const value = submission.value;

  switch (value.intent) {
    case "save": {
      const saved = await updatePlan(seller.shop.id, planId, value);
      if (!saved.ok)
        return refuseSubmission(submission, refusals[saved.refusal].status, refusals[saved.refusal].message);
      const moved =
        value.moveSubscribers && saved.priceChanges.length > 0
          ? await moveSubscribersToCurrentPrices(seller.shop.id, planId)
          : null;
      return {
        result: submission.reply(),
        done: {
          kind: "saved" as const,
          priceChanges: saved.priceChanges.length,
          stripe: saved.stripe,
          moved: moved?.ok ? moved : null,
        },
      };
    }
    case "archive":
    case "restore": {
      const outcome = await setPlanArchived(seller.shop.id, planId, value.intent === "archive");
      if (!outcome.ok)
        return refuseSubmission(
          submission,
          refusals[outcome.refusal].status,
          refusals[outcome.refusal].message,
        );
      return {
        result: submission.reply(),
        done: {
          kind: value.intent === "archive" ? ("archived" as const) : ("restored" as const),
          stripe: outcome.stripe,
        },
      };
    }
    case "move-subscribers": {
      const moved = await moveSubscribersToCurrentPrices(seller.shop.id, planId);
      if (!moved.ok)
        return refuseSubmission(submission, refusals[moved.refusal].status, refusals[moved.refusal].message);
      return { result: submission.reply(), done: { kind: "moved" as const, moved } };
    }
  }
}

type LoadedPlan = ReturnType<typeof useLoaderData<typeof loader>>["plan"];

function formDefaults(plan: LoadedPlan): PlanFormDefaults {
  const defaults: PlanFormDefaults = {
    name: plan.name,
    description: plan.description,
    grants: plan.includesAllListings ? "everything" : "selection",
    categories: plan.includedCategories,
    listingIds: plan.listingIds,
    trialDays: String(plan.trialDays),
  };
  for (const slot of PRICE_SLOTS) {
    const price = plan.prices.find(
      (row) => !row.archivedAt && row.interval === slot.interval && row.currency === slot.currency,
    );
    if (price) defaults[slot.field] = toDecimalString(price);
  }
  return defaults;
}

export default function EditPlan() {
  const { plan, choices, handle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const done = actionData && "done" in actionData ? actionData.done : null;
  // Refusals of the small forms (archive, restore, move) show above everything.
  const [form] = useForm({ id: "plan-actions", lastResult: done ? null : actionData?.result });
  const archived = plan.archivedAt !== null;
  const hasSubscribers = plan.prices.some((price) => price.subscriberCount > 0);
  return (
    <section aria-labelledby="plan-heading" className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/dashboard/plans" className="text-brand-700 underline">
          Plans
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="plan-heading" className="text-xl font-bold">
          {plan.name}{" "}
          <span className="align-middle text-sm font-medium text-gray-600">
            {archived ? "(archived)" : "(on sale)"}
          </span>
        </h2>
        {!archived && (
          <Link to={`/s/${handle}/plans/${plan.id}`} className="text-sm font-medium text-brand-700 underline">
            View in your shop
          </Link>
        )}
      </div>

      {searchParams.get("created") === "1" && !done && <Notice tone="success">Plan created.</Notice>}
      {!plan.stripeProductId && !done && (
        <Notice tone="error">
          This plan is not in Stripe yet, so nobody can subscribe. Save it again to retry.
        </Notice>
      )}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
      {done?.kind === "saved" && (
        <Notice tone="success">
          Saved.{" "}
          {done.priceChanges > 0 &&
            "Changed prices are new Stripe prices; the old ones are archived and keep their subscribers. "}
          {done.moved &&
            `${done.moved.moved} ${done.moved.moved === 1 ? "subscriber" : "subscribers"} moved to the new price${
              done.moved.remaining > 0 ? `; ${done.moved.remaining} still to move` : ""
            }.`}
        </Notice>
      )}
      {done?.kind === "archived" && (
        <Notice tone="success">
          Archived: the plan takes no new subscribers. Current ones keep it until they cancel.
        </Notice>
      )}
      {done?.kind === "restored" && <Notice tone="success">The plan is on sale again.</Notice>}
      {done?.kind === "moved" && (
        <Notice tone={done.moved.failed > 0 ? "error" : "success"}>
          {done.moved.moved} moved to the current price
          {done.moved.failed > 0 && `, ${done.moved.failed} could not be moved (Stripe refused; try again)`}
          {done.moved.remaining > 0 && `, ${done.moved.remaining} still to move`}.
        </Notice>
      )}
      {done && "stripe" in done && done.stripe && <StripeNotice stripe={done.stripe} />}

      {plan.subscribersOnOldPrices > 0 && !archived && (
        <div className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200">
          <p className="text-sm text-gray-700">
            {plan.subscribersOnOldPrices}{" "}
            {plan.subscribersOnOldPrices === 1 ? "subscriber pays" : "subscribers pay"} a price you have since
            changed. Moving them prorates the difference on their next invoice.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="move-subscribers" />
            <Button variant="secondary" disabled={navigation.state !== "idle"}>
              Move them to the current price
            </Button>
          </Form>
        </div>
      )}

      <PlanForm
        key={plan.id}
        mode="edit"
        choices={choices}
        defaults={formDefaults(plan)}
        lastResult={done?.kind === "saved" || !done ? actionData?.result : null}
        hasSubscribers={hasSubscribers}
        submitLabel="Save plan"
      />

      <PriceHistory prices={plan.prices} />

      <Form
        method="post"
        className="border-t border-gray-200 pt-4"
        onSubmit={(event) => {
          if (!archived && !confirm("Archive this plan? It takes no new subscribers; current ones keep it."))
            event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
        <Button variant={archived ? "primary" : "danger"} disabled={navigation.state !== "idle"}>
          {archived ? "Put back on sale" : "Archive plan"}
        </Button>
      </Form>
    </section>
  );
}
