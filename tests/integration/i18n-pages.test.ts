// German everywhere a buyer looks: each page rendered whole by the real app for a German visitor
// (`?lang=de`, the `lang` cookie or Accept-Language) shows its German words, none of a list of its
// English ones, and money the German way ("12,00 €"). English visitors keep the English page. The
// emails a German buyer causes (sign-in link, receipt) are written in German.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestEmailChange } from "~/modules/accounts/email-change.server.ts";
import { requestSignInLink } from "~/modules/accounts/magic-link.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { localizeMessage } from "~/modules/i18n/messages.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, signIn } from "../support/fixtures.ts";
import { type PageRenderer, startPageRenderer } from "../support/storefront-render.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { purchase } from "./licensing-manage-fixtures.ts";
import { aReview, postReview } from "./reviews-fixtures.ts";

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

/** A shop with a listing (AI-made examples, a file, a review by a buyer) and a monthly plan. */
async function makeWorld() {
  const { seller, shop, listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
  await prisma.listing.update({ where: { id: listing.id }, data: { aiGenerated: true } });
  const sale = await purchase(shop.id, listing);
  const buyerCookie = await signIn(sale.buyer.id);
  await postReview(buyerCookie, listing.slug, aReview(5, "Schreibt Einstiege, die Antworten bekommen."));
  const review = await prisma.review.findFirstOrThrow({ where: { listingId: listing.id } });
  const plan = await prisma.plan.create({
    data: {
      shopId: shop.id,
      name: "Werkstatt",
      includesAllListings: true,
      trialDays: 7,
      prices: { create: { amount: 900, currency: "EUR", interval: "MONTH" } },
    },
  });
  const stranger = await signIn((await createUser()).id);
  return { seller, shop, listing, sale, buyerCookie, review, plan, stranger };
}

type Visitor = { cookie?: string | null; languages?: string };

async function html(path: string, { cookie = null, languages }: Visitor = {}) {
  const response = await pages.fetch(
    path,
    cookie,
    languages ? { headers: { "Accept-Language": languages } } : {},
  );
  return { status: response.status, body: await response.text() };
}

/** Text a reader sees: tags and comments out, entities for quotes and apostrophes decoded. */
function visibleText(body: string): string {
  return body
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

function expectGerman(body: string, german: string[], english: string[]) {
  const text = visibleText(body);
  for (const words of german) expect(text, `missing German “${words}”`).toContain(words);
  for (const words of english) expect(text, `English leftover “${words}”`).not.toContain(words);
  expect(body).toMatch(/<html lang="de"/);
}

const cookieDe = (cookie: string) => `${cookie}; lang=de`;

describe("the listing page in German", { timeout: 120_000 }, () => {
  const english = [
    "Example outputs",
    "AI-generated",
    "The seller says these examples",
    "Example 1",
    "Input",
    "Write a review",
    "Verified purchase",
    "Only buyers who paid",
    "Report this listing",
    "Price and buy",
    "Buy now",
    "Sign in to buy",
    "Includes 1 downloadable file",
    "Included in",
    "out of 5 stars",
  ];

  it("shows every label, the AI disclosure, reviews and the sticky bar in German, prices as 12,00 €", async () => {
    const page = await html(`/p/${world.listing.slug}?lang=de`);
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      [
        "Beispielergebnisse",
        "KI-generiert",
        "Laut Verkäufer wurden diese Beispiele mit KI erstellt",
        "Beispiel 1",
        "Eingabe",
        "Ergebnis",
        "Bewertungen",
        "Bestätigter Kauf",
        "Nur wer dieses Angebot gekauft hat",
        "Dieses Angebot melden",
        "Enthält 1 Datei zum Herunterladen.",
        "Enthalten in",
        "9,00 €/Monat",
        "Anmelden und kaufen",
        "12,00 €",
      ],
      english,
    );
    expect(page.body).toContain('aria-label="Preis und Kauf"');
    expect(page.body).toContain('aria-label="5 von 5 Sternen"');
    expect(page.body).not.toContain("€12.00");
  });

  it("speaks German from Accept-Language and the cookie too; English stays English", async () => {
    const fromHeader = await html(`/p/${world.listing.slug}`, { languages: "de-DE,de;q=0.9" });
    expectGerman(
      fromHeader.body,
      ["Beispielergebnisse", "12,00 €"],
      ["Example outputs", "Verified purchase"],
    );
    const buyer = await html(`/p/${world.listing.slug}`, { cookie: cookieDe(world.buyerCookie) });
    expectGerman(buyer.body, ["Bewertung bearbeiten", "Gehört dir"], ["Edit your review", "You own this"]);

    const englishPage = visibleText((await html(`/p/${world.listing.slug}?lang=en`)).body);
    for (const words of ["Example outputs", "Verified purchase", "Report this listing", "€12.00"])
      expect(englishPage).toContain(words);
  });

  it("says 404 and 410 in German", async () => {
    const missing = await html("/p/no-such-listing-here?lang=de");
    expect(missing.status).toBe(404);
    expectGerman(
      missing.body,
      ["Fehler 404", "Diese Seite haben wir nicht gefunden.", "Dieses Angebot gibt es nicht"],
      ["We could not find that page", "This listing does not exist", "Back to the shop"],
    );

    const gone = await createListingForSale();
    await prisma.listing.update({ where: { id: gone.listing.id }, data: { takenDownAt: new Date() } });
    const takenDown = await html(`/p/${gone.listing.slug}?lang=de`);
    if (takenDown.status === 410) {
      expectGerman(
        takenDown.body,
        ["Dieses Angebot ist nicht mehr verfügbar", "Dieses Angebot wurde nach einer Meldung entfernt"],
        ["This listing is no longer available", "was taken down"],
      );
    } else {
      expect(takenDown.status).toBe(404);
    }
  });
});

describe("reviews and reports in German", { timeout: 120_000 }, () => {
  it("the page of all reviews", async () => {
    const page = await html(`/p/${world.listing.slug}/reviews?lang=de`);
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      [`Bewertungen von ${world.listing.title}`, "Bestätigter Kauf", "1 Bewertung"],
      ["Reviews of", "Verified purchase", "1 review"],
    );
  });

  it("the review form for its buyer", async () => {
    const page = await html(`/p/${world.listing.slug}/review`, { cookie: cookieDe(world.buyerCookie) });
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      ["Deine Bewertung bearbeiten", "Deine Sterne", "Bewertung speichern"],
      ["Edit your review", "Your rating", "Save your review", "out of 5 stars"],
    );
  });

  it("the listing report form, with German field errors", async () => {
    const page = await html(`/p/${world.listing.slug}/report?lang=de`);
    expectGerman(
      page.body,
      ["Dieses Angebot melden", "Was stimmt nicht?", "Es kopiert fremde Arbeit", "Deine E-Mail-Adresse"],
      ["What is wrong?", "copies someone else's work", "Your email address", "Send the report"],
    );
    const refused = await pages.fetch(`/p/${world.listing.slug}/report?lang=de`, null, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "ABUSE", details: "kurz" }).toString(),
    });
    expect(refused.status).toBe(400);
    expectGerman(
      await refused.text(),
      ["Beschreibe in ein oder zwei Sätzen, was nicht stimmt"],
      ["Tell us in a sentence or two what is wrong"],
    );
  });

  it("the review report form", async () => {
    const page = await html(`/reviews/${world.review.id}/report`, {
      cookie: world.stranger,
      languages: "de",
    });
    expectGerman(
      page.body,
      ["Bewertung melden", "Was stimmt mit dieser Bewertung nicht?"],
      ["Report a review", "What is wrong with this review?"],
    );
  });

  it("knows the English sentences modules and schemas write", () => {
    expect(localizeMessage("de", "Your review needs at least 10 characters")).toBe(
      "Deine Bewertung braucht mindestens 10 Zeichen",
    );
    expect(localizeMessage("de", "Your review can be at most 2000 characters")).toBe(
      "Deine Bewertung darf höchstens 2000 Zeichen lang sein",
    );
    expect(localizeMessage("de", "Too many reports. Try again in 15 minutes.")).toBe(
      "Zu viele Versuche. Versuche es in 15 Minute(n) noch einmal.",
    );
    expect(localizeMessage("de", "A sentence nobody translated")).toBe("A sentence nobody translated");
    expect(localizeMessage("en", "Your review needs at least 10 characters")).toBe(
      "Your review needs at least 10 characters",
    );
  });
});

