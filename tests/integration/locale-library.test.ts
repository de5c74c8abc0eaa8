// The library item's prompt tool and "what changed" section, and the exports, on German pages: the
// words a person reads are German, nothing English is left, and what programs read (the JSON's
// keys, the data export's keys and values) stays the same in both languages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, signIn } from "../support/fixtures.ts";
import { type PageRenderer, startPageRenderer } from "../support/storefront-render.ts";
import { purchase } from "./licensing-manage-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
let pages: PageRenderer;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  pages = await startPageRenderer();
  world = await makeWorld();
}, 180_000);
afterAll(async () => {
  await pages?.close();
  await app?.stop();
});

const snapshot = (body: string, guide: string) => ({
  body,
  instructions: "",
  modelNotes: "",
  templateUrl: null,
  guide,
  fileIds: [],
  bundleItemIds: [],
});

/** A bought prompt with a variable, at version 2; the buyer last looked at version 1. */
/** Enough unchanged lines after the change that the diff skips some. */
const TAIL = Array.from({ length: 12 }, (_, index) => `Rule ${index + 1}.`).join("\n");

async function makeWorld() {
  const { shop, listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  const body = `Write a cold email about {{topic}}.\n${TAIL}`;
  await prisma.listingContent.update({ where: { listingId: listing.id }, data: { body } });
  const sale = await purchase(shop.id, listing);
  await prisma.listingVersion.createMany({
    data: [
      {
        listingId: listing.id,
        number: 1,
        snapshot: snapshot(`Write a cold email.\n${TAIL}`, ""),
      },
      {
        listingId: listing.id,
        number: 2,
        snapshot: snapshot(body, "New guide"),
        changelog: "Neue Variable",
        createdAt: new Date("2027-01-02T10:00:00Z"),
      },
    ],
  });
  await prisma.listing.update({ where: { id: listing.id }, data: { currentVersion: 2 } });
  await prisma.entitlement.update({ where: { id: sale.entitlement.id }, data: { seenVersion: 1 } });
  const cookie = await signIn(sale.buyer.id);
  // A second prompt with a variable of each checked kind, for the answers' error messages.
  const typed = await createListingForSale({ priceAmount: 900, currency: "EUR" });
  await prisma.listingContent.update({
    where: { listingId: typed.listing.id },
    data: { body: "Write {{count:number}} {{tone:enum(formal,casual)}} lines about {{topic}}." },
  });
  const typedSale = await purchase(typed.shop.id, typed.listing);
  const typedCookie = await signIn(typedSale.buyer.id);
  return { listing, sale, cookie, typed: { entitlementId: typedSale.entitlement.id, cookie: typedCookie } };
}

function visibleText(body: string): string {
  return body
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

const page = async (path: string, lang: "de" | "en") => {
  const response = await pages.fetch(path, `${world.cookie}; lang=${lang}`);
  return { status: response.status, text: visibleText(await response.text()) };
};

const GERMAN = [
  "Prompt ausfüllen",
  "Deine Antworten bleiben in der Adresse dieser Seite",
  "Dein ausgefüllter Prompt",
  "Unbeantwortete Variablen bleiben als {{topic}}".replace("topic", "name"),
  "In ChatGPT öffnen",
  "Exportieren",
  "Was sich seit deinem letzten Blick geändert hat",
  "Zuletzt hast du Version 1 angesehen; das ist Version 2.",
  "Version 2, 2. Januar 2027",
  "Außerdem geändert: Die Einrichtungsanleitung.",
  "Der Prompt, Version 1 zu 2",
  "Hinzugefügt:",
  "Entfernt:",
  "unveränderte Zeilen",
  "Als gesehen markieren",
];
const ENGLISH = [
  "Fill in the prompt",
  "Your answers stay in this page's address",
  "Your filled prompt",
  "Unanswered variables stay as {{name}}",
  "Open in ChatGPT",
  "What changed since you last looked",
  "You last looked at version 1; this is version 2.",
  "Version 2, 2 January 2027",
  "Also changed: The guide.",
  "The prompt, version 1 to 2",
  "Added:",
  "Removed:",
  "unchanged lines",
  "Mark as seen",
];

describe("the library item and the exports in the page's language", { timeout: 120_000 }, () => {
  it("the prompt tool and the changes section in German, nothing English left", async () => {
    const german = await page(`/library/${world.sale.entitlement.id}`, "de");
    expect(german.status).toBe(200);
    for (const words of GERMAN) expect(german.text, `missing German “${words}”`).toContain(words);
    for (const words of ENGLISH) expect(german.text, `English leftover “${words}”`).not.toContain(words);
  });

  it("and in English on English pages", async () => {
    const english = await page(`/library/${world.sale.entitlement.id}`, "en");
    expect(english.status).toBe(200);
    for (const words of ENGLISH) expect(english.text, `missing “${words}”`).toContain(words);
    expect(english.text).not.toContain("Prompt ausfüllen");
  });

  it("wrong answers in the prompt tool are explained in German on German pages", async () => {
    const answers = `?v.count=lots&v.tone=loud&v.topic=${"x".repeat(301)}`;
    const show = (lang: "de" | "en") =>
      pages
        .fetch(`/library/${world.typed.entitlementId}${answers}`, `${world.typed.cookie}; lang=${lang}`)
        .then(async (reply) => ({ status: reply.status, text: visibleText(await reply.text()) }));
    const german = await show("de");
    expect(german.status).toBe(200);
    expect(german.text).toContain("Gib eine Zahl ein, etwa 300 oder 2,5.");
    expect(german.text).toContain("Wähle eine dieser Möglichkeiten: formal, casual.");
    expect(german.text).toContain("Höchstens 300 Zeichen (hier sind es 301).");
    expect(german.text).toContain("Bitte wählen…");
    for (const english of ["Enter a number", "Choose one of", "At most 300", "Choose…"])
      expect(german.text, `English leftover “${english}”`).not.toContain(english);
    const english = await show("en");
    expect(english.text).toContain("Enter a number, such as 300 or 2.5.");
    expect(english.text).toContain("Choose one of: formal, casual.");
    expect(english.text).toContain("At most 300 characters (this has 301).");
    expect(english.text).not.toContain("Gib eine Zahl ein");

    // The export refuses the same answers with the same words.
    const exported = await pages.fetch(
      `/library/${world.typed.entitlementId}/export${answers}&format=md`,
      `${world.typed.cookie}; lang=de`,
    );
    expect(exported.status).toBe(400);
    expect(await exported.text()).toBe(
      `Einige Antworten müssen korrigiert werden: count: Gib eine Zahl ein, etwa 300 oder 2,5. tone: Wähle eine dieser Möglichkeiten: formal, casual. topic: Höchstens 300 Zeichen (hier sind es 301).`,
    );
  });

  it("the Markdown export reads German; the JSON keeps its keys", async () => {
    const base = `/library/${world.sale.entitlement.id}/export?v.topic=Tee`;
    const md = await pages.fetch(`${base}&format=md`, `${world.cookie}; lang=de`);
    expect(md.status).toBe(200);
    const markdown = await md.text();
    expect(markdown).toMatch(/^Von Shop .+ · Version 2 · exportiert am \d{4}-\d{2}-\d{2}$/m);
    expect(markdown).toContain("## Deine Antworten");
    expect(markdown).not.toMatch(/## Your answers|^By /m);
    const englishMd = await (await pages.fetch(`${base}&format=md`, `${world.cookie}; lang=en`)).text();
    expect(englishMd).toContain("## Your answers");

    const json = (lang: string) =>
      pages.fetch(`${base}&format=json`, `${world.cookie}; lang=${lang}`).then((reply) => reply.json());
    const [de, en] = await Promise.all([json("de"), json("en")]);
    expect(Object.keys(de)).toEqual(Object.keys(en));
    expect(de.variables).toEqual(en.variables);
    expect(de.prompt).toBe(en.prompt);
  });

  it("the data export's note is German on a German page; keys and values the same", async () => {
    const download = (lang: string) =>
      pages.fetch("/account/settings/export", `${world.cookie}; lang=${lang}`).then((reply) => reply.json());
    const de = await download("de");
    const en = await download("en");
    expect(de.note).toBe("Beträge stehen in der kleinsten Einheit ihrer Währung (1234 EUR = 12,34 €).");
    expect(en.note).toMatch(/^Amounts are in minor units/);
    expect(Object.keys(de)).toEqual(Object.keys(en));
    expect({ ...de, note: null, exportedAt: null }).toEqual({ ...en, note: null, exportedAt: null });
    expect(de.profile).toHaveProperty("locale");
  });
});
