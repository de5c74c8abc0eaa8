import { useForm } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ListingForm, type ListingFormDefaults } from "~/components/listing-editor/listing-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import {
  bundleChoices,
  choiceIds,
  getEditableListing,
  updateListing,
} from "~/modules/listings/editor.server.ts";
import { listingEditSchema } from "~/modules/listings/forms.ts";
import { editorRefusalMessages } from "~/modules/listings/messages.ts";
import { notifyBuyers } from "~/modules/listings/notify.server.ts";
import { duplicateListing, publishListing, unpublishListing } from "~/modules/listings/publishing.server.ts";
import { env } from "~/utils/env.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { toDecimalString } from "~/utils/money.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { EmbedSnippet } from "./embed-snippet.tsx";
import { ListingFiles } from "./files.tsx";
import { Versions } from "./versions.tsx";

const NOT_FOUND = "Your shop has no such listing.";
const LISTING_ID = /^[a-z0-9]{20,32}$/;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.listing.title ?? "Listing"} · Listings · Stapel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const listingId = params.listingId ?? "";
  invariantResponse(LISTING_ID.test(listingId), NOT_FOUND, { status: 404 });
  const listing = await getEditableListing(seller.shop.id, listingId);
  invariantResponse(listing, NOT_FOUND, { status: 404 });
  return data(
    { listing, choices: await bundleChoices(seller.shop.id, listing.id), appUrl: env().APP_URL },
    { headers: privateNoStore },
  );
}

const publishRefusals = {
  "not-found": { status: 404, message: NOT_FOUND },
  "already-published": { status: 409, message: "This listing is already published." },
  "not-published": { status: 409, message: "This listing is not published." },
} as const;

const notifyRefusals = {
  "not-found": { status: 404, message: "This listing has no such version." },
  "not-current": { status: 409, message: "Only the current version can be announced." },
  "not-published": { status: 409, message: "Publish the listing before telling buyers about it." },
  "already-notified": { status: 409, message: "Buyers were already told about this version." },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const listingId = params.listingId ?? "";
  const choices = choiceIds(await bundleChoices(seller.shop.id, listingId));
  const submission = await parseSubmission(request, listingEditSchema(choices));
  if (submission.status !== "success") return invalidSubmission(submission);
  if (!LISTING_ID.test(listingId)) return refuseSubmission(submission, 404, NOT_FOUND);
  const shopId = seller.shop.id;
  const value = submission.value;

  switch (value.intent) {
    case "save": {
      const saved = await updateListing(shopId, listingId, value);
      if (!saved.ok) {
        const refusal = editorRefusalMessages[saved.refusal];
        const status =
          saved.refusal === "not-found" || saved.refusal === "image-not-found"
            ? 404
            : saved.refusal === "changelog-required"
              ? 400
              : 409;
        return data(
          {
            result: submission.reply(
              refusal.field
                ? { fieldErrors: { [refusal.field]: [refusal.message] } }
                : { formErrors: [refusal.message] },
            ),
          },
          { status },
        );
      }
      return { result: submission.reply(), done: { kind: "saved" as const, version: saved.version } };
    }
    case "publish": {
      const published = await publishListing(shopId, listingId);
      if (!published.ok) {
        if (published.refusal === "incomplete" || published.refusal === "payments-not-ready")
          return refuseSubmission(submission, 409, published.message);
        const { status, message } = publishRefusals[published.refusal];
        return refuseSubmission(submission, status, message);
      }
      return { result: submission.reply(), done: { kind: "published" as const, version: published.version } };
    }
    case "unpublish": {
      const unpublished = await unpublishListing(shopId, listingId);
      if (!unpublished.ok) {
        const { status, message } = publishRefusals[unpublished.refusal];
        return refuseSubmission(submission, status, message);
      }
      return { result: submission.reply(), done: { kind: "unpublished" as const } };
    }
    case "duplicate": {
      const copy = await duplicateListing(shopId, listingId);
      if (!copy.ok) return refuseSubmission(submission, 404, NOT_FOUND);
      return redirect(`/dashboard/listings/${copy.listingId}?duplicated=1`);
    }
    case "notify": {
      const notified = await notifyBuyers(shopId, listingId, value.version);
      if (!notified.ok) {
        const { status, message } = notifyRefusals[notified.refusal];
        return refuseSubmission(submission, status, message);
      }
      return { result: submission.reply(), done: { kind: "notified" as const, emailed: notified.emailed } };
    }
  }
}

type LoadedListing = ReturnType<typeof useLoaderData<typeof loader>>["listing"];

