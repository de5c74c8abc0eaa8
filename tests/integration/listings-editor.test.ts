// The listing editor for every type: what a save stores, every validation with its message (and
// nothing stored on refusal), seller markdown never reaching a page as markup, and another shop's
// listing answering 404 exactly like a missing one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "~/routes/dashboard.listings._index/route.tsx";
import * as editRoute from "~/routes/dashboard.listings.$listingId/route.tsx";
import * as newRoute from "~/routes/dashboard.listings.new/route.tsx";
import * as previewRoute from "~/routes/dashboard.listings.preview/route.tsx";
import * as listingPage from "~/routes/p.$slug/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import {
  createThroughEditor,
  editListing,
  editorTables,
  type FormReply,
  fieldErrors,
  newListing,
  postAs,
  promptFields,
  sellerShop,
} from "./listings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("creating listings", () => {
  it("saves a prompt as a draft with its content, examples, a Standard tier and a slug from the title", async () => {
    const shop = await sellerShop();
    await prisma.shop.update({ where: { id: shop.shop.id }, data: { defaultCurrency: "USD" } });
    const fields = promptFields({ title: "Blog Post Outliner: Über-fast!", aiGenerated: "on" });
    const listingId = await createThroughEditor(shop.cookie, fields);

    const listing = await prisma.listing.findUniqueOrThrow({
      where: { id: listingId },
      include: { content: true, examples: true, tiers: { include: { prices: true } } },
    });
    expect(listing).toMatchObject({
      shopId: shop.shop.id,
      type: "PROMPT",
      status: "DRAFT",
      slug: "blog-post-outliner-uber-fast",
      title: "Blog Post Outliner: Über-fast!",
      aiModels: ["ChatGPT", "Claude"],
      aiGenerated: true,
      priceAmount: 1200,
      currency: "USD",
      currentVersion: 0,
      publishedAt: null,
    });
    expect(listing.content).toMatchObject({
      body: fields.body,
      instructions: "Paste it into a new chat.",
      modelNotes: "Tested with GPT-4o and Claude 3.5 Sonnet.",
      templateUrl: null,
    });
    expect(listing.examples).toEqual([
      expect.objectContaining({ position: 0, input: "Topic: tea", output: "1. Why tea\n2. How to brew" }),
    ]);
    expect(listing.tiers).toEqual([
      expect.objectContaining({
        name: "Standard",
        position: 0,
        prices: [expect.objectContaining({ currency: "USD", amount: 1200 })],
      }),
    ]);

    // A second listing with the same title gets an address of its own.
    const second = await createThroughEditor(shop.cookie, fields);
    const secondSlug = (await prisma.listing.findUniqueOrThrow({ where: { id: second } })).slug;
    expect(secondSlug).toMatch(/^blog-post-outliner-uber-fast-[0-9a-f]{6}$/);

    const list = expectData(await callRoute(listRoute.loader, requestAs(shop.cookie, "/dashboard/listings")));
    expect(list.headers.get("Cache-Control")).toBe("private, no-store");
    expect(list.data.listings.map((row: { id: string }) => row.id)).toEqual(
      expect.arrayContaining([listingId, second, shop.listing.id]),
    );
  });

  it("saves a template with its https duplicate link, contents and compatible apps", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(
      shop.cookie,
      promptFields({
        type: "TEMPLATE",
        body: "",
        templateUrl: "https://www.notion.so/template/content-calendar",
        guide: "## Inside\n\n- a calendar\n- a board",
        compatibleApps: "Notion, Notion mobile",
      }),
    );
    const listing = await prisma.listing.findUniqueOrThrow({
      where: { id: listingId },
      include: { content: true },
    });
    expect(listing).toMatchObject({ type: "TEMPLATE", compatibleApps: ["Notion", "Notion mobile"] });
    expect(listing.content).toMatchObject({
      templateUrl: "https://www.notion.so/template/content-calendar",
      guide: "## Inside\n\n- a calendar\n- a board",
      // Prompt-only fields are not kept for other types.
      instructions: "",
      modelNotes: "",
    });
  });

  it("saves an agent with its platform, setup guide and required tools", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(
      shop.cookie,
      promptFields({
        type: "AGENT",
        body: "",
        agentPlatform: "N8N",
        guide: "1. Import the workflow\n2. Add your keys",
        requiredTools: "OpenAI API key\nSlack bot token",
      }),
    );
    const listing = await prisma.listing.findUniqueOrThrow({
      where: { id: listingId },
      include: { content: true },
    });
    expect(listing).toMatchObject({
      type: "AGENT",
      agentPlatform: "N8N",
      requiredTools: ["OpenAI API key", "Slack bot token"],
    });
    expect(listing.content?.guide).toBe("1. Import the workflow\n2. Add your keys");
  });

  it("saves a bundle of the shop's own published listings", async () => {
    const shop = await sellerShop();
    const other = await createThroughEditor(shop.cookie, promptFields());
    await prisma.listing.update({
      where: { id: other },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const bundleId = await createThroughEditor(
      shop.cookie,
      promptFields({ type: "BUNDLE", body: "", bundleItemIds: [shop.listing.id, other] }),
    );
    const items = await prisma.bundleItem.findMany({ where: { bundleId }, orderBy: { listingId: "asc" } });
    expect(items.map((item) => item.listingId).sort()).toEqual([shop.listing.id, other].sort());
  });
});

