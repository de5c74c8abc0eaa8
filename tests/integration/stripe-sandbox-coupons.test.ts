import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeSandbox, startStripeSandbox } from "../../stripe-sandbox/index.ts";
import { advanceClock, payCheckout, sandboxClient, submitForm } from "../../stripe-sandbox/testing.ts";

let sandbox: StripeSandbox;
let stripe: Stripe;
beforeAll(async () => {
  sandbox = await startStripeSandbox({ port: 0 });
  stripe = sandboxClient(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

async function product() {
  return stripe.products.create({ name: "Prompt pack" });
}

const session = (productId: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: "payment",
    success_url: "http://stapel.test/ok?session_id={CHECKOUT_SESSION_ID}",
    line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 2000, product: productId } }],
    ...extra,
  });

describe("sandbox coupons and promotion codes through the real SDK", { timeout: 60_000 }, () => {
  it("creates, retrieves and deletes coupons with Stripe's rules", async () => {
    const percent = await stripe.coupons.create({
      percent_off: 25,
      duration: "repeating",
      duration_in_months: 3,
    });
    expect(percent).toMatchObject({
      object: "coupon",
      percent_off: 25,
      duration: "repeating",
      duration_in_months: 3,
      valid: true,
      times_redeemed: 0,
    });
    expect(await stripe.coupons.retrieve(percent.id)).toEqual(percent);
    expect(await refusal(stripe.coupons.create({ amount_off: 500 }))).toMatchObject({
      code: "parameter_missing",
      param: "currency",
    });
    expect(await refusal(stripe.coupons.create({ percent_off: 10, duration: "repeating" }))).toMatchObject({
      param: "duration_in_months",
    });
    expect(
      await refusal(stripe.coupons.create({ percent_off: 10, amount_off: 5, currency: "eur" })),
    ).toMatchObject({ code: "parameters_exclusive" });
    await stripe.coupons.create({ id: "TEN", percent_off: 10 });
    expect(await refusal(stripe.coupons.create({ id: "TEN", percent_off: 10 }))).toMatchObject({
      code: "resource_already_exists",
    });
    expect(await stripe.coupons.del("TEN")).toEqual({ id: "TEN", object: "coupon", deleted: true });
    expect(await refusal(stripe.coupons.retrieve("TEN"))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
  });

  it("promotion codes: one active code per code, listed by code, deactivated by update", async () => {
    const coupon = await stripe.coupons.create({ amount_off: 500, currency: "eur", duration: "forever" });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: coupon.id },
      code: "SPRING-5",
      max_redemptions: 2,
    });
    expect(promo).toMatchObject({
      object: "promotion_code",
      code: "SPRING-5",
      active: true,
      max_redemptions: 2,
      times_redeemed: 0,
      promotion: { type: "coupon", coupon: coupon.id },
    });
    expect(
      await refusal(
        stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code: "spring-5" }),
      ),
    ).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((await stripe.promotionCodes.list({ code: "SPRING-5" })).data.map((row) => row.id)).toEqual([
      promo.id,
    ]);
    expect(
      await refusal(
        stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, expires_at: 1 }),
      ),
    ).toMatchObject({ param: "expires_at" });
    const off = await stripe.promotionCodes.update(promo.id, { active: false });
    expect(off.active).toBe(false);
    const p = await product();
    expect(await refusal(session(p.id, { discounts: [{ promotion_code: promo.id }] }))).toMatchObject({
      code: "coupon_expired",
    });
  });

  it("applies a discount in Checkout: totals, discounts, the charge, and a redemption on completion", async () => {
    const p = await product();
    const coupon = await stripe.coupons.create({
      percent_off: 25,
      max_redemptions: 1,
      applies_to: { products: [p.id] },
    });
    const promo = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id } });
    const created = await session(p.id, { discounts: [{ promotion_code: promo.id }] });
    expect(created).toMatchObject({
      amount_subtotal: 2000,
      amount_total: 1500,
      total_details: { amount_discount: 500, amount_shipping: 0, amount_tax: 0 },
      discounts: [{ coupon: coupon.id, promotion_code: promo.id }],
    });
    const items = await stripe.checkout.sessions.listLineItems(created.id);
    expect(items.data[0]).toMatchObject({ amount_subtotal: 2000, amount_discount: 500, amount_total: 1500 });
    expect(
      await refusal(session(p.id, { discounts: [{ coupon: coupon.id }], allow_promotion_codes: true })),
    ).toMatchObject({ code: "parameters_exclusive" });
    const other = await product();
    expect(await refusal(session(other.id, { discounts: [{ coupon: coupon.id }] }))).toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );

    expect((await payCheckout(created.url ?? "", { cardNumber: "4242424242424242" })).status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(created.id, { expand: ["payment_intent"] });
    expect((paid.payment_intent as Stripe.PaymentIntent).amount).toBe(1500);
    expect((await stripe.coupons.retrieve(coupon.id)).times_redeemed).toBe(1);
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    // max_redemptions reached: the coupon is no longer valid.
    expect((await stripe.coupons.retrieve(coupon.id)).valid).toBe(false);
    expect(await refusal(session(p.id, { discounts: [{ coupon: coupon.id }] }))).toMatchObject({
      code: "coupon_expired",
    });
  });

  it("an amount_off coupon in another currency is refused; a 100% code completes with nothing to pay", async () => {
    const p = await product();
    const dollars = await stripe.coupons.create({ amount_off: 500, currency: "usd" });
    expect(await refusal(session(p.id, { discounts: [{ coupon: dollars.id }] }))).toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    const all = await stripe.coupons.create({ percent_off: 100 });
    const free = await session(p.id, { discounts: [{ coupon: all.id }] });
    expect(free.amount_total).toBe(0);
    await payCheckout(free.url ?? "", { cardNumber: "4242424242424242" });
    const done = await stripe.checkout.sessions.retrieve(free.id);
    expect(done).toMatchObject({
      status: "complete",
      payment_status: "no_payment_required",
      payment_intent: null,
    });
  });

  it("the hosted page takes a promotion code when allow_promotion_codes is set, and explains a refusal", async () => {
    const p = await product();
    const coupon = await stripe.coupons.create({ percent_off: 10 });
    await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code: "HELLO10" });
    const created = await session(p.id, { allow_promotion_codes: true });
    expect(created.allow_promotion_codes).toBe(true);
    const wrong = await submitForm(created.url ?? "", { promotion_code: "NOPE" });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("This code is invalid.");
    const right = await submitForm(created.url ?? "", { promotion_code: "hello10" });
    expect(right.status).toBe(200);
    expect(right.html).toContain("Pay €18.00");
    const updated = await stripe.checkout.sessions.retrieve(created.id);
    expect(updated.total_details?.amount_discount).toBe(200);
  });

  describe("subscription mode", () => {
    const T0 = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;
    const HOUR = 60 * 60;

    /** A €10/month subscription of a customer on a test clock, started by Checkout with `extra`. */
    async function subscribeWith(extra: Partial<Stripe.Checkout.SessionCreateParams>, code?: string) {
      const p = await product();
      const price = await stripe.prices.create({
        currency: "eur",
        unit_amount: 1000,
        recurring: { interval: "month" },
        product: p.id,
      });
      const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
      const customer = await stripe.customers.create({ email: "sub@example.com", test_clock: clock.id });
      const created = await stripe.checkout.sessions.create({
        mode: "subscription",
        customer: customer.id,
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "http://stapel.test/ok",
        ...extra,
      });
      if (code) expect((await submitForm(created.url ?? "", { promotion_code: code })).status).toBe(200);
      expect((await payCheckout(created.url ?? "", { cardNumber: "4242424242424242" })).status).toBe(303);
      const done = await stripe.checkout.sessions.retrieve(created.id);
      const subscription = await stripe.subscriptions.retrieve(String(done.subscription));
      const invoices = async () =>
        (await stripe.invoices.list({ subscription: subscription.id, limit: 20 })).data.sort(
          (a, b) => a.created - b.created,
        );
      /** Moves to `months` periods after the start, past the hour a renewal draft waits. */
      const renewTo = async (months: number) => {
        const at = new Date(T0 * 1000);
        at.setUTCMonth(at.getUTCMonth() + months);
        await advanceClock(stripe, clock.id, at.getTime() / 1000 + 2 * HOUR);
      };
      return { done, subscription, invoices, renewTo, product: p };
    }

    it("once: the first invoice only, then the discount is removed", async () => {
      const coupon = await stripe.coupons.create({ percent_off: 20, duration: "once" });
      const { done, subscription, invoices, renewTo } = await subscribeWith({
        discounts: [{ coupon: coupon.id }],
      });
      expect(done).toMatchObject({ amount_subtotal: 1000, amount_total: 800 });
      const [first] = await invoices();
      const discountId = String(first?.discounts[0]);
      expect(discountId).toMatch(/^di_/);
      expect(first).toMatchObject({
        subtotal: 1000,
        total: 800,
        amount_paid: 800,
        discounts: [discountId],
        total_discount_amounts: [{ amount: 200, discount: discountId }],
      });
      expect(first?.lines.data[0]).toMatchObject({
        amount: 1000,
        discounts: [discountId],
        discount_amounts: [{ amount: 200, discount: discountId }],
      });
      expect((await stripe.subscriptions.retrieve(subscription.id)).discounts).toEqual([]);
      await renewTo(1);
      const [, second] = await invoices();
      expect(second).toMatchObject({
        total: 1000,
        amount_paid: 1000,
        discounts: [],
        total_discount_amounts: [],
      });
      expect((await stripe.coupons.retrieve(coupon.id)).times_redeemed).toBe(1);
    });

    it("repeating for 2 months: two invoices discounted; forever: every invoice", async () => {
      const two = await stripe.coupons.create({
        percent_off: 20,
        duration: "repeating",
        duration_in_months: 2,
      });
      const repeating = await subscribeWith({ discounts: [{ coupon: two.id }] });
      await repeating.renewTo(1);
      await repeating.renewTo(2);
      expect((await repeating.invoices()).map((invoice) => invoice.total)).toEqual([800, 800, 1000]);
      expect((await stripe.subscriptions.retrieve(repeating.subscription.id)).discounts).toEqual([]);

      const always = await stripe.coupons.create({ amount_off: 300, currency: "eur", duration: "forever" });
      const forever = await subscribeWith({ discounts: [{ coupon: always.id }] });
      await forever.renewTo(1);
      await forever.renewTo(2);
      expect((await forever.invoices()).map((invoice) => invoice.total)).toEqual([700, 700, 700]);
    });

    it("a code typed on the hosted page (allow_promotion_codes) discounts the subscription too", async () => {
      const coupon = await stripe.coupons.create({ percent_off: 10, duration: "forever" });
      await stripe.promotionCodes.create({
        promotion: { type: "coupon", coupon: coupon.id },
        code: "SUBS10",
      });
      const { done, subscription, invoices } = await subscribeWith({ allow_promotion_codes: true }, "subs10");
      expect(done.total_details?.amount_discount).toBe(100);
      expect(subscription.discounts).toHaveLength(1);
      expect((await invoices())[0]).toMatchObject({ total: 900, amount_paid: 900 });
    });
  });
});