function formDefaults(listing: LoadedListing): ListingFormDefaults {
  const defaults: ListingFormDefaults = {
    type: listing.type,
    title: listing.title,
    tagline: listing.tagline,
    description: listing.description,
    category: listing.category,
    aiModels: listing.aiModels.join(", "),
    ...(listing.aiGenerated && { aiGenerated: "on" as const }),
    teaser: listing.teaser,
    price: toDecimalString({ amount: listing.priceAmount, currency: listing.currency }),
    downloadLimit: listing.downloadLimit === null ? "" : String(listing.downloadLimit),
    language: listing.language,
    slug: listing.slug,
    ...(listing.coverImage && { coverImageId: listing.coverImage.id }),
    body: listing.content?.body ?? "",
    instructions: listing.content?.instructions ?? "",
    modelNotes: listing.content?.modelNotes ?? "",
    templateUrl: listing.content?.templateUrl ?? "",
    compatibleApps: listing.compatibleApps.join(", "),
    guide: listing.content?.guide ?? "",
    ...(listing.agentPlatform && { agentPlatform: listing.agentPlatform }),
    requiredTools: listing.requiredTools.join(", "),
    bundleItemIds: listing.bundleItems.map((item) => item.listingId),
  };
  listing.examples.slice(0, 3).forEach((example, index) => {
    const slot = index as 0 | 1 | 2;
    defaults[`exampleInput${slot}`] = example.input;
    defaults[`exampleOutput${slot}`] = example.output;
    if (example.image) defaults[`exampleImage${slot}`] = example.image.id;
  });
  return defaults;
}

export default function EditListing() {
  const { listing, choices, appUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const published = listing.status === "PUBLISHED";
  // Refusals of the buttons (publish, unpublish, duplicate, notify) show above everything.
  const [buttons] = useForm({ id: "listing-actions", lastResult: done ? null : actionData?.result });
  const busy = navigation.state !== "idle";
  return (
    <section aria-labelledby="listing-heading" className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/dashboard/listings" className="text-brand-700 underline">
          Listings
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="listing-heading" className="text-xl font-bold">
          {listing.title}{" "}
          <span className="align-middle text-sm font-medium text-gray-600">
            ({published ? "published" : "draft"}
            {listing.currentVersion > 0 && `, version ${listing.currentVersion}`})
          </span>
        </h2>
        <Link
          to={`/dashboard/listings/${listing.id}/pricing`}
          className="text-sm font-medium text-brand-700 underline"
        >
          Pricing and licences
        </Link>
        {published && (
          <Link to={`/p/${listing.slug}`} className="text-sm font-medium text-brand-700 underline">
            View in your shop
          </Link>
        )}
      </div>

      {searchParams.get("created") === "1" && !done && <Notice tone="success">Draft saved.</Notice>}
      {searchParams.get("duplicated") === "1" && !done && (
        <Notice tone="success">
          This is a draft copy. Files and images are not copied: upload them again.
        </Notice>
      )}
      {buttons.errors && (
        <Notice tone="error">
          {buttons.errors.join(" ")}{" "}
          {buttons.errors.some((error) => error.includes("Payouts")) && (
            <Link to="/dashboard/payouts" className="font-semibold underline">
              Set up payouts
            </Link>
          )}
        </Notice>
      )}
      {done?.kind === "saved" && (
        <Notice tone="success">
          Saved.{done.version !== null && ` Buyers now get version ${done.version}.`}
        </Notice>
      )}
      {done?.kind === "published" && <Notice tone="success">Published: it is on sale in your shop.</Notice>}
      {done?.kind === "unpublished" && (
        <Notice tone="success">Unpublished: it is no longer for sale. Buyers keep what they bought.</Notice>
      )}
      {done?.kind === "notified" && (
        <Notice tone="success">
          {done.emailed === 1 ? "1 buyer is" : `${done.emailed} buyers are`} being emailed about this version.
        </Notice>
      )}

      <div className="flex flex-wrap gap-3">
        <Form method="post">
          <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
          <Button variant={published ? "secondary" : "primary"} disabled={busy}>
            {published ? "Unpublish" : "Publish"}
          </Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="duplicate" />
          <Button variant="secondary" disabled={busy}>
            Duplicate
          </Button>
        </Form>
      </div>

      {listing.unversionedChanges && (
        <Notice>
          What buyers get has changed since version {listing.currentVersion} (files or content). Save with a
          note on what changed to make it version {listing.currentVersion + 1}.
        </Notice>
      )}

      {published && <EmbedSnippet appUrl={appUrl} slug={listing.slug} title={listing.title} />}

      <ListingFiles listingId={listing.id} files={listing.files} />

      <Versions listing={listing} busy={busy} />

      <ListingForm
        key={`${listing.id}-${listing.currentVersion}`}
        mode="edit"
        bundleChoices={choices}
        currency={listing.currency}
        defaults={formDefaults(listing)}
        lastResult={done?.kind === "saved" || !done ? actionData?.result : null}
        askChangelog={published}
        cover={listing.coverImage}
        exampleImages={listing.examples.slice(0, 3).map((example) => example.image)}
        pricingHref={listing.pricesManagedElsewhere ? `/dashboard/listings/${listing.id}/pricing` : undefined}
        submitLabel="Save"
      />
    </section>
  );
}