describe("shop, plan and the steps of a purchase in German", { timeout: 120_000 }, () => {
  it("the shop page", async () => {
    const page = await html(`/s/${world.shop.handle}?lang=de`);
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      ["Mitgliedschaften", "Angebote", "7 Tage kostenlos testen", "Abonnieren, 9,00 €/Monat"],
      ["Memberships", "Listings", "day free trial", "Subscribe,", "/month", "See what is included"],
    );
  });

  it("the plan page", async () => {
    const page = await html(`/s/${world.shop.handle}/plans/${world.plan.id}?lang=de`);
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      [
        "Mitgliedschaft von",
        "Preis",
        "Monatlich",
        "9,00 €/Monat",
        "Was enthalten ist",
        "Rabattcode (optional)",
      ],
      ["Membership by", "Monthly", "What it includes", "Discount code", "Secure payment by Stripe", "/month"],
    );
  });

  it("checkout, subscribe and claim without a submission, and a refused checkout", async () => {
    const checkout = await html("/checkout?lang=de");
    expectGerman(checkout.body, ["Nichts zu bezahlen"], ["Nothing to check out", "Discover listings"]);
    const subscribe = await html("/subscribe?lang=de");
    expectGerman(subscribe.body, ["Nichts zu abonnieren"], ["Nothing to subscribe to"]);
    const claim = await html("/claim?lang=de");
    expectGerman(claim.body, ["Nichts zu holen"], ["Nothing to claim"]);

    const refused = await pages.fetch("/claim", cookieDe(world.stranger), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ listingId: world.listing.id }).toString(),
    });
    expect(refused.status).toBe(409);
    expectGerman(
      await refused.text(),
      ["Das konnte nicht geholt werden", "Dieses Angebot ist nicht kostenlos"],
      ["This could not be claimed", "This listing is not free"],
    );
  });

  it("the embedded buy card", async () => {
    const response = await pages.fetch(`/embed/p/${world.listing.slug}?lang=de`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expectGerman(
      body,
      [
        "Für 12,00 € kaufen",
        "Die Kasse öffnet sich in einem neuen Tab",
        "Details, Beispiele und Bewertungen",
      ],
      ["Buy for", "Checkout opens", "Details, examples and reviews"],
    );
  });
});

