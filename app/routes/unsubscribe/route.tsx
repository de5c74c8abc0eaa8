import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useLocalize, useT } from "~/components/i18n.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";
import { UnsubscribeSchema } from "~/modules/listings/forms.ts";
import { resubscribe, unsubscribe, unsubscribeTarget } from "~/modules/listings/unsubscribe.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";

/**
 * The link in "new version" emails. It works without signing in (the link is signed), and opening
 * it changes nothing: mail scanners open links, so the page asks for a click first.
 */
export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("unsubscribe.metaTitle") },
  { name: "robots", content: "noindex" },
];

const INVALID = "This unsubscribe link is not valid. Use the link from the latest email.";

export async function loader({ request }: LoaderFunctionArgs) {
  const link = UnsubscribeSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const target = link.success ? await unsubscribeTarget(link.data) : null;
  invariantResponse(link.success && target, INVALID, { status: 404 });
  return data({ link: link.data, ...target }, { headers: privateNoStore });
}

const UnsubscribeForm = UnsubscribeSchema.extend({ intent: z.enum(["unsubscribe", "resubscribe"]) });

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseSubmission(request, UnsubscribeForm);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { intent, ...link } = submission.value;
  const done = intent === "unsubscribe" ? await unsubscribe(link) : await resubscribe(link);
  if (!done) return refuseSubmission(submission, 404, INVALID);
  return data({ result: submission.reply(), done: intent }, { headers: privateNoStore });
}

export default function Unsubscribe() {
  const { link, shopName, unsubscribed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form] = useForm({ id: "unsubscribe", lastResult: actionData?.result });
  const done = actionData && "done" in actionData ? actionData.done : null;
  const isUnsubscribed = done ? done === "unsubscribe" : unsubscribed;
  const t = useT();
  const localize = useLocalize();
  return (
    <section aria-labelledby="unsubscribe-heading" className="mx-auto max-w-lg space-y-4">
      <h1 id="unsubscribe-heading" className="text-2xl font-bold">
        {t("unsubscribe.heading", { shop: shopName })}
      </h1>
      {form.errors && <Notice tone="error">{form.errors.map(localize).join(" ")}</Notice>}
      {done === "unsubscribe" && <Notice tone="success">{t("unsubscribe.done")}</Notice>}
      {done === "resubscribe" && <Notice tone="success">{t("unsubscribe.again")}</Notice>}
      <p className="text-gray-700">
        {isUnsubscribed
          ? t("unsubscribe.isOff", { shop: shopName })
          : t("unsubscribe.isOn", { shop: shopName })}
      </p>
      <Form method="post">
        <input type="hidden" name="shop" value={link.shop} />
        <input type="hidden" name="user" value={link.user} />
        <input type="hidden" name="token" value={link.token} />
        <input type="hidden" name="intent" value={isUnsubscribed ? "resubscribe" : "unsubscribe"} />
        <Button variant={isUnsubscribed ? "secondary" : "primary"} disabled={navigation.state !== "idle"}>
          {t(isUnsubscribed ? "unsubscribe.resubscribe" : "unsubscribe.unsubscribe")}
        </Button>
      </Form>
    </section>
  );
}
