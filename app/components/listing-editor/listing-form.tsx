import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ImageField } from "~/components/media/image-field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choices.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import {
  AGENT_PLATFORMS,
  type EditorListingType,
  EXAMPLE_SLOTS,
  LISTING_TYPES,
  ListingEditFormSchema,
  ListingFormSchema,
  TEMPLATE_HOSTS,
} from "~/modules/listings/forms.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import { MarkdownField } from "./markdown-field.tsx";
import { PromptFiller } from "./prompt-filler.tsx";

/** What the form starts with: strings as the inputs hold them. */
export type ListingFormDefaults = {
  type: EditorListingType;
  title: string;
  tagline: string;
  description: string;
  category: string;
  aiModels: string;
  aiGenerated?: "on";
  teaser: string;
  price: string;
  slug?: string;
  body: string;
  instructions: string;
  modelNotes: string;
  templateUrl: string;
  compatibleApps: string;
  guide: string;
  agentPlatform?: string;
  requiredTools: string;
  bundleItemIds: string[];
  changelog?: string;
  coverImageId?: string;
  keepPrices?: "on";
  /** Downloads per purchase of each file; empty is unlimited. */
  downloadLimit?: string;
  /** The language the listing is written in: "en" or "de". */
  language?: string;
} & Partial<
  Record<`exampleInput${0 | 1 | 2}` | `exampleOutput${0 | 1 | 2}` | `exampleImage${0 | 1 | 2}`, string>
>;

export type BundleChoice = { id: string; title: string; type: string };

const typeLabels: Record<EditorListingType, string> = {
  PROMPT: "Prompt",
  TEMPLATE: "Template",
  AGENT: "Agent",
  BUNDLE: "Bundle",
};

const textareaClass =
  "block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600";

/** A field sent twice comes back as a list: a select shows one value, so take the first. */
function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

