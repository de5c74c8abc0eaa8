import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/components/i18n.tsx";
import { LandingPage } from "~/components/landing-page.tsx";
import { searchCacheHeaders } from "~/modules/catalog/search-http.ts";
import { loadLandingPage } from "~/modules/catalog/search-landing.server.ts";
import { metaTranslator, type Translate } from "~/modules/i18n/translate.ts";

const HEADING = (t: Translate, name: string) => t("landing.model", { name });
const TITLE = (t: Translate, name: string) => `${t("landing.modelTitle", { name })}: Stapel`;
const DESCRIPTION = (t: Translate, name: string, total: number) =>
  t(total === 1 ? "landing.modelDescription.one" : "landing.modelDescription.other", {
    count: total,
    name,
  });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: TITLE(metaTranslator(matches), data.name) },
        { name: "description", content: DESCRIPTION(metaTranslator(matches), data.name, data.page.total) },
        { tagName: "link", rel: "canonical", href: data.canonical },
      ]
    : [{ title: "Not found: Stapel" }];

export const headers: HeadersFunction = () => searchCacheHeaders;

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadLandingPage("model", request, params.model ?? "");

export default function ModelLanding() {
  const landing = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <LandingPage
      heading={HEADING(t, landing.name)}
      description={DESCRIPTION(t, landing.name, landing.page.total)}
      landing={landing}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
