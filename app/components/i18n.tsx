import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { isAccountPath, loadMessages } from "~/modules/i18n/load-messages.ts";
import {
  hasMessages,
  localizeMessage,
  messagesVersion,
  subscribeMessages,
  type Translate,
  translator,
} from "~/modules/i18n/translate.ts";
import {
  CURRENCIES,
  DATE_LOCALE,
  LANGUAGE_NAMES,
  LANGUAGES,
  NUMBER_LOCALE,
  type Viewer,
} from "~/modules/i18n/viewer.ts";
import { formatDay } from "~/utils/dates.ts";
import { formatMoney, type Money } from "~/utils/money.ts";

const FALLBACK: Viewer = { language: "en", currency: "EUR" };

/** The viewer's language and currency, as the root loader worked them out for this request. */
export function useViewer(): Viewer {
  const data = useRouteLoaderData("root") as { viewer?: Viewer } | undefined;
  return data?.viewer ?? FALLBACK;
}

/**
 * The viewer's language, once its words are here. The browser has the page's language from the start
 * (entry.client.tsx); a client navigation to `?lang=` asks for the other one and the page re-renders
 * when it arrives (until then, in the words it has).
 */
function useLanguage() {
  const { language } = useViewer();
  const signedIn = Boolean((useRouteLoaderData("root") as { user?: unknown } | undefined)?.user);
  const { pathname } = useLocation();
  const version = useSyncExternalStore(subscribeMessages, messagesVersion, messagesVersion);
  useEffect(() => {
    if (!hasMessages(language)) void loadMessages(language);
    if (hasMessages(language, "account")) return;
    // A page under /account or /library needs the account words now; a signed-in visitor will
    // likely go there, so they are fetched while the browser is idle.
    if (isAccountPath(pathname)) void loadMessages(language, "account");
    else if (signedIn) {
      const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
      idle(() => void loadMessages(language, "account"));
    }
  }, [language, pathname, signedIn]);
  return { language, version };
}

export function useT(): Translate {
  const { language, version } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new words
  return useMemo(() => translator(language), [language, version]);
}

/**
 * A sentence a module, schema or loader wrote in English (a refusal, a field error, a 404's text),
 * in the viewer's language when the dictionary knows it (`msg.*` keys), else as written.
 */
export function useLocalize(): (text: string) => string {
  const { language, version } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new words
  return useMemo(() => (text: string) => localizeMessage(language, text), [language, version]);
}

/** Money, days and plain numbers in the viewer's locale ("9,00 €", "2. Januar 2027", "1.234"). */
export function useFormat() {
  const { language } = useViewer();
  const t = useT();
  return useMemo(
    () => ({
      money: (money: Money) => formatMoney(money, NUMBER_LOCALE[language]),
      day: (date: Date | string) => formatDay(date, DATE_LOCALE[language]),
      /** "€9.00/month" / "9,00 €/Monat": a plan's price with its interval. */
      planPrice: (price: Money & { interval: "MONTH" | "YEAR" }) =>
        t(price.interval === "MONTH" ? "plan.perMonth" : "plan.perYear", {
          price: formatMoney(price, NUMBER_LOCALE[language]),
        }),
      number: (value: number) => new Intl.NumberFormat(NUMBER_LOCALE[language]).format(value),
      /** One decimal, as ratings show ("4.5" / "4,5"). */
      decimal: (value: number) =>
        new Intl.NumberFormat(NUMBER_LOCALE[language], {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(value),
    }),
    [language, t],
  );
}

/**
 * Language and currency switchers: GET forms that reload the same page with `?lang=` or
 * `?currency=` (the server then remembers the choice in a cookie). Every other parameter of the
 * page is carried as a hidden field, so a search keeps its words and filters. Works without
 * JavaScript.
 */
/**
 * The language and currency switchers: plain GET forms (no JavaScript needed) that keep the page and
 * its parameters. `place` keeps the ids apart: the header shows them from tablet width up, the
 * footer on phones, where the header's row of switchers cost a sixth of the first screen.
 */
export function ViewerSwitchers({ place }: { place: "header" | "footer" }) {
  const t = useT();
  const viewer = useViewer();
  const location = useLocation();
  const params = [...new URLSearchParams(location.search)];
  const keep = (name: string) =>
    params
      .filter(([key]) => key !== name && !(name === "currency" && (key === "after" || key === "before")))
      .map(([key, value], index) => (
        <input key={`${key}-${index.toString()}`} type="hidden" name={key} value={value} />
      ));
  const selectClass =
    "rounded-md border-0 bg-white py-1 pl-2 pr-7 text-sm text-gray-700 ring-1 ring-inset ring-gray-300";
  const buttonClass = "rounded-md px-2 py-1 text-sm font-medium text-gray-700 ring-1 ring-gray-300";
  return (
    <div className="flex flex-wrap items-center justify-center gap-3">
      <Form method="get" action={location.pathname} className="flex items-center gap-1" reloadDocument>
        {keep("lang")}
        <label htmlFor={`${place}-viewer-lang`} className="sr-only">
          {t("switcher.language")}
        </label>
        <select
          id={`${place}-viewer-lang`}
          name="lang"
          defaultValue={viewer.language}
          className={selectClass}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass}>
          {t("switcher.apply")}
          <span className="sr-only"> {t("switcher.language")}</span>
        </button>
      </Form>
      <Form method="get" action={location.pathname} className="flex items-center gap-1" reloadDocument>
        {keep("currency")}
        <label htmlFor={`${place}-viewer-currency`} className="sr-only">
          {t("switcher.currency")}
        </label>
        <select
          id={`${place}-viewer-currency`}
          name="currency"
          defaultValue={viewer.currency}
          className={selectClass}
        >
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency === "EUR" ? "€ EUR" : "$ USD"}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass}>
          {t("switcher.apply")}
          <span className="sr-only"> {t("switcher.currency")}</span>
        </button>
      </Form>
    </div>
  );
}
