import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImageField } from "~/components/media/image-field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { ShopSettingsSchema } from "~/modules/shops/forms.ts";
import { loadShopSettings, updateShopSettings } from "~/modules/shops/open-shop.server.ts";
import { invalidSubmission, parseSubmission, refuseSubmission } from "~/utils/forms.server.ts";
import { notFound, privateNoStore } from "~/utils/http.ts";
import { requireSeller } from "~/utils/session.server.ts";
import { ShopFields } from "../sell/shop-fields.tsx";

export const meta: MetaFunction = () => [{ title: "Shop settings · Stapel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const settings = await loadShopSettings(seller.shop.id);
  if (!settings) throw notFound("Shop not found");
  return data({ settings }, { headers: privateNoStore });
}

/** Edits the signed-in seller's own shop: the form names no shop, so no other shop can be reached. */
export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const submission = await parseSubmission(request, ShopSettingsSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const saved = await updateShopSettings(seller.shop.id, submission.value);
  if (!saved.ok) return refuseSubmission(submission, 404, saved.message);
  return { result: submission.reply(), saved: true };
}

export default function ShopSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const saved = actionData && "saved" in actionData && navigation.state === "idle";
  const [form, fields] = useForm({
    id: "shop-settings",
    lastResult: actionData?.result,
    defaultValue: {
      name: settings.name,
      bio: settings.bio,
      links: settings.links.join("\n"),
      defaultCurrency: settings.defaultCurrency,
      avatarImageId: settings.avatarImage?.id,
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShopSettingsSchema }),
  });
  return (
    <section aria-labelledby="settings-heading" className="max-w-xl space-y-6">
      <div className="space-y-1">
        <h2 id="settings-heading" className="text-xl font-bold">
          Shop settings
        </h2>
        <p className="text-sm text-gray-700">
          Your shop is at{" "}
          <Link to={`/s/${settings.handle}`} className="text-brand-700 underline">
            /s/{settings.handle}
          </Link>
          ; the handle stays the same so that links to it keep working.
        </p>
      </div>
      {saved && <Notice tone="success">Saved.</Notice>}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        {form.errors && <Notice tone="error">{form.errors.join(" ")}</Notice>}
        <ImageField
          name={fields.avatarImageId.name}
          label="Avatar"
          defaultImage={settings.avatarImage}
          errors={fields.avatarImageId.errors}
        />
        <ShopFields fields={fields} />
        <Button disabled={navigation.state === "submitting"}>Save settings</Button>
      </Form>
    </section>
  );
}
