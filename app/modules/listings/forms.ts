import { z } from "zod";
import { LANGUAGES } from "~/modules/i18n/viewer.ts";
import { parsePrompt } from "~/modules/prompts/variables.ts";
import { recordId, SLUG_PATTERN, text } from "~/utils/schemas.ts";

/**
 * The listing editor's form, one contract for "new" and "edit", shared by the page (conform's
 * validation in the browser) and the action. The action adds what only the server knows (the
 * shop's listings a bundle may hold) through `listingFormSchema(shop)`.
 *
 * Type-specific fields are all in the one form; those of other types are ignored (the page only
 * shows the chosen type's).
 */

export const LISTING_TYPES = ["PROMPT", "TEMPLATE", "AGENT", "BUNDLE"] as const;
export type EditorListingType = (typeof LISTING_TYPES)[number];

export const AGENT_PLATFORMS = {
  N8N: "n8n",
  MAKE: "Make",
  ZAPIER: "Zapier",
  CUSTOM_GPT: "Custom GPT",
  CLAUDE_PROJECT: "Claude project",
  LANGCHAIN: "LangChain",
  OTHER: "Other",
} as const;
export type AgentPlatformName = keyof typeof AGENT_PLATFORMS;
const AGENT_PLATFORM_NAMES = Object.keys(AGENT_PLATFORMS) as [AgentPlatformName, ...AgentPlatformName[]];

/** Where a template's duplicate link may point: the apps whose "duplicate" links buyers know. */
export const TEMPLATE_HOSTS = [
  { label: "Notion", hosts: ["notion.so", "notion.site"] },
  { label: "Canva", hosts: ["canva.com"] },
  { label: "Google Docs", hosts: ["docs.google.com"] },
  { label: "Figma", hosts: ["figma.com"] },
] as const;

export const MIN_PRICE_AMOUNT = 50;
export const MAX_PRICE_AMOUNT = 99_999_999;

/** "9", "9.00" or "9,5" in major units → integer cents; null for anything else. Never a float. */
export function parseMajorAmount(input: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

const required = (max: number, label: string, missing: string) =>
  text({ max, label })
    .optional()
    .transform((value, context) => {
      const trimmed = value?.trim() ?? "";
      if (trimmed === "") {
        context.addIssue({ code: "custom", message: missing });
        return z.NEVER;
      }
      return trimmed;
    });

const optionalText = (max: number, label: string) =>
  text({ max, label })
    .optional()
    .transform((value) => value?.trim() ?? "");

/** A comma- or line-separated list typed into one box ("ChatGPT, Claude"). */
const listInput = (label: string, maxItems: number, maxItem: number) =>
  text({ max: 2000, label })
    .optional()
    .transform((value, context) => {
      const items = [
        ...new Set(
          (value ?? "")
            .split(/[,\n]/)
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ];
      if (items.length > maxItems) {
        context.addIssue({ code: "custom", message: `${label}: at most ${maxItems}` });
        return z.NEVER;
      }
      const long = items.find((item) => item.length > maxItem);
      if (long) {
        context.addIssue({
          code: "custom",
          message: `${label}: "${long.slice(0, 20)}…" is longer than ${maxItem} characters`,
        });
        return z.NEVER;
      }
      return items;
    });

const checkbox = z
  .literal("on", { error: "Tick the box or leave it empty" })
  .optional()
  .transform((value) => value === "on");

/** Empty is null: required on new listings, optional on edit when the pricing screens own the prices. */
const priceInput = text({ max: 12, label: "Price" })
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return null;
    if (/^\s*-/.test(value)) {
      context.addIssue({ code: "custom", message: "The price cannot be negative" });
      return z.NEVER;
    }
    const amount = parseMajorAmount(value);
    if (amount === null) {
      context.addIssue({
        code: "custom",
        message: "Enter the price as an amount such as 9.00 (at most two decimals)",
      });
      return z.NEVER;
    }
    if (amount < MIN_PRICE_AMOUNT || amount > MAX_PRICE_AMOUNT) {
      context.addIssue({ code: "custom", message: "The price must be between 0.50 and 999,999.99" });
      return z.NEVER;
    }
    return amount;
  });

export const MAX_DOWNLOAD_LIMIT = 1000;

