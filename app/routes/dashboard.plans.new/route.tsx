import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PlanForm } from "~/components/plan-form.tsx";
import { planFormSchema } from "~/modules/plans/forms.ts";
import { choicesForValidation, createPlan, shopPlanChoices } from "~/modules/plans/seller-plans.server.ts";
import { invalidSubmission, parseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "New plan · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ choices: await shopPlanChoices(seller.shop.id) }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const choices = choicesForValidation(await shopPlanChoices(seller.shop.id));
  const submission = await parseSubmission(request, planFormSchema(choices));
  if (submission.status !== "success") return invalidSubmission(submission);
  const saved = await createPlan(seller.shop.id, submission.value);
  // The plan is saved either way; its page says whether Stripe has it yet.
  return redirect(`/dashboard/plans/${saved.planId}?created=1`);
}

export default function NewPlan() {
  const { choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-plan-heading" className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/dashboard/plans" className="text-brand-700 underline">
          Plans
        </Link>
      </p>
      <h2 id="new-plan-heading" className="text-xl font-bold">
        New plan
      </h2>
      <PlanForm
        mode="new"
        choices={choices}
        lastResult={actionData?.result}
        defaults={{
          name: "",
          description: "",
          grants: "everything",
          categories: [],
          listingIds: [],
          trialDays: "0",
        }}
        submitLabel="Create plan"
      />
    </section>
  );
}