describe("the buyer's own pages in German", { timeout: 120_000 }, () => {
  it("the library", async () => {
    const page = await html("/library", { cookie: cookieDe(world.buyerCookie) });
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      ["Deine Bibliothek", "Deine Bibliothek durchsuchen", "Gekauft", "Aktiv"],
      ["Search your library", "Purchased", "Active"],
    );
  });

  it("an item of the library: content, files and licence key", async () => {
    const page = await html(`/library/${world.sale.entitlement.id}`, { cookie: cookieDe(world.buyerCookie) });
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      ["← Deine Bibliothek", "Dein Prompt", "Dateien", "pack.md herunterladen", "Lizenzschlüssel", "Aktiv:"],
      [
        "← Your library",
        "Your prompt",
        "Download pack.md",
        "Licence key",
        "Copy to clipboard",
        "activations used",
      ],
    );
  });

  it("the account: subscriptions, orders and a receipt", async () => {
    const cookie = cookieDe(world.buyerCookie);
    const orders = await html("/account/orders", { cookie });
    expect(orders.status).toBe(200);
    expectGerman(
      orders.body,
      ["Bestellungen und Quittungen", "Abonnements", "Einstellungen", "Bezahlt", "9,00 €", "Quittung"],
      ["Orders and receipts", "Subscriptions", "Settings", "Paid", "€9.00"],
    );
    const account = await html("/account", { cookie });
    expectGerman(
      account.body,
      ["Dein Konto", "Angemeldet als", "Du hast keine Abonnements"],
      ["Your account", "You have no subscriptions", "Signed in as"],
    );
    const receipt = await html(`/account/orders/${world.sale.order.id}`, { cookie });
    expect(receipt.status).toBe(200);
    expectGerman(
      receipt.body,
      ["Quittung", "Verkauft von", "Rechnung an", "Zwischensumme", "Gesamt", "9,00 €", "Drucken"],
      ["Sold by", "Billed to", "Subtotal", "Total", "Print", "€9.00", "through Stapel"],
    );
  });

  it("a sign-in link that no longer works", async () => {
    const page = await html("/login/verify?lang=de");
    expectGerman(
      page.body,
      ["Dieser Link funktioniert nicht mehr", "Neuen Link anfordern"],
      ["This link no longer works", "Get a new link"],
    );
  });
});