describe("the editor's validation", () => {
  it("refuses each mistake with its message and stores nothing", async () => {
    const shop = await sellerShop();
    const other = await sellerShop();
    const draft = await createThroughEditor(shop.cookie, promptFields());
    // A published bundle of the shop: bundles cannot hold bundles.
    const bundle = await createThroughEditor(shop.cookie, promptFields());
    await prisma.listing.update({ where: { id: bundle }, data: { type: "BUNDLE", status: "PUBLISHED" } });
    const before = await editorTables();

    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [
        promptFields({ body: "Write about {{topic in a {{tone:mood}} tone" }),
        {
          body: [
            'Line 1, column 13: "{{" is not closed: expected "}}" on the same line (write \\{{ for literal braces)',
            'Line 1, column 33: unknown type "mood": expected text, number or enum(…)',
          ],
        },
      ],
      [
        promptFields({ body: "{{tone:enum()}}\n{{n:number}} {{n:text}}" }),
        {
          body: [
            "Line 1, column 8: enum() has no options: expected at least one, such as enum(formal,casual)",
            'Line 2, column 14: "n" is text here but number on line 2, column 1: expected the same type each time (or none after the first)',
          ],
        },
      ],
      [
        promptFields({ body: "{{first name}}" }),
        {
          body: [
            'Line 1, column 3: "first name" is not a valid variable name: expected a letter followed by letters, digits or _ (at most 40)',
          ],
        },
      ],
      [promptFields({ body: "" }), { body: ["Write the prompt buyers get"] }],
      [
        promptFields({ title: "", tagline: " ", description: "", category: "" }),
        {
          title: ["Give the listing a title"],
          tagline: ["Give a one-line tagline"],
          description: ["Describe what buyers get"],
          category: ["Choose a category"],
        },
      ],
      [promptFields({ type: "EBOOK" }), { type: ["Choose a prompt, template, agent or bundle"] }],
      [promptFields({ price: "" }), { price: ["Give a price, such as 9.00"] }],
      [promptFields({ price: "-5" }), { price: ["The price cannot be negative"] }],
      [
        promptFields({ price: "9.999" }),
        { price: ["Enter the price as an amount such as 9.00 (at most two decimals)"] },
      ],
      [promptFields({ price: "0.10" }), { price: ["The price must be between 0.50 and 999,999.99"] }],
      [
        promptFields({ type: "TEMPLATE", body: "", templateUrl: "http://www.notion.so/x" }),
        { templateUrl: ["The duplicate link must start with https://"] },
      ],
      [
        promptFields({ type: "TEMPLATE", body: "", templateUrl: "javascript:alert(1)" }),
        { templateUrl: ["The duplicate link must start with https://"] },
      ],
      [
        promptFields({ type: "TEMPLATE", body: "", templateUrl: "https://evil.example/notion.so" }),
        { templateUrl: ["The duplicate link must be a Notion, Canva, Google Docs, Figma link"] },
      ],
      [
        promptFields({ type: "AGENT", body: "" }),
        { agentPlatform: ["Choose the platform the agent runs on"] },
      ],
      [
        promptFields({ type: "AGENT", body: "", agentPlatform: "SKYNET" }),
        { agentPlatform: ["Choose the platform the agent runs on"] },
      ],
      [
        promptFields({ type: "BUNDLE", body: "", bundleItemIds: [shop.listing.id, other.listing.id] }),
        {
          bundleItemIds: ["A bundle can only hold published listings of your own shop that are not bundles"],
        },
      ],
      [
        promptFields({ type: "BUNDLE", body: "", bundleItemIds: [shop.listing.id, draft] }),
        {
          bundleItemIds: ["A bundle can only hold published listings of your own shop that are not bundles"],
        },
      ],
      [
        promptFields({ type: "BUNDLE", body: "", bundleItemIds: [shop.listing.id, bundle] }),
        {
          bundleItemIds: ["A bundle can only hold published listings of your own shop that are not bundles"],
        },
      ],
      [
        promptFields({ type: "BUNDLE", body: "", bundleItemIds: [shop.listing.id] }),
        { bundleItemIds: ["Choose at least two listings for the bundle"] },
      ],
      [
        promptFields({ title: "Null\u0000byte" }),
        { title: ["Title contains characters that are not allowed"] },
      ],
      [promptFields({ aiGenerated: "yes" }), { aiGenerated: ["Tick the box or leave it empty"] }],
    ];
    for (const [fields, errors] of cases) {
      const reply = expectData(await newListing(shop.cookie, fields));
      expect(reply.status, JSON.stringify(fields)).toBe(400);
      expect(fieldErrors(reply.data), JSON.stringify(fields)).toMatchObject(errors);
    }

    // An address that is taken, on a new listing: 409 on the field.
    const taken = expectData(await newListing(shop.cookie, promptFields({ slug: other.listing.slug })));
    expect(taken.status).toBe(409);
    expect(fieldErrors(taken.data)).toEqual({ slug: ["This address is taken: choose another."] });

    // Not a form at all: the same shape, never a 500.
    const json = expectData<FormReply>(
      await callRoute(
        newRoute.action,
        requestAs(shop.cookie, "/dashboard/listings/new", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(promptFields()),
        }),
      ),
    );
    expect(json.status).toBe(415);

    // Editing with the same mistakes stores nothing either, and the type cannot change.
    const badEdit = expectData(
      await editListing(shop.cookie, draft, { ...promptFields({ body: "{{x:date}}" }), intent: "save" }),
    );
    expect(badEdit.status).toBe(400);
    const retype = expectData(
      await editListing(shop.cookie, draft, {
        ...promptFields({ type: "AGENT", agentPlatform: "MAKE" }),
        intent: "save",
      }),
    );
    expect(retype.status).toBe(409);
    expect(await editorTables()).toEqual(before);
  });

  it("is for sellers only", async () => {
    const anonymous = expectResponse(
      await callRoute(newRoute.loader, requestAs(null, "/dashboard/listings/new")),
    );
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard%2Flistings%2Fnew");
    const buyer = await signIn((await createUser()).id);
    expect(expectResponse(await newListing(buyer, promptFields())).status).toBe(403);
  });
});

