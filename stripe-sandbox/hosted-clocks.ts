import { quickTargets, startAdvance, subscriptionsOnClock } from "./billing/clock-runner.ts";
import type { SandboxContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import type { HtmlResponse } from "./hosted-checkout.ts";
import { type ClockView, renderClocksPage } from "./pages/clocks-page.ts";

const html = (status: number, body: string): HtmlResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  body,
});

function views(ctx: SandboxContext): ClockView[] {
  return [...ctx.store.testClocks.values()].reverse().map((clock) => ({
    clock,
    customers: [...ctx.store.customers.values()].filter((c) => c.test_clock === clock.id),
    subscriptions: subscriptionsOnClock(ctx, clock.id),
    targets: quickTargets(ctx, clock),
  }));
}

/** GET /test-clocks and POST /test-clocks/:id/advance (`to`: Unix time, or `at`: a UTC datetime-local). */
export function handleClocksPage(
  ctx: SandboxContext,
  method: string,
  clockId: string | undefined,
  body: string,
): HtmlResponse {
  if (method !== "POST" || !clockId) return html(200, renderClocksPage(views(ctx)));
  const clock = ctx.store.testClocks.get(clockId);
  if (!clock) return html(404, renderClocksPage(views(ctx), { error: `No such test clock: ${clockId}` }));
  const form = new URLSearchParams(body);
  const at = form.get("at");
  const target = form.get("to") ? Number(form.get("to")) : at ? Date.parse(`${at}Z`) / 1000 : Number.NaN;
  if (!Number.isFinite(target))
    return html(400, renderClocksPage(views(ctx), { error: "Choose a time to advance to." }));
  try {
    startAdvance(ctx, clock, Math.floor(target));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return html(400, renderClocksPage(views(ctx), { error: error.message }));
  }
  return { status: 303, headers: { Location: "/test-clocks" }, body: "" };
}
