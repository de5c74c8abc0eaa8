// Opening a shop (/sell), its settings and getting paid (Stripe Connect onboarding under
// /dashboard/payouts). No probe changes the shared world: every POST is refused before it writes.
import { badRequest, members, ok, type Row, sellers, to } from "../support/access.ts";

export const rows: Record<string, Row> = {
  "routes/sell": {
    private: true,
    probes: [
      {
        label: "the open-a-shop form",
        method: "GET",
        path: () => "/sell",
        expect: members(ok, { sellerA: to("/dashboard"), sellerB: to("/dashboard") }),
      },
      {
        label: "opening a shop with a reserved handle",
        method: "POST",
        path: () => "/sell",
        body: () => ({ form: { handle: "admin", name: "Mine", defaultCurrency: "EUR" } }),
        // A seller's page render runs the loader, which sends them to the shop they have.
        expect: members(badRequest, { sellerA: to("/dashboard"), sellerB: to("/dashboard") }),
      },
      {
        label: "opening a shop with shop A's handle (sellers: a second shop)",
        method: "POST",
        path: () => "/sell",
        body: (w) => ({ form: { handle: w.shopA.shop.handle, name: "Mine", defaultCurrency: "EUR" } }),
        expect: members({ status: 409 }, { sellerA: to("/dashboard"), sellerB: to("/dashboard") }),
      },
    ],
  },
  "routes/dashboard.settings": {
    private: true,
    probes: [
      { label: "the shop's settings", method: "GET", path: () => "/dashboard/settings", expect: sellers(ok) },
      {
        label: "saving settings without a name",
        method: "POST",
        path: () => "/dashboard/settings",
        body: () => ({ form: { name: "", defaultCurrency: "EUR" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.payouts": {
    private: true,
    probes: [
      { label: "the payouts page", method: "GET", path: () => "/dashboard/payouts", expect: sellers(ok) },
      {
        label: "an unknown payouts action",
        method: "POST",
        path: () => "/dashboard/payouts",
        body: () => ({ form: { intent: "delete-account" } }),
        expect: sellers(badRequest),
      },
    ],
  },
  "routes/dashboard.payouts.return": {
    private: true,
    probes: [
      {
        label: "coming back from Stripe's onboarding",
        method: "GET",
        path: () => "/dashboard/payouts/return",
        expect: sellers(to("/dashboard/payouts?from=return")),
      },
    ],
  },
  "routes/dashboard.payouts.refresh": {
    private: true,
    probes: [
      {
        label: "an expired onboarding link",
        method: "GET",
        path: () => "/dashboard/payouts/refresh",
        expect: sellers(to("/dashboard/payouts?from=refresh")),
      },
    ],
  },
};