describe("another shop's listing", () => {
  it("answers 404 for viewing, editing, publishing and every other button, exactly like a missing one", async () => {
    const mine = await sellerShop();
    const theirs = await sellerShop();
    const draft = await createThroughEditor(theirs.cookie, promptFields());
    const before = await editorTables();
    for (const listingId of [draft, theirs.listing.id, "cmissing00000000000000000"]) {
      const view = expectResponse(
        await callRoute(editRoute.loader, requestAs(mine.cookie, `/dashboard/listings/${listingId}`), {
          listingId,
        }),
      );
      expect(view.status).toBe(404);
      expect(await view.text()).toBe("Your shop has no such listing.");
      const attempts: Record<string, string | string[]>[] = [
        { ...promptFields(), intent: "save" },
        { intent: "publish" },
        { intent: "unpublish" },
        { intent: "duplicate" },
        { intent: "notify", version: "1" },
      ];
      for (const fields of attempts) {
        const refused = expectData(await editListing(mine.cookie, listingId, fields));
        expect(refused.status, `${fields.intent} ${listingId}`).toBe(404);
      }
    }
    expect(await editorTables()).toEqual(before);
  });
});

describe("seller markdown", () => {
  const xss = [
    "<script>alert('description')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "![pixel](https://tracker.example/p.gif)",
  ].join("\n\n");

  it("renders the description as sanitised markdown on the listing page, never as seller HTML", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(
      shop.cookie,
      promptFields({ description: `## What you get\n\n**Bold** claims.\n\n${xss}` }),
    );
    const listing = await prisma.listing.update({
      where: { id: listingId },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const page = expectData(
      await callRoute(listingPage.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    const html: string = page.data.descriptionHtml;
    expect(html).toContain("<h2>What you get</h2>");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/<a [^>]*onclick/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("previews through the same renderer, for sellers only", async () => {
    const shop = await sellerShop();
    const preview = expectData(
      await callRoute(
        previewRoute.action,
        postAs(shop.cookie, "/dashboard/listings/preview", { markdown: `# Hi\n\n${xss}` }),
      ),
    );
    expect(preview.data.html).toContain("<h2>Hi</h2>");
    expect(preview.data.html).not.toMatch(/<(script|img)\b/i);
    expect(preview.data.html).not.toMatch(/href="javascript:/i);
    const buyer = await signIn((await createUser()).id);
    const refused = expectResponse(
      await callRoute(previewRoute.action, postAs(buyer, "/dashboard/listings/preview", { markdown: "x" })),
    );
    expect(refused.status).toBe(403);
  });
});

describe("the cover image", () => {
  const image = (shopId: string) =>
    prisma.image.create({
      data: {
        shopId,
        alt: "A cover",
        width: 1280,
        height: 720,
        widths: [320, 640, 1280],
        storagePrefix: `images/test-${shopId}-${Math.random().toString(36).slice(2)}`,
        sha256: "0".repeat(64),
      },
    });

  it("takes the shop's own uploaded image, shows it on the listing page, and refuses another shop's", async () => {
    const shop = await sellerShop();
    const other = await sellerShop();
    const own = await image(shop.shop.id);
    const foreign = await image(other.shop.id);

    const before = await editorTables();
    const refused = expectData(await newListing(shop.cookie, promptFields({ coverImageId: foreign.id })));
    expect(refused.status).toBe(404);
    expect(fieldErrors(refused.data)).toEqual({
      coverImageId: ["That image was not found: upload the cover again."],
    });
    expect(await editorTables()).toEqual(before);

    const listingId = await createThroughEditor(shop.cookie, promptFields({ coverImageId: own.id }));
    const listing = await prisma.listing.update({
      where: { id: listingId },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect(listing.coverImageId).toBe(own.id);
    const page = expectData(
      await callRoute(listingPage.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    expect(page.data.cover).toMatchObject({ id: own.id, alt: "A cover", widths: [320, 640, 1280] });
  });
});

describe("example images", () => {
  it("saves the shop's own image on example 1 and shows it on the listing page; refuses another shop's", async () => {
    const shop = await sellerShop();
    const other = await sellerShop();
    const image = (shopId: string) =>
      prisma.image.create({
        data: {
          shopId,
          alt: "A generated poster",
          width: 1280,
          height: 720,
          widths: [320, 640, 1280],
          storagePrefix: `images/test-${shopId}-${Math.random().toString(36).slice(2)}`,
          sha256: "1".repeat(64),
        },
      });
    const own = await image(shop.shop.id);
    const foreign = await image(other.shop.id);

    const before = await editorTables();
    const refused = expectData(await newListing(shop.cookie, promptFields({ exampleImage0: foreign.id })));
    expect(refused.status).toBe(404);
    expect(await editorTables()).toEqual(before);

    const listingId = await createThroughEditor(
      shop.cookie,
      promptFields({ exampleInput0: "A poster for a jazz night", exampleOutput0: "", exampleImage0: own.id }),
    );
    const examples = await prisma.listingExample.findMany({ where: { listingId } });
    expect(examples).toMatchObject([{ position: 0, imageId: own.id, input: "A poster for a jazz night" }]);

    // A save that names another shop's image stores nothing: the own image stays.
    const edit = expectData(
      await editListing(shop.cookie, listingId, {
        ...promptFields({ exampleImage0: foreign.id }),
        intent: "save",
      }),
    );
    expect(edit.status).toBe(404);
    expect(await prisma.listingExample.findMany({ where: { listingId } })).toEqual(examples);

    const listing = await prisma.listing.update({
      where: { id: listingId },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const page = expectData(
      await callRoute(listingPage.loader, requestAs(null, `/p/${listing.slug}`), { slug: listing.slug }),
    );
    const [example] = page.data.listing.examples;
    expect(page.data.exampleImages[example.id]).toMatchObject({ id: own.id, alt: "A generated poster" });
  });
});

describe("prices owned by the pricing page", () => {
  it("are left alone by the editor when the listing has several tiers or another pricing mode", async () => {
    const shop = await sellerShop();
    const listingId = await createThroughEditor(shop.cookie, promptFields());
    // A new listing always needs a price, whatever the form claims.
    const noPrice = expectData(await newListing(shop.cookie, promptFields({ price: "", keepPrices: "on" })));
    expect(fieldErrors(noPrice.data)).toEqual({ price: ["Give a price, such as 9.00"] });
    // A fixed-price listing's edit needs one too.
    const fixed = expectData(
      await editListing(shop.cookie, listingId, { ...promptFields({ price: "" }), intent: "save" }),
    );
    expect(fieldErrors(fixed.data)).toEqual({ price: ["Give a price, such as 9.00"] });

    // The pricing page made it pay what you want with a second tier.
    await prisma.listing.update({ where: { id: listingId }, data: { pricingMode: "PAY_WHAT_YOU_WANT" } });
    await prisma.licenseTier.create({
      data: {
        listingId,
        name: "Commercial",
        position: 1,
        prices: { create: { currency: "EUR", amount: 4900 } },
      },
    });
    const editor = expectData(
      await callRoute(editRoute.loader, requestAs(shop.cookie, `/dashboard/listings/${listingId}`), {
        listingId,
      }),
    );
    expect(editor.data.listing.pricesManagedElsewhere).toBe(true);
    const pricesBefore = await prisma.tierPrice.findMany({
      where: { tier: { listingId } },
      orderBy: { amount: "asc" },
    });
    const saved = expectData(
      await editListing(shop.cookie, listingId, {
        ...promptFields({ price: "", keepPrices: "on", title: "Renamed" }),
        intent: "save",
      }),
    );
    expect(saved.status).toBe(200);
    expect(await prisma.listing.findUniqueOrThrow({ where: { id: listingId } })).toMatchObject({
      title: "Renamed",
      priceAmount: 1200,
    });
    expect(
      await prisma.tierPrice.findMany({ where: { tier: { listingId } }, orderBy: { amount: "asc" } }),
    ).toEqual(pricesBefore);
  });
});
