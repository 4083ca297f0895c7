import { TZDate } from "@date-fns/tz";

/**
 * Calendar days ('YYYY-MM-DD') and London wall-clock time. Pure and small, so browser code may use it;
 * bank holidays need a large library and live in working-days.server.ts.
 */
export type IsoDate = string;

export const LONDON = "Europe/London";

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

export type Day1Problem =
  { reason: "invalid-date" } | { reason: "weekend" } | { reason: "bank-holiday"; holiday: string };

/**
 * Why a date cannot be on-site day 1, or null when it can. Bank holidays are checked only where the
 * caller passes `bankHoliday` (the server); the browser checks the rest.
 */
export function day1Problem(
  day1: string,
  bankHoliday: (date: IsoDate) => string | undefined = () => undefined,
): Day1Problem | null {
  if (!isIsoDate(day1)) return { reason: "invalid-date" };
  if (isWeekend(day1)) return { reason: "weekend" };
  const holiday = bankHoliday(day1);
  if (holiday) return { reason: "bank-holiday", holiday };
  return null;
}

/** Converts a London wall-clock time on a date to a UTC instant, whichever side of a clock change. */
export function londonTime(date: IsoDate, time: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(+new TZDate(year, month - 1, day, hours, minutes, 0, LONDON));
}

/** The London calendar day ('YYYY-MM-DD') and wall-clock time ('HH:MM') of an instant. */
export function londonParts(instant: Date): { date: IsoDate; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: LONDON,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
