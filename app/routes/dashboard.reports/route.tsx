import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/reviews-reports/form-parts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { reportKindLabel, SELLER_RESPONSE_MAX, SellerResponseSchema } from "~/modules/reports/forms.ts";
import { listShopTakedowns, respondToTakedown } from "~/modules/reports/listing-reports.server.ts";
import { formatDay } from "~/utils/dates.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Takedowns · Dashboard · Stapel" }];

/** The shop's listings an admin took down, with the reason, and the seller's one response. */
export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return data({ takedowns: await listShopTakedowns(seller.shop.id) }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, SellerResponseSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const sent = await respondToTakedown(seller.shop.id, submission.value.reportId, submission.value.response);
  if (!sent.ok) return refuseSubmission(submission, sent.status, sent.message);
  return data(
    { result: submission.reply({ resetForm: true }), responded: true },
    { headers: privateNoStore },
  );
}

export default function DashboardTakedowns() {
  const { takedowns } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "takedown-response",
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SellerResponseSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="takedowns-heading" className="space-y-4">
      <div>
        <h2 id="takedowns-heading" className="text-xl font-bold">
          Takedowns
        </h2>
        <p className="text-sm text-gray-700">
          Listings an admin took down after a report. They are off the storefront and cannot be bought; buyers
          who own them keep them. You can respond once to each takedown, and an admin may put the listing
          back.
        </p>
      </div>
      {reply && "responded" in reply && <Notice tone="success">Your response was sent to the admins.</Notice>}
      <FormErrors errors={form.errors} />
      {takedowns.length === 0 ? (
        <p className="text-gray-600">None of your listings is taken down.</p>
      ) : (
        <ul className="space-y-4">
          {takedowns.map((listing) => (
            <li
              key={listing.id}
              className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
              data-testid="takedown"
            >
              <h3 className="font-semibold">{listing.title}</h3>
              <p className="text-sm text-gray-600">
                Taken down {listing.takenDownAt && formatDay(listing.takenDownAt)}
                {listing.report && ` after a report: ${reportKindLabel[listing.report.kind].toLowerCase()}`}
              </p>
              <div className="border-l-4 border-red-200 pl-3 text-sm">
                <p className="font-semibold">The reason</p>
                <p className="whitespace-pre-line text-gray-800">{listing.takedownReason}</p>
              </div>
              {listing.report?.sellerResponse ? (
                <div className="border-l-4 border-brand-100 pl-3 text-sm">
                  <p className="font-semibold">
                    Your response
                    {listing.report.sellerRespondedAt && `, ${formatDay(listing.report.sellerRespondedAt)}`}
                  </p>
                  <p className="whitespace-pre-line text-gray-700">{listing.report.sellerResponse}</p>
                </div>
              ) : listing.report ? (
                <Form method="post" {...getFormProps(form)} className="space-y-2">
                  <input type="hidden" name="reportId" value={listing.report.id} />
                  <TextAreaField
                    field={fields.response}
                    label="Your response (once)"
                    hint="Explain why the listing should come back, or what you changed."
                    rows={4}
                    maxLength={SELLER_RESPONSE_MAX}
                    required
                  />
                  <Button disabled={busy}>Send your response</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
