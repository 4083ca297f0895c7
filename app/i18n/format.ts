import { LONDON } from "~/inspections/calendar";

/**
 * Dates and times for people, always in London time whatever the server's zone, in the reader's language.
 * Formatted on the server only (loaders), so the browser never re-formats them differently. Formatters
 * are costly to build, so each is built once per language.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, kind: "date" | "time" | "day"): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let format = formatters.get(key);
  if (!format) {
    const date = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
    format = new Intl.DateTimeFormat(
      locale,
      kind === "date"
        ? { timeZone: LONDON, ...date }
        : kind === "day"
          ? // A calendar day ('YYYY-MM-DD') has no time zone of its own.
            { timeZone: "UTC", ...date }
          : // The 24-hour clock reads the same in every language (no AM/PM to translate or reorder).
            { timeZone: LONDON, hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    );
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(locale: string, instant: Date | string): string {
  return formatter(locale, "date").format(new Date(instant));
}

export function formatTime(locale: string, instant: Date | string): string {
  return formatter(locale, "time").format(new Date(instant));
}

export function formatDay(locale: string, day: string): string {
  return formatter(locale, "day").format(new Date(`${day}T00:00:00Z`));
}

export function formatDateTime(
  t: (key: string, options: Record<string, string>) => string,
  locale: string,
  instant: Date | string,
): string {
  return t("common:dateTime", { date: formatDate(locale, instant), time: formatTime(locale, instant) });
}
