import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ListingForm } from "~/components/listing-editor/listing-form.tsx";
import { bundleChoices, choiceIds, createListing, shopCurrency } from "~/modules/listings/editor.server.ts";
import { listingFormSchema } from "~/modules/listings/forms.ts";
import { editorRefusalMessages } from "~/modules/listings/messages.ts";
import { invalidSubmission, parseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "New listing · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const [choices, currency] = await Promise.all([
    bundleChoices(seller.shop.id),
    shopCurrency(seller.shop.id),
  ]);
  return data({ choices, currency }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const choices = choiceIds(await bundleChoices(seller.shop.id));
  const submission = await parseSubmission(request, listingFormSchema(choices));
  if (submission.status !== "success") return invalidSubmission(submission);
  const saved = await createListing(seller.shop.id, submission.value);
  if (!saved.ok) {
    const refusal = editorRefusalMessages[saved.refusal];
    return data(
      {
        result: submission.reply(
          refusal.field
            ? { fieldErrors: { [refusal.field]: [refusal.message] } }
            : { formErrors: [refusal.message] },
        ),
      },
      { status: saved.refusal === "image-not-found" ? 404 : 409 },
    );
  }
  return redirect(`/dashboard/listings/${saved.listingId}?created=1`);
}

export default function NewListing() {
  const { choices, currency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-listing-heading" className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/dashboard/listings" className="text-brand-700 underline">
          Listings
        </Link>
      </p>
      <h2 id="new-listing-heading" className="text-xl font-bold">
        New listing
      </h2>
      <p className="text-sm text-gray-700">It is saved as a draft: nobody sees it until you publish it.</p>
      <ListingForm
        mode="new"
        bundleChoices={choices}
        currency={currency}
        lastResult={actionData?.result}
        defaults={{
          type: "PROMPT",
          title: "",
          tagline: "",
          description: "",
          category: "",
          aiModels: "",
          teaser: "",
          price: "",
          body: "",
          instructions: "",
          modelNotes: "",
          templateUrl: "",
          compatibleApps: "",
          guide: "",
          requiredTools: "",
          bundleItemIds: [],
        }}
        submitLabel="Save draft"
      />
    </section>
  );
}
