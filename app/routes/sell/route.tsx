import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { OpenShopSchema } from "~/modules/shops/forms.ts";
import { openShop } from "~/modules/shops/open-shop.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";
import { ShopFields } from "./shop-fields.tsx";

export const meta: MetaFunction = () => [{ title: "Open your shop · Stapel" }];

/** Any signed-in person may open a shop; someone who has one already is sent to it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.shop) throw redirect("/dashboard");
  return data({ email: user.email }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseSubmission(request, OpenShopSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const opened = await openShop(user, submission.value);
  switch (opened.kind) {
    case "opened":
      return redirect("/dashboard");
    case "handle-taken":
      return data(
        {
          result: submission.reply({ fieldErrors: { handle: ["This handle is taken: choose another one"] } }),
        },
        { status: 409 },
      );
    case "already-has-shop":
      return refuseSubmission(submission, 409, "You already have a shop: manage it from your dashboard.");
  }
}

export default function OpenShop() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "open-shop",
    lastResult: actionData?.result,
    defaultValue: { defaultCurrency: "EUR" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OpenShopSchema }),
  });
  return (
    <section aria-labelledby="open-shop-heading" className="mx-auto max-w-xl space-y-6">
      <div className="space-y-2">
        <h1 id="open-shop-heading" className="text-2xl font-bold">
          Open your shop
        </h1>
        <p className="text-gray-700">
          Sell prompts, templates and agents from your own page. You can change everything but the handle
          later; to get paid you will set up payouts with Stripe from your dashboard.
        </p>
      </div>
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
        <Field
          label="Handle (your shop's address: /s/handle)"
          errors={fields.handle.errors}
          maxLength={30}
          autoComplete="off"
          {...getInputProps(fields.handle, { type: "text" })}
          id={fields.handle.id}
        />
        <ShopFields fields={fields} />
        <Button disabled={navigation.state === "submitting"}>Open shop</Button>
      </Form>
    </section>
  );
}
