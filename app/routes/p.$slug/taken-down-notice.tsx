import { Link } from "@remix-run/react";
import { useLocalize, useT } from "~/components/i18n.tsx";

/** The page of a listing an admin took down (410): says so plainly, and where buyers find it. */
export function TakenDownNotice({ message }: { message: string }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">{t("listing.goneCode")}</p>
      <h1 className="mt-2 text-2xl font-bold">{t("listing.goneHeading")}</h1>
      <p className="mt-3 text-gray-800">{localize(message)}</p>
      <p className="mt-6 flex justify-center gap-6 font-semibold">
        <Link to="/library" className="text-brand-700 underline">
          {t("listing.yourLibrary")}
        </Link>
        <Link to="/" className="text-brand-700 underline">
          {t("listing.backToShop")}
        </Link>
      </p>
    </div>
  );
}
