// One formatter per locale: building an Intl.DateTimeFormat costs far more than using one.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dayFormats.set(locale, format);
  }
  return format;
}

/**
 * "2 January 2027" (en-GB, the default) or "2. Januar 2027" (de-DE): a day as pages and emails
 * show it (UTC, so server and browser agree).
 */
export const formatDay = (date: Date | string, locale = "en-GB") =>
  dayFormat(locale).format(typeof date === "string" ? new Date(date) : date);
