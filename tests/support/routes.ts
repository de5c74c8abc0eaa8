import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

/** What the HTTP server would pass; `clientAddress` is the visitor's address rate limits count. */
export function testContext(overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return { requestId: "test-request", nonce: "test-nonce", clientAddress: "192.0.2.1", ...overrides };
}

/** Calls a route loader or action the way Remix does and returns its data or thrown Response. */
type RouteFunction = (args: LoaderFunctionArgs) => unknown;

export type RouteOutcome<T = unknown> =
  | { kind: "data"; data: T; status: number; headers: Headers }
  | { kind: "response"; response: Response };

// Tests read loader data loosely (item.data.files[0].href); the route's own types are checked in app code.
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function callRoute<T = any>(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
  context: AppLoadContext = testContext(),
): Promise<RouteOutcome<T>> {
  try {
    const result = await fn({ request, params, context });
    if (result instanceof Response) return { kind: "response", response: result };
    // data() from @remix-run/node wraps the payload with its ResponseInit.
    if (
      result &&
      typeof result === "object" &&
      (result as { type?: string }).type === "DataWithResponseInit"
    ) {
      const wrapped = result as { data: T; init: ResponseInit | null };
      return {
        kind: "data",
        data: wrapped.data,
        status: wrapped.init?.status ?? 200,
        headers: new Headers(wrapped.init?.headers),
      };
    }
    return { kind: "data", data: result as T, status: 200, headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response) return { kind: "response", response: thrown };
    throw thrown;
  }
}

export function expectData<T>(outcome: RouteOutcome<T>): { data: T; status: number; headers: Headers } {
  if (outcome.kind !== "data") throw new Error(`expected data, got a ${outcome.response.status} response`);
  return outcome;
}

export function expectResponse(outcome: RouteOutcome): Response {
  if (outcome.kind !== "response")
    throw new Error(`expected a Response, got data: ${JSON.stringify(outcome.data).slice(0, 200)}`);
  return outcome.response;
}
