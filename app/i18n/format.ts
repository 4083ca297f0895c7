import { LONDON } from "~/inspections/timeline";

/**
 * Dates and times for people, always in London time whatever the server's zone, in the reader's language.
 * Formatted on the server only (loaders), so the browser never re-formats them differently.
 */
export function formatDate(locale: string, instant: Date | string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: LONDON,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(instant));
}

export function formatTime(locale: string, instant: Date | string): string {
  // The 24-hour clock reads the same in every language (no AM/PM to translate or reorder).
  return new Intl.DateTimeFormat(locale, {
    timeZone: LONDON,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}

/** A calendar day ('YYYY-MM-DD'), which has no time zone of its own. */
export function formatDay(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(`${day}T00:00:00Z`));
}

export function formatDateTime(
  t: (key: string, options: Record<string, string>) => string,
  locale: string,
  instant: Date | string,
): string {
  return t("common:dateTime", { date: formatDate(locale, instant), time: formatTime(locale, instant) });
}