/** Downloads per purchase of each file: empty is unlimited (null), else a whole number 1..1000. */
const downloadLimitInput = text({ max: 12, label: "Downloads per purchase" })
  .optional()
  .transform((value, context) => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return null;
    if (!/^\d{1,4}$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_DOWNLOAD_LIMIT) {
      context.addIssue({
        code: "custom",
        message: `Enter a whole number from 1 to ${MAX_DOWNLOAD_LIMIT}, or leave it empty for unlimited downloads`,
      });
      return z.NEVER;
    }
    return Number(trimmed);
  });

/** An https duplicate link on one of TEMPLATE_HOSTS; empty is allowed (files may be the template). */
const templateUrl = text({ max: 500, label: "Duplicate link" })
  .optional()
  .transform((value, context) => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return null;
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      context.addIssue({
        code: "custom",
        message: "The duplicate link must be a full address starting with https://",
      });
      return z.NEVER;
    }
    if (url.protocol !== "https:") {
      context.addIssue({ code: "custom", message: "The duplicate link must start with https://" });
      return z.NEVER;
    }
    if (url.username || url.password) {
      context.addIssue({
        code: "custom",
        message: "The duplicate link cannot contain a user name or password",
      });
      return z.NEVER;
    }
    const host = url.hostname.toLowerCase();
    const known = TEMPLATE_HOSTS.some((app) =>
      app.hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)),
    );
    if (!known) {
      context.addIssue({
        code: "custom",
        message: `The duplicate link must be a ${TEMPLATE_HOSTS.map((app) => app.label).join(", ")} link`,
      });
      return z.NEVER;
    }
    return url.toString();
  });

const slugInput = text({ max: 80, label: "Address" })
  .optional()
  .transform((value, context) => {
    const slug = value?.trim().toLowerCase() ?? "";
    if (slug === "") return null;
    if (!SLUG_PATTERN.test(slug) || slug.endsWith("-")) {
      context.addIssue({
        code: "custom",
        message: "The address may use lowercase letters, digits and hyphens, starting with a letter or digit",
      });
      return z.NEVER;
    }
    return slug;
  });

/** Three example slots (text, optionally with an image); empty ones are dropped. */
const exampleFields = {
  exampleInput0: optionalText(500, "Example 1 input"),
  exampleOutput0: optionalText(5000, "Example 1 output"),
  exampleInput1: optionalText(500, "Example 2 input"),
  exampleOutput1: optionalText(5000, "Example 2 output"),
  exampleInput2: optionalText(500, "Example 3 input"),
  exampleOutput2: optionalText(5000, "Example 3 output"),
  // An example may show an image (uploaded with ImageField, which requires its alt text).
  exampleImage0: recordId("example 1 image").optional(),
  exampleImage1: recordId("example 2 image").optional(),
  exampleImage2: recordId("example 3 image").optional(),
};
export const EXAMPLE_SLOTS = [0, 1, 2] as const;

const listingFields = {
  type: z.enum(LISTING_TYPES, { error: "Choose a prompt, template, agent or bundle" }),
  title: required(100, "Title", "Give the listing a title"),
  tagline: required(160, "Tagline", "Give a one-line tagline"),
  description: required(20_000, "Description", "Describe what buyers get"),
  category: required(60, "Category", "Choose a category"),
  aiModels: listInput("AI models", 8, 40),
  aiGenerated: checkbox,
  teaser: optionalText(2000, "Teaser"),
  price: priceInput,
  /**
   * Edit only: the listing's prices are managed on its pricing page (several tiers or currencies,
   * pay what you want, free), so the editor leaves them alone.
   */
  keepPrices: checkbox,
  /** How often a buyer may download each file (resumes are free); null: no limit. */
  downloadLimit: downloadLimitInput,
  /** The language the listing is written in (search stems it so); absent keeps what it was. */
  language: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(LANGUAGES, { error: "Choose English or Deutsch" }).optional(),
  ),
  slug: slugInput,
  /** An image of the shop's (uploaded by the ImageField); empty removes the cover. */
  coverImageId: recordId("cover image").optional(),
  ...exampleFields,
  // Prompt
  body: text({ max: 50_000, label: "Prompt" })
    .optional()
    .transform((value) => value ?? ""),
  instructions: optionalText(10_000, "Usage instructions"),
  modelNotes: optionalText(2000, "Model version notes"),
  // Template
  templateUrl,
  compatibleApps: listInput("Compatible apps", 10, 40),
  // Template ("what it contains") and agent ("setup guide")
  guide: optionalText(20_000, "Guide"),
  // Agent
  agentPlatform: z.enum(AGENT_PLATFORM_NAMES, { error: "Choose the platform the agent runs on" }).optional(),
  requiredTools: listInput("Required tools and API keys", 20, 60),
  // Bundle
  bundleItemIds: z
    .array(recordId("listing"))
    .max(50, "A bundle can hold at most 50 listings")
    .optional()
    .transform((values) => [...new Set(values ?? [])]),
  /** What changed, for buyers: asked for when a save changes a published listing's paid content. */
  changelog: optionalText(2000, "What changed"),
};

