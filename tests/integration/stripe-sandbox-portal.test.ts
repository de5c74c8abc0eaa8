import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { payCheckout, sandboxClient, submitForm } from "../../stripe-sandbox/testing.ts";

/** The customer portal: sessions and configurations through the SDK, actions on the hosted page. */

const RETURN_URL = "http://stapel.test/account/billing";

describe("Stripe sandbox: billing portal", () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  let pro: Stripe.Price;
  let max: Stripe.Price;
  let configuration: Stripe.BillingPortal.Configuration;

  beforeAll(async () => {
    sandbox = await startStripeSandbox();
    stripe = sandboxClient(sandbox);
    const proProduct = await stripe.products.create({ name: "Pro" });
    const maxProduct = await stripe.products.create({ name: "Max" });
    pro = await stripe.prices.create({
      product: proProduct.id,
      currency: "eur",
      unit_amount: 900,
      recurring: { interval: "month" },
    });
    max = await stripe.prices.create({
      product: maxProduct.id,
      currency: "eur",
      unit_amount: 1900,
      recurring: { interval: "month" },
    });
    configuration = await stripe.billingPortal.configurations.create({
      business_profile: { headline: "Stapel plans" },
      features: {
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true },
        subscription_cancel: { enabled: true, mode: "at_period_end" },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "create_prorations",
          products: [
            { product: proProduct.id, prices: [pro.id] },
            { product: maxProduct.id, prices: [max.id] },
          ],
        },
      },
    });
  });

  afterAll(() => sandbox?.close());

  async function subscriber(email: string) {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: email,
      line_items: [{ price: pro.id, quantity: 1 }],
      success_url: "http://stapel.test/ok",
    });
    await payCheckout(session.url ?? "", { cardNumber: "4242424242424242", email });
    const done = await stripe.checkout.sessions.retrieve(session.id);
    const subscription = await stripe.subscriptions.retrieve(String(done.subscription));
    return { customer: String(done.customer), subscription };
  }

  it("creates configurations and sessions with Stripe's shapes", async () => {
    expect(configuration).toMatchObject({
      object: "billing_portal.configuration",
      is_default: false,
      active: true,
      features: {
        subscription_cancel: { enabled: true, mode: "at_period_end" },
        subscription_update: { enabled: true, proration_behavior: "create_prorations" },
      },
    });
    const { customer } = await subscriber("portal-shape@example.com");
    const session = await stripe.billingPortal.sessions.create({
      customer,
      return_url: RETURN_URL,
      configuration: configuration.id,
    });
    expect(session).toMatchObject({
      object: "billing_portal.session",
      customer,
      return_url: RETURN_URL,
      configuration: configuration.id,
      flow: null,
      livemode: false,
    });
    expect(session.url).toBe(`${sandbox.url}/p/session/${session.id}`);
    expect(
      sandbox
        .events()
        .some((e) => e.type === "billing_portal.session.created" && e.data.object.id === session.id),
    ).toBe(true);

    const fallback = await stripe.billingPortal.sessions.create({ customer });
    const defaults = await stripe.billingPortal.configurations.retrieve(String(fallback.configuration));
    expect(defaults).toMatchObject({
      is_default: true,
      features: { subscription_cancel: { enabled: true } },
    });

    const missing = await stripe.billingPortal.sessions
      .create({ customer: "cus_missing" })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "customer" });

    // The portal's own list of languages: "en-AU" is one of them (not Checkout's), "xx" is not.
    const australian = await stripe.billingPortal.sessions.create({ customer, locale: "en-AU" });
    expect(australian.locale).toBe("en-AU");
    const refused = await stripe.billingPortal.sessions
      .create({ customer, locale: "xx" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({
      statusCode: 400,
      param: "locale",
      message: expect.stringMatching(/^Invalid locale: must be one of auto, .*en-AU.*zh-TW/),
    });
  });

  it("lists subscriptions, cancels at period end and renews, with the API's events", async () => {
    const { customer, subscription } = await subscriber("portal-cancel@example.com");
    const session = await stripe.billingPortal.sessions.create({
      customer,
      return_url: RETURN_URL,
      configuration: configuration.id,
    });
    const page = await (await fetch(session.url)).text();
    expect(page).toContain("Stapel plans");
    expect(page).toContain("Pro · €9.00 / month");
    expect(page).toContain("Cancel subscription");
    expect(page).toContain("Max · €19.00 / month");
    expect(page).toContain("visa •••• 4242");
    expect(page).toContain("Invoice history");
    expect(page).toContain(`href="${RETURN_URL}"`);

    const from = sandbox.events().length;
    const canceled = await submitForm(session.url, { action: "cancel", subscription: subscription.id });
    expect(canceled.status).toBe(303);
    expect(canceled.location).toMatch(new RegExp(`^/p/session/${session.id}\\?notice=`));
    const event = sandbox.events()[from];
    expect(event).toMatchObject({
      type: "customer.subscription.updated",
      request: { id: null, idempotency_key: null },
    });
    expect(event?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at_period_end: true,
    });
    expect(await (await fetch(`${sandbox.url}${canceled.location}`)).text()).toContain("Renew subscription");

    await submitForm(session.url, { action: "renew", subscription: subscription.id });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });
  });

  it("switches plan with the configured prorations", async () => {
    const { customer, subscription } = await subscriber("portal-switch@example.com");
    const session = await stripe.billingPortal.sessions.create({ customer, configuration: configuration.id });
    const from = sandbox.events().length;
    const switched = await submitForm(session.url, {
      action: "switch",
      subscription: subscription.id,
      price: max.id,
    });
    expect(switched.status).toBe(303);
    expect(
      sandbox
        .events()
        .slice(from)
        .map((e) => e.type),
    ).toEqual(["customer.subscription.updated", "invoiceitem.created", "invoiceitem.created"]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(max.id);
    const refused = await submitForm(session.url, {
      action: "switch",
      subscription: subscription.id,
      price: "price_other",
    });
    expect(refused.status).toBe(400);
  });

  it("saves a new card, including one whose charges will fail, and refuses a declined one", async () => {
    const { customer, subscription } = await subscriber("portal-card@example.com");
    const session = await stripe.billingPortal.sessions.create({ customer, configuration: configuration.id });
    const card = { action: "card", expiry: "12 / 34", cvc: "123", name: "Card Holder" };
    const declined = await submitForm(session.url, { ...card, cardNumber: "4000 0000 0000 0002" });
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('<div role="alert">Your card was declined.</div>');

    const from = sandbox.events().length;
    const saved = await submitForm(session.url, { ...card, cardNumber: "4000 0000 0000 0341" });
    expect(saved.status).toBe(303);
    expect(
      sandbox
        .events()
        .slice(from)
        .map((e) => e.type),
    ).toEqual(["payment_method.attached", "customer.updated", "customer.subscription.updated"]);
    const updated = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ["default_payment_method"],
    });
    expect((updated.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe("0341");
    const owner = (await stripe.customers.retrieve(customer)) as Stripe.Customer;
    expect(owner.invoice_settings.default_payment_method).toBe(
      (updated.default_payment_method as Stripe.PaymentMethod).id,
    );
  });

  it("deep-links into a cancel flow that redirects when done, and cancels immediately when configured", async () => {
    const immediate = await stripe.billingPortal.configurations.create({
      features: { subscription_cancel: { enabled: true, mode: "immediately" } },
    });
    const { customer, subscription } = await subscriber("portal-flow@example.com");
    const session = await stripe.billingPortal.sessions.create({
      customer,
      configuration: immediate.id,
      return_url: RETURN_URL,
      flow_data: {
        type: "subscription_cancel",
        subscription_cancel: { subscription: subscription.id },
        after_completion: { type: "redirect", redirect: { return_url: `${RETURN_URL}?canceled=1` } },
      },
    });
    expect(session.flow).toMatchObject({
      type: "subscription_cancel",
      subscription_cancel: { subscription: subscription.id },
      after_completion: { type: "redirect", redirect: { return_url: `${RETURN_URL}?canceled=1` } },
    });
    const page = await (await fetch(session.url)).text();
    expect(page).toContain("Cancel subscription");
    expect(page).not.toContain("Invoice history");
    const done = await submitForm(session.url, { action: "cancel", subscription: subscription.id });
    expect(done).toMatchObject({ status: 303, location: `${RETURN_URL}?canceled=1` });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "canceled" });

    const noUpdate = await stripe.billingPortal.sessions
      .create({
        customer,
        configuration: immediate.id,
        flow_data: { type: "subscription_update", subscription_update: { subscription: subscription.id } },
      })
      .catch((e: unknown) => e);
    expect(noUpdate).toMatchObject({ statusCode: 400, param: "flow_data[type]" });
    const other = await subscriber("portal-other@example.com");
    const foreign = await stripe.billingPortal.sessions
      .create({
        customer,
        configuration: configuration.id,
        flow_data: {
          type: "subscription_cancel",
          subscription_cancel: { subscription: other.subscription.id },
        },
      })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