function Errors({ field }: { field: FieldMetadata<unknown> }) {
  if (!field.errors?.length) return null;
  return (
    <ul id={field.errorId} className="space-y-0.5 text-sm text-red-700">
      {field.errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

function TextArea({
  field,
  label,
  hint,
  rows = 4,
  mono = false,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  rows?: number;
  mono?: boolean;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint && <p className="text-xs text-gray-600">{hint}</p>}
      <textarea
        rows={rows}
        className={`${textareaClass} ${mono ? "font-mono text-sm" : ""}`}
        {...getTextareaProps(field)}
      />
      <Errors field={field} />
    </div>
  );
}

/**
 * The listing editor (new and edit pages): the storefront fields every listing has, then the chosen
 * type's own. Validated in the browser with the schema the action uses; the server adds what only it
 * knows (the shop's listings for bundles, a taken address, a missing changelog).
 */
export function ListingForm({
  mode,
  defaults,
  bundleChoices,
  currency,
  lastResult,
  askChangelog = false,
  cover = null,
  exampleImages = [],
  pricingHref,
  submitLabel,
}: {
  mode: "new" | "edit";
  defaults: ListingFormDefaults;
  bundleChoices: BundleChoice[];
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** The listing is published: a change to what buyers get needs a changelog. */
  askChangelog?: boolean;
  /** The current cover image (uploaded with the media components' ImageField). */
  cover?: PublicImage | null;
  /** The examples' current images, by slot. */
  exampleImages?: (PublicImage | null)[];
  /** The listing's prices are set on its pricing page (tiers, currencies, pay what you want, free). */
  pricingHref?: string;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `listing-${mode}`,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: mode === "edit" ? ListingEditFormSchema : ListingFormSchema }),
  });
  const type = (fields.type.value ?? defaults.type) as EditorListingType;
  const [promptBody, setPromptBody] = useState(defaults.body);
  const chosenItems = new Set(defaults.bundleItemIds);

  return (
    <Form method="post" className="space-y-8" {...getFormProps(form)}>
      {mode === "edit" && <input type="hidden" name="intent" value="save" />}
      {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}

      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">Listing</legend>
        {mode === "new" ? (
          <div className="space-y-1">
            <label htmlFor={fields.type.id} className="block text-sm font-medium text-ink">
              What are you selling?
            </label>
            <select
              className={textareaClass}
              {...getSelectProps(fields.type)}
              defaultValue={single(fields.type.initialValue) ?? defaults.type}
            >
              {LISTING_TYPES.map((value) => (
                <option key={value} value={value}>
                  {typeLabels[value]}
                </option>
              ))}
            </select>
            <Errors field={fields.type} />
          </div>
        ) : (
          <input type="hidden" name={fields.type.name} value={defaults.type} />
        )}
        <Field
          label="Title"
          maxLength={100}
          errors={fields.title.errors}
          {...getInputProps(fields.title, { type: "text" })}
          id={fields.title.id}
        />
        <Field
          label="Tagline"
          maxLength={160}
          errors={fields.tagline.errors}
          {...getInputProps(fields.tagline, { type: "text" })}
          id={fields.tagline.id}
        />
        <MarkdownField
          field={fields.description}
          label="Description"
          hint="Markdown: **bold**, _italic_, lists, links. HTML is shown as text."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Category"
            maxLength={60}
            errors={fields.category.errors}
            {...getInputProps(fields.category, { type: "text" })}
            id={fields.category.id}
          />
          <SelectField
            label="Language of this listing"
            meta={fields.language}
            options={[
              { value: "en", label: "English" },
              { value: "de", label: "Deutsch" },
            ]}
            key={fields.language.key}
            defaultValue={single(fields.language.initialValue) ?? defaults.language ?? "en"}
          />
          <Field
            label="AI models (comma-separated)"
            placeholder="ChatGPT, Claude"
            errors={fields.aiModels.errors}
            {...getInputProps(fields.aiModels, { type: "text" })}
            id={fields.aiModels.id}
          />
          {pricingHref ? (
            <div className="space-y-1">
              <input type="hidden" name={fields.keepPrices.name} value="on" />
              <p className="text-sm font-medium text-ink">Price</p>
              <p className="text-sm text-gray-700">
                Set on the{" "}
                <a href={pricingHref} className="text-brand-700 underline">
                  pricing page
                </a>{" "}
                (tiers, currencies, pay what you want).
              </p>
            </div>
          ) : (
            <Field
              label={`Price (${currency})`}
              inputMode="decimal"
              placeholder="9.00"
              errors={fields.price.errors}
              {...getInputProps(fields.price, { type: "text" })}
              id={fields.price.id}
            />
          )}
          {mode === "edit" && (
            <Field
              label="Address (/p/…)"
              maxLength={80}
              errors={fields.slug.errors}
              {...getInputProps(fields.slug, { type: "text" })}
              id={fields.slug.id}
            />
          )}
        </div>
        {mode === "edit" && (
          <p className="text-xs text-gray-600">
            Changing the address keeps the old one working: it redirects to the new one.
          </p>
        )}
        <div className="space-y-1 sm:max-w-xs">
          <Field
            label="Downloads per purchase, empty for unlimited"
            inputMode="numeric"
            placeholder="Unlimited"
            errors={fields.downloadLimit.errors}
            {...getInputProps(fields.downloadLimit, { type: "text" })}
            id={fields.downloadLimit.id}
          />
          <p className="text-xs text-gray-600">
            How often each buyer may download each file (1 to 1000). Resuming an interrupted download does not
            count.
          </p>
        </div>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name={fields.aiGenerated.name}
            value="on"
            key={fields.aiGenerated.key}
            defaultChecked={fields.aiGenerated.initialValue === "on"}
            className="mt-1"
          />
          <span>
            The examples (or the product) were made with AI. Buyers see "AI-generated" next to the examples.
          </span>
        </label>
        <ImageField
          name={fields.coverImageId.name}
          label="Cover image"
          defaultImage={cover}
          errors={fields.coverImageId.errors}
        />
        <TextArea
          field={fields.teaser}
          label="Teaser (public)"
          hint="A peek that hints at the content without giving it away."
          rows={3}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">Example outputs</legend>
        <p className="text-sm text-gray-600">Up to three examples: text, an image, or both.</p>
        {EXAMPLE_SLOTS.map((slot) => (
          <div key={slot} className="grid gap-3 rounded-lg bg-gray-50 p-3 sm:grid-cols-[1fr_2fr]">
            <TextArea field={fields[`exampleInput${slot}`]} label={`Example ${slot + 1}: input`} rows={2} />
            <TextArea field={fields[`exampleOutput${slot}`]} label={`Example ${slot + 1}: output`} rows={3} />
            <div className="sm:col-span-2">
              <ImageField
                name={fields[`exampleImage${slot}`].name}
                label={`Example ${slot + 1}: image (optional)`}
                defaultImage={exampleImages[slot] ?? null}
                errors={fields[`exampleImage${slot}`].errors}
              />
            </div>
          </div>
        ))}
      </fieldset>

      {type === "PROMPT" && (
        <fieldset className="space-y-4">
          <legend className="text-lg font-bold">The prompt (paid)</legend>
          <div className="space-y-1">
            <label htmlFor={fields.body.id} className="block text-sm font-medium text-ink">
              Prompt
            </label>
            <p className="text-xs text-gray-600">
              Variables: {"{{topic}}"} (one line), {"{{source:text}}"} (long text), {"{{length:number}}"},{" "}
              {"{{tone:enum(formal,casual)}}"}. Write \{"{{"} for literal braces.
            </p>
            <textarea
              rows={12}
              className={`${textareaClass} font-mono text-sm`}
              {...getTextareaProps(fields.body)}
              onChange={(event) => setPromptBody(event.target.value)}
            />
            <Errors field={fields.body} />
          </div>
          <section
            aria-labelledby="buyer-form-heading"
            className="space-y-2 rounded-lg p-4 ring-1 ring-gray-200"
          >
            <h3 id="buyer-form-heading" className="text-sm font-semibold">
              Preview: the form your buyers fill
            </h3>
            <PromptFiller body={promptBody} mode="preview" />
          </section>
          <MarkdownField field={fields.instructions} label="Usage instructions" rows={5} />
          <TextArea
            field={fields.modelNotes}
            label="Model version notes"
            hint="Which model versions you wrote and tested it with."
            rows={2}
          />
        </fieldset>
      )}

      {type === "TEMPLATE" && (
        <fieldset className="space-y-4">
          <legend className="text-lg font-bold">The template (paid)</legend>
          <Field
            label={`Duplicate link (${TEMPLATE_HOSTS.map((app) => app.label).join(", ")})`}
            placeholder="https://www.notion.so/…"
            errors={fields.templateUrl.errors}
            {...getInputProps(fields.templateUrl, { type: "url" })}
            id={fields.templateUrl.id}
          />
          <p className="text-xs text-gray-600">Only buyers see it, in their library.</p>
          <MarkdownField field={fields.guide} label="What it contains" rows={6} />
          <Field
            label="Compatible apps (comma-separated)"
            errors={fields.compatibleApps.errors}
            {...getInputProps(fields.compatibleApps, { type: "text" })}
            id={fields.compatibleApps.id}
          />
        </fieldset>
      )}

      {type === "AGENT" && (
        <fieldset className="space-y-4">
          <legend className="text-lg font-bold">The agent (paid)</legend>
          <div className="space-y-1">
            <label htmlFor={fields.agentPlatform.id} className="block text-sm font-medium text-ink">
              Platform
            </label>
            <select
              className={textareaClass}
              {...getSelectProps(fields.agentPlatform)}
              defaultValue={single(fields.agentPlatform.initialValue) ?? ""}
            >
              <option value="">Choose…</option>
              {Object.entries(AGENT_PLATFORMS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <Errors field={fields.agentPlatform} />
          </div>
          <MarkdownField field={fields.guide} label="Setup guide" rows={8} />
          <Field
            label="Required tools and API keys (comma-separated)"
            errors={fields.requiredTools.errors}
            {...getInputProps(fields.requiredTools, { type: "text" })}
            id={fields.requiredTools.id}
          />
          <TextArea
            field={fields.body}
            label="Agent instructions or configuration (optional)"
            hint="Given to buyers with the files. Example runs go in the examples above."
            rows={6}
            mono
          />
        </fieldset>
      )}

      {type === "BUNDLE" && (
        <fieldset
          className="space-y-2"
          aria-describedby={fields.bundleItemIds.errors?.length ? fields.bundleItemIds.errorId : undefined}
        >
          <legend className="text-lg font-bold">Listings in the bundle</legend>
          {bundleChoices.length === 0 ? (
            <p className="text-sm text-gray-600">Publish at least two listings first.</p>
          ) : (
            <ul className="grid gap-1 sm:grid-cols-2">
              {bundleChoices.map((choice) => (
                <li key={choice.id}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={fields.bundleItemIds.name}
                      value={choice.id}
                      defaultChecked={chosenItems.has(choice.id)}
                      className="mt-0.5"
                    />
                    <span>
                      {choice.title} ({typeLabels[choice.type as EditorListingType] ?? choice.type})
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <Errors field={fields.bundleItemIds} />
        </fieldset>
      )}

      {askChangelog && (
        <TextArea
          field={fields.changelog}
          label="What changed (for your buyers)"
          hint="Needed when a save changes what buyers get: it becomes a new version they see in their library."
          rows={3}
        />
      )}

      <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
    </Form>
  );
}
