// The access matrix's vocabulary: probes, expected answers and who gets them. The rows live in
// ../access-table.ts (and ../access/<area>.ts).
import type { Principal, World } from "./world.ts";

export type Expectation =
  /** Exactly this status. */
  | { status: number }
  /** Any 3xx whose Location (resolved like a browser does) starts with this same-origin path. */
  | { redirect: string }
  /** Any 3xx to a page of Stripe's: a Checkout Session's payment page or a billing portal session. */
  | { redirectToStripe: "checkout" | "billing-portal" }
  /** Any 4xx (validation answers whose exact code is the route's business). */
  | { clientError: true };

export type Body =
  | { form: Record<string, string> }
  | { json: unknown }
  | { raw: string; contentType: string };

export type Probe = {
  /** What is asked for, in words: shown in test names. */
  label: string;
  method: "GET" | "POST";
  path: (world: World) => string;
  body?: (world: World) => Body;
  expect: Record<Principal, Expectation>;
};

export type Row =
  | {
      /** Pages whose answer is personal: `Cache-Control: private, no-store` for everyone. */
      private?: boolean;
      /**
       * Content-addressed bytes, the same for everyone (image variants): a 200 is cached publicly
       * and immutably even for a signed-in visitor.
       */
      shared?: boolean;
      probes: Probe[];
    }
  /** A layout (a route with children): its loader runs with every child's probes. Say which. */
  | { layout: string; private?: boolean };

/** Shaped like our ids (cuids), naming no row. */
export const MISSING_ID = "cmissing00000000000000000";

export const ok = { status: 200 } as const;
export const notFound = { status: 404 } as const;
export const forbidden = { status: 403 } as const;
export const methodNotAllowed = { status: 405 } as const;
export const badRequest = { status: 400 } as const;
export const clientError = { clientError: true } as const;
export const toLogin = { redirect: "/login?redirectTo=" } as const;
export const toPayment = { redirectToStripe: "checkout" } as const;
export const toBillingPortal = { redirectToStripe: "billing-portal" } as const;
export const to = (path: string) => ({ redirect: path }) as const;

/** The same answer for everyone, with exceptions. */
export const everyone = (
  expectation: Expectation,
  except: Partial<Record<Principal, Expectation>> = {},
): Record<Principal, Expectation> => ({
  anonymous: expectation,
  buyerA: expectation,
  buyerB: expectation,
  sellerA: expectation,
  sellerB: expectation,
  admin: expectation,
  ...except,
});

/** Signed-in only: anonymous visitors are sent to sign in and come back afterwards. */
export const members = (expectation: Expectation, except: Partial<Record<Principal, Expectation>> = {}) =>
  everyone(expectation, { anonymous: toLogin, ...except });

/** Seller pages: buyers and admins (no shop) are refused, anonymous visitors sent to sign in. */
export const sellers = (expectation: Expectation, except: Partial<Record<Principal, Expectation>> = {}) =>
  members(forbidden, { sellerA: expectation, sellerB: expectation, ...except });
