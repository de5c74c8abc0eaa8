// User.locale, the language the person last used: set by signing in (the sign-in page's language),
// by paying (the checkout's language), by switching language while signed in, and by the settings
// page's "Language for emails" form, which refuses anything but English or Deutsch with a 400 and
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeSignInToken, requestSignInLink } from "~/modules/accounts/magic-link.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import * as root from "~/root.tsx";
import { prisma } from "~/utils/db.server.ts";
import { payHostedCheckout, startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData } from "../support/routes.ts";
import { settleWebhooks } from "../support/webhooks.ts";
import { formErrors, latestEmail, linkIn, loadSettings, postSettings } from "./account-settings-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const fresh = (tag: string) => `${tag}-${Date.now().toString(36)}${counter++}@example.com`;
const localeOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id } })).locale;

describe("the account's language (User.locale)", { timeout: 120_000 }, () => {
  it("the settings form saves English or Deutsch and shows the choice", async () => {
    const user = await createUser(fresh("settings"));
    const cookie = await signIn(user.id);
    expect(expectData(await loadSettings(cookie)).data).toMatchObject({ emailLanguage: null });
    const saved = expectData(await postSettings(cookie, { intent: "email-language", language: "de" }));
    expect(saved.status).toBe(200);
    expect(saved.data.done).toBeTruthy();
    expect(await localeOf(user.id)).toBe("de");
    expect(expectData(await loadSettings(cookie)).data).toMatchObject({ emailLanguage: "de" });
    expect(expectData(await postSettings(cookie, { intent: "email-language", language: "en" })).status).toBe(
      200,
    );
    expect(await localeOf(user.id)).toBe("en");
  });

  it.each([
    ["an unknown language", { language: "fr" }],
    ["an upper-case code", { language: "DE" }],
    ["an empty choice", { language: "" }],
    ["no choice", {}],
    ["markup", { language: "<script>de</script>" }],
  ])("the settings form refuses %s with a 400 and changes nothing", async (_name, fields) => {
    const user = await prisma.user.create({ data: { email: fresh("refused"), locale: "de" } });
    const cookie = await signIn(user.id);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const reply = expectData(await postSettings(cookie, { intent: "email-language", ...fields }));
    expect(reply.status).toBe(400);
    expect(reply.data.intent).toBe("email-language");
    expect(formErrors(reply.data).length).toBeGreaterThan(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  it("signing in from a German page makes a new account German; an English one makes it English", async () => {
    const email = fresh("signin");
    await requestSignInLink(email, null, "de");
    const first = await latestEmail(email, "sign-in:");
    const signedIn = await consumeSignInToken(linkIn(first?.text ?? "", "/login/verify").token);
    expect(signedIn?.user.locale).toBe("de");
    await requestSignInLink(email, null, "en");
    const second = await latestEmail(email, "sign-in:");
    await consumeSignInToken(linkIn(second?.text ?? "", "/login/verify").token);
    expect(await localeOf(signedIn?.user.id ?? "")).toBe("en");
  });

  it("switching language while signed in is remembered; browsing without ?lang= changes nothing", async () => {
    const user = await createUser(fresh("switcher"));
    const cookie = await signIn(user.id);
    await callRoute(root.loader, requestAs(cookie, "/?lang=de"));
    expect(await localeOf(user.id)).toBe("de");
    await callRoute(root.loader, requestAs(`${cookie}; lang=en`, "/"));
    expect(await localeOf(user.id)).toBe("de");
    await callRoute(root.loader, requestAs(cookie, "/library?lang=en"));
    expect(await localeOf(user.id)).toBe("en");
    // Anonymous switches touch no account.
    await callRoute(root.loader, requestAs(null, "/?lang=de"));
    expect(await localeOf(user.id)).toBe("en");
  });

  it("paying in a German checkout makes the buyer German", async () => {
    const { listing } = await createListingForSale({ priceAmount: 1200, currency: "EUR" });
    const buyer = await createUser(fresh("checkout"));
    const started = await startCheckout(buyer, listing.id, { language: "de" });
    if (started.kind !== "redirect-to-stripe") throw new Error(`checkout did not start: ${started.kind}`);
    await payHostedCheckout(started.url, "4242 4242 4242 4242", buyer.email);
    await settleWebhooks(app.sandbox);
    expect(await localeOf(buyer.id)).toBe("de");
  });
});