describe("settings, leaving, moving and freeing a device in German", { timeout: 120_000 }, () => {
  it("the page a deleted account lands on", async () => {
    const page = await html("/account/deleted?lang=de");
    expectGerman(
      page.body,
      ["Dein Konto ist gelöscht", "Auf Wiedersehen!", "Zurück zum Shop"],
      ["Your account is deleted", "Goodbye", "Back to the shop"],
    );
  });

  it("the account settings: email, sessions, data and deleting, with the action's answers", async () => {
    const page = await html("/account/settings?lang=de", { cookie: world.stranger });
    expect(page.status).toBe(200);
    expectGerman(
      page.body,
      [
        "Einstellungen",
        "Neue E-Mail-Adresse",
        "Bestätigungslink schicken",
        "Wo du angemeldet bist",
        "Dieses Gerät",
        "Du bist nur auf diesem Gerät angemeldet.",
        "Meine Daten herunterladen (JSON)",
        "Konto löschen",
        "Mein Konto löschen",
        "zur Bestätigung ein",
      ],
      [
        "Settings",
        "New email address",
        "Send confirmation link",
        "Where you're signed in",
        "This device",
        "Download my data",
        "Delete your account",
        "This cannot be undone",
        "to confirm",
      ],
    );
    expect(localizeMessage("de", "Signed out 3 other sessions. This device stays signed in.")).toBe(
      "3 andere Sitzungen abgemeldet. Dieses Gerät bleibt angemeldet.",
    );
    expect(
      localizeMessage(
        "de",
        "We sent a link to b@example.test. Follow it within an hour to move your account there; until then nothing changes.",
      ),
    ).toMatch(/^Wir haben einen Link an b@example\.test geschickt\./);
  });

  it("changing a plan: a subscription that is not yours, and the refusals", async () => {
    const page = await html("/account/subscriptions/cnotasubscription0000000?lang=de", {
      cookie: world.stranger,
    });
    expect(page.status).toBe(404);
    expectGerman(page.body, ["Ein solches Abonnement hast du nicht."], ["You have no such subscription."]);
    expect(localizeMessage("de", "The preview is out of date. Preview the change again.")).toBe(
      "Die Vorschau ist veraltet. Sieh dir die Änderung noch einmal an.",
    );
    expect(
      localizeMessage(
        "de",
        "Your card was declined for the difference (insufficient funds), so your plan stays as it was. Update your payment method and try again.",
      ),
    ).toMatch(/^Deine Karte wurde für die Differenz abgelehnt \(insufficient funds\)/);
  });

  it("the email change link: to confirm, and when it no longer works", async () => {
    const user = await createUser();
    const token = randomBytes(32).toString("base64url");
    await prisma.emailChangeToken.create({
      data: {
        tokenHash: createHash("sha256").update(token).digest("hex"),
        userId: user.id,
        newEmail: `neu-${user.id}@example.test`,
        expiresAt: new Date(Date.now() + 60 * 60_000),
      },
    });
    const confirm = await html(`/account/email-change?token=${token}&lang=de`);
    expect(confirm.status).toBe(200);
    expectGerman(
      confirm.body,
      ["Dein Konto auf neu-", "umstellen?", "zum Anmelden und für Belege", "verwenden"],
      ["Move your account", "to sign in and for receipts", "Use neu-"],
    );
    const dead = await html(`/account/email-change?token=${randomBytes(32).toString("base64url")}&lang=de`);
    expect(dead.status).toBe(410);
    expectGerman(
      dead.body,
      ["Dieser Link funktioniert nicht mehr", "Kontoeinstellungen"],
      ["This link no longer works", "Account settings", "expire after an hour"],
    );
  });

  it("freeing a device without a submission, and the modules' refusals", async () => {
    const page = await html("/library/keys/nothing?lang=de", { cookie: world.stranger });
    expectGerman(
      page.body,
      ["Nichts freizugeben", "Dieses Gerät freigeben", "Deine Bibliothek"],
      ["Nothing to free", "Free this device", "Your library"],
    );
    expect(
      localizeMessage("de", "This device is not activated with your key (it may be freed already)."),
    ).toBe("Dieses Gerät ist nicht mit deinem Schlüssel aktiviert (vielleicht wurde es schon freigegeben).");
    expect(
      localizeMessage(
        "de",
        "a@example.test already belongs to another Stapel account. Sign in with it, or choose another address.",
      ),
    ).toBe(
      "a@example.test gehört schon zu einem anderen Stapel-Konto. Melde dich damit an oder wähle eine andere Adresse.",
    );
    expect(
      localizeMessage(
        "de",
        "This link has expired or was already used. Ask for a new one on your account settings.",
      ),
    ).toMatch(/^Dieser Link ist abgelaufen/);
  });
});

