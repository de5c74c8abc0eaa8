import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n.tsx";
import { metaTranslator } from "~/modules/i18n/translate.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaTranslator(matches)("deleted.metaTitle") },
  { name: "robots", content: "noindex" },
];

// Where a deleted account lands, signed out. The same words for everyone: it reveals nothing.
export default function AccountDeleted() {
  const t = useT();
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{t("deleted.heading")}</h1>
      <p className="text-gray-700">{t("deleted.body")}</p>
      <p className="text-gray-700">{t("deleted.goodbye")}</p>
      <Link to="/" className="font-semibold text-brand-700 underline">
        {t("error.backToShop")}
      </Link>
    </div>
  );
}
