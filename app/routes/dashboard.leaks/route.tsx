import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { type LeakTrace, traceLeak } from "~/modules/delivery/fingerprint.server.ts";
import { MAX_LEAK_TEXT } from "~/modules/prompts/fingerprint.ts";
import { consumeRateLimit } from "~/modules/rate-limits/rate-limit.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { invalidSubmission, parseSubmission, refuseRateLimited } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Trace a leak · Stapel" }];

const MAX_CHARACTERS = MAX_LEAK_TEXT;

const LeakSchema = z.object({
  text: z
    .string({ error: "Paste the text you found." })
    .max(
      MAX_CHARACTERS,
      `Paste at most ${MAX_CHARACTERS / 1024} KB of text: the part around the prompt is enough.`,
    ),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSeller(request);
  return data(null, { headers: privateNoStore });
}

/** A body this large is not read at all: 413 with the page's message. */
function tooLarge(request: Request) {
  return Number(request.headers.get("Content-Length") ?? 0) > MAX_LEAK_TEXT * 3 + 1024;
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  if (tooLarge(request)) {
    const empty = parseWithZod(new FormData(), { schema: LeakSchema });
    return data(
      {
        result: empty.reply({
          formErrors: [
            `Paste at most ${MAX_CHARACTERS / 1024} KB of text: the part around the prompt is enough.`,
          ],
        }),
        traces: null,
      },
      { status: 413, headers: privateNoStore },
    );
  }
  const submission = await parseSubmission(request, LeakSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const limit = await consumeRateLimit("leak-trace", seller.shop.id);
  if (!limit.ok) return refuseRateLimited(submission, "searches", limit.retryAfterSeconds);
  const traces = await traceLeak(seller.shop.id, submission.value.text);
  return data({ result: submission.reply(), traces }, { headers: privateNoStore });
}

const sourceLabel: Record<LeakTrace["source"], string> = {
  ORDER_ITEM: "Purchase",
  BUNDLE: "Purchase (in a bundle)",
  SUBSCRIPTION: "Plan subscription",
  FREE_CLAIM: "Free claim",
  GIFT: "Gift",
};

function TraceCard({ trace }: { trace: LeakTrace }) {
  return (
    <li className="space-y-2 p-4">
      <p className="font-semibold">
        {trace.listing.title} · code {trace.buyerCode}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-gray-600">Buyer</dt>
        <dd>{trace.buyerEmail}</dd>
        <dt className="text-gray-600">How they got it</dt>
        <dd>
          {sourceLabel[trace.source]}
          {trace.orderId && (
            <>
              {" · "}
              <Link to={`/dashboard/sales/${trace.orderId}`} className="text-brand-700 underline">
                order {trace.orderId}
              </Link>
            </>
          )}
          {trace.plan && (
            <>
              {" · "}
              <Link to={`/dashboard/plans/${trace.plan.id}`} className="text-brand-700 underline">
                {trace.plan.name}
              </Link>
            </>
          )}
        </dd>
        <dt className="text-gray-600">Since</dt>
        <dd>{formatDay(trace.grantedAt)}</dd>
        <dt className="text-gray-600">Access</dt>
        <dd>{trace.active ? "Active" : "Ended"}</dd>
        <dt className="text-gray-600">Found by</dt>
        <dd>
          {trace.foundBy
            .map((how) => (how === "marker" ? "the invisible marker" : "the licence line"))
            .join(" and ")}
        </dd>
      </dl>
    </li>
  );
}

export default function Leaks() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeakSchema }),
    shouldRevalidate: "onSubmit",
  });
  const traces =
    actionData && "traces" in actionData && actionData.traces ? (actionData.traces as LeakTrace[]) : null;
  return (
    <section aria-labelledby="leaks-heading" className="max-w-3xl space-y-4">
      <h2 id="leaks-heading" className="text-xl font-bold">
        Trace a leak
      </h2>
      <p className="text-sm text-gray-700">
        Every prompt a buyer copies or exports from their library carries their buyer code: in the licence
        line at the end and as an invisible marker inside the text, which survives copy and paste even when
        the line is deleted. Paste a copy you found (a forum post, a shared document) and Stapel tells you
        which of your sales it came from. Only your own shop's buyers are ever shown.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
      >
        {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
        <div className="space-y-1">
          <label htmlFor={fields.text.id} className="block text-sm font-medium text-ink">
            The leaked text
          </label>
          <textarea
            {...getTextareaProps(fields.text)}
            rows={10}
            className="block w-full rounded-lg border-0 px-3 py-2 font-mono text-sm text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
          />
          {fields.text.errors && (
            <p id={fields.text.errorId} className="text-sm text-red-700">
              {fields.text.errors.join(" ")}
            </p>
          )}
        </div>
        <Button disabled={navigation.state === "submitting"}>Find the buyer</Button>
      </Form>
      {traces && (
        <div role="status" className="space-y-2">
          {traces.length === 0 ? (
            <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-700 ring-1 ring-brand-100">
              No trace of a buyer of your shop in this text.
            </p>
          ) : (
            <>
              <h3 className="font-bold">
                {traces.length === 1
                  ? "This copy came from one purchase"
                  : `${traces.length} purchases are traced in this text`}
              </h3>
              <ul className="divide-y divide-gray-200 rounded-xl bg-white ring-1 ring-gray-200">
                {traces.map((trace) => (
                  <TraceCard key={trace.entitlementId} trace={trace} />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
