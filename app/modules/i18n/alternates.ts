import { LANGUAGES } from "./viewer.ts";

/**
 * hreflang alternates for a page: the same address with `?lang=en` and `?lang=de`, and the address
 * without a language as x-default (it answers in the visitor's language). Other parameters stay
 * (the currency goes: it is the viewer's, not the page's).
 */
export function languageAlternates(origin: string, pathname: string, search: string) {
  const params = new URLSearchParams(search);
  params.delete("lang");
  params.delete("currency");
  const base = `${origin.replace(/\/$/, "")}${pathname}`;
  const at = (lang?: string) => {
    const query = new URLSearchParams(params);
    if (lang) query.set("lang", lang);
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  return [
    ...LANGUAGES.map((lang) => ({ hrefLang: lang as string, href: at(lang) })),
    { hrefLang: "x-default", href: at() },
  ];
}