describe("emails to a German buyer", { timeout: 120_000 }, () => {
  it("the sign-in link is written in the language of the page it was asked from", async () => {
    const email = `de-${Date.now().toString(36)}@example.com`;
    expect(await requestSignInLink(email, null, "de")).toEqual({ ok: true });
    const sent = await prisma.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(sent.subject).toBe("Dein Anmeldelink für Stapel");
    expect(sent.html).toContain('lang="de"');
    expect(sent.text).toContain("Klicke auf den Knopf, um dich bei Stapel anzumelden");
    expect(sent.text).not.toContain("Click the button");

    const englishAddress = `en-${Date.now().toString(36)}@example.com`;
    await requestSignInLink(englishAddress, null);
    const english = await prisma.emailMessage.findFirstOrThrow({ where: { to: englishAddress } });
    expect(english.subject).toBe("Your Stapel sign-in link");
  });

  it("both email change emails follow the language of the settings page that asked", async () => {
    const user = await createUser();
    const newEmail = `umzug-${user.id}@example.com`;
    expect(await requestEmailChange(user.id, newEmail, "de")).toMatchObject({ ok: true });
    const confirm = await prisma.emailMessage.findFirstOrThrow({ where: { to: newEmail } });
    expect(confirm.subject).toBe("Bestätige deine neue E-Mail-Adresse für Stapel");
    expect(confirm.html).toContain('lang="de"');
    expect(confirm.text).toContain("Diese Adresse verwenden");
    expect(confirm.text).not.toMatch(/Click the button|Use this address/);
    const notice = await prisma.emailMessage.findFirstOrThrow({
      where: { to: user.email, subject: { startsWith: "Jemand" } },
    });
    expect(notice.subject).toBe("Jemand möchte dein Stapel-Konto umziehen");
    expect(notice.text).toContain("Überall sonst abmelden");

    const englishUser = await createUser();
    await requestEmailChange(englishUser.id, `move-${englishUser.id}@example.com`);
    const english = await prisma.emailMessage.findFirstOrThrow({
      where: { to: `move-${englishUser.id}@example.com` },
    });
    expect(english.subject).toBe("Confirm your new email address for Stapel");
  });

  it("the receipt follows the checkout the buyer started in German", async () => {
    const { shop, listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
    const buyer = await createUser();
    const started = await startCheckout(buyer, listing.id, { language: "de" });
    if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
    await payHostedCheckout(started.url, "4242 4242 4242 4242", buyer.email);
    await settleWebhooks(app.sandbox);
    const receipt = await prisma.emailMessage.findFirstOrThrow({
      where: { to: buyer.email, idempotencyKey: { startsWith: "receipt:" } },
    });
    receipt.text = receipt.text.replace(/\u00a0/g, " ");
    expect(receipt.subject).toBe(`Dein Kauf bei ${shop.name}`);
    expect(receipt.text).toContain("Bezahlt: 12,00 €");
    expect(receipt.text).toContain("Lizenzschlüssel");
    expect(receipt.text).not.toMatch(/Total paid|Thank you for your purchase|€12\.00/);
  });
});