type ListingFormShape = z.output<z.ZodObject<typeof listingFields>>;

function checkType(value: ListingFormShape, context: z.RefinementCtx) {
  if (value.type === "PROMPT") {
    if (value.body.trim() === "") {
      context.addIssue({ code: "custom", path: ["body"], message: "Write the prompt buyers get" });
    } else {
      const parsed = parsePrompt(value.body);
      if (!parsed.ok)
        for (const error of parsed.errors)
          context.addIssue({ code: "custom", path: ["body"], message: error.message });
    }
  }
  if (value.type === "AGENT" && !value.agentPlatform)
    context.addIssue({
      code: "custom",
      path: ["agentPlatform"],
      message: "Choose the platform the agent runs on",
    });
  if (value.type === "BUNDLE" && value.bundleItemIds.length < 2)
    context.addIssue({
      code: "custom",
      path: ["bundleItemIds"],
      message: "Choose at least two listings for the bundle",
    });
}

/** New listings need a price; an edit may leave prices to the pricing page (`keepPrices`). */
function checkPrice(alwaysRequired: boolean) {
  return (value: ListingFormShape, context: z.RefinementCtx) => {
    if (value.price === null && (alwaysRequired || !value.keepPrices))
      context.addIssue({ code: "custom", path: ["price"], message: "Give a price, such as 9.00" });
  };
}

/** The form without the shop's data: for the page's instant feedback. */
export const ListingFormSchema = z.object(listingFields).superRefine(checkType).superRefine(checkPrice(true));
export type ListingFormValue = z.output<typeof ListingFormSchema>;

/** The listings a bundle may hold: the shop's own, published, not bundles themselves. */
export type BundleChoices = ReadonlySet<string>;

function checkBundle(choices: BundleChoices) {
  return (value: ListingFormShape, context: z.RefinementCtx) => {
    if (value.type !== "BUNDLE") return;
    if (value.bundleItemIds.some((id) => !choices.has(id)))
      context.addIssue({
        code: "custom",
        path: ["bundleItemIds"],
        message: "A bundle can only hold published listings of your own shop that are not bundles",
      });
  };
}

export function listingFormSchema(choices: BundleChoices) {
  return z
    .object(listingFields)
    .superRefine(checkType)
    .superRefine(checkPrice(true))
    .superRefine(checkBundle(choices));
}

/** The edit page's other buttons. */
export const LISTING_ACTIONS = ["publish", "unpublish", "duplicate", "notify"] as const;

export function listingEditSchema(choices: BundleChoices) {
  return z.discriminatedUnion("intent", [
    z
      .object({ ...listingFields, intent: z.literal("save") })
      .superRefine(checkType)
      .superRefine(checkPrice(false))
      .superRefine(checkBundle(choices)),
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("unpublish") }),
    z.object({ intent: z.literal("duplicate") }),
    z.object({
      intent: z.literal("notify"),
      version: z.coerce
        .number({ error: "Choose a version" })
        .int("Choose a version")
        .min(1, "Choose a version")
        .max(1_000_000),
    }),
  ]);
}

/** The edit form without the shop's data, for the page. */
export const ListingEditFormSchema = z
  .object({ ...listingFields, intent: z.literal("save") })
  .superRefine(checkType)
  .superRefine(checkPrice(false));

/** The description preview: markdown in, sanitised HTML out (the server renders it). */
export const MarkdownPreviewSchema = z.object({
  markdown: text({ max: 20_000, label: "Text" })
    .optional()
    .transform((value) => value ?? ""),
});

/** The unsubscribe link in "new version" emails. */
export const UnsubscribeSchema = z.object({
  shop: recordId("shop"),
  user: recordId("user"),
  token: z
    .string({ error: "This link is incomplete" })
    .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid"),
});
