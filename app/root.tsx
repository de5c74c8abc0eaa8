import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT, ViewerSwitchers } from "~/components/i18n.tsx";
import { useNonce } from "~/components/nonce.tsx";
import { emailTransport } from "~/integrations/email.server.ts";
import { rememberLanguage } from "~/modules/accounts/locale.server.ts";
import { languageAlternates } from "~/modules/i18n/alternates.ts";
import { serverMessagesReady } from "~/modules/i18n/messages.server.ts";
import { resolveViewer } from "~/modules/i18n/viewer.server.ts";
import { env } from "~/utils/env.server.ts";
import { getSessionUser } from "~/utils/session.server.ts";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  serverMessagesReady(); // both dictionaries for server rendering; the browser loads only its own
  const user = await getSessionUser(request);
  const { language, currency, languageSource } = resolveViewer(request);
  // A signed-in person who switches language keeps it for their emails too (User.locale).
  if (user && languageSource === "url") await rememberLanguage(user.id, language);
  const url = new URL(request.url);
  return {
    requestId: context.requestId,
    viewer: { language, currency },
    alternates: languageAlternates(env().APP_URL, url.pathname, url.search),
    user: user && { email: user.email, name: user.name, isSeller: Boolean(user.shop) },
    devOutbox: env().DEV_OUTBOX_PAGE && emailTransport().name === "dev-outbox",
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const t = useT();
  return (
    <html lang={data?.viewer.language ?? "en"} className="h-full bg-gray-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {data?.alternates.map((alternate) => (
          <link
            key={alternate.hrefLang}
            rel="alternate"
            hrefLang={alternate.hrefLang}
            href={alternate.href}
          />
        ))}
      </head>
      <body className="flex min-h-full flex-col font-sans text-ink antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("layout.skip")}
        </a>
        <Header user={data?.user ?? null} devOutbox={data?.devOutbox ?? false} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="border-t border-gray-200 py-6 text-center text-xs text-gray-600">
          <div className="mx-auto flex max-w-6xl flex-col items-center gap-3 px-4 sm:px-6">
            <div className="sm:hidden">
              <ViewerSwitchers place="footer" />
            </div>
            <p>{t("layout.footer")}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type HeaderUser = { email: string; name: string | null; isSeller: boolean } | null;

function Header({ user, devOutbox }: { user: HeaderUser; devOutbox: boolean }) {
  const t = useT();
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-2 py-1 text-sm font-medium ${isActive ? "text-brand-700" : "text-gray-700 hover:text-ink"}`;
  return (
    <header className="border-b border-gray-200 bg-white">
      <nav
        aria-label={t("nav.label")}
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link to="/" className="mr-auto text-lg font-extrabold tracking-tight text-brand-600">
          Stapel
        </Link>
        <NavLink to="/" end className={navClass}>
          {t("nav.discover")}
        </NavLink>
        {user && (
          <>
            <NavLink to="/library" className={navClass}>
              {t("nav.library")}
            </NavLink>
            <NavLink to="/account" className={navClass}>
              {t("nav.account")}
            </NavLink>
          </>
        )}
        {user?.isSeller ? (
          <NavLink to="/dashboard" className={navClass}>
            {t("nav.dashboard")}
          </NavLink>
        ) : (
          <NavLink to="/sell" className={navClass}>
            {t("nav.sell")}
          </NavLink>
        )}
        {devOutbox && (
          <NavLink to="/dev/outbox" className={navClass}>
            {t("nav.devOutbox")}
          </NavLink>
        )}
        {user ? (
          <Form method="post" action="/logout">
            <button
              type="submit"
              className="text-sm font-medium text-gray-700 hover:text-ink"
              title={user.email}
            >
              {t("nav.signOut")}
            </button>
          </Form>
        ) : (
          <NavLink to="/login" className={navClass}>
            {t("nav.signIn")}
          </NavLink>
        )}
      </nav>
      <div className="mx-auto hidden max-w-6xl justify-end px-4 pb-2 sm:flex sm:px-6">
        <ViewerSwitchers place="header" />
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
