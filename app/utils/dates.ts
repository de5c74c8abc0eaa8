const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2 January 2027": a day as pages and emails show it (UTC, so server and browser agree). */
export const formatDay = (date: Date | string) =>
  dayFormat.format(typeof date === "string" ? new Date(date) : date);
