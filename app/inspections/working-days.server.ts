import Holidays from "date-holidays";
import { addCalendarDays, isWeekend, type IsoDate } from "./calendar";

/**
 * Working days in England: Monday to Friday, less England's bank holidays as the `date-holidays`
 * library maintains them (including substitute days). Dates are plain 'YYYY-MM-DD' calendar days.
 * Server only: the holiday library and its data are far too large to send to a phone.
 */
const england = new Holidays("GB", "ENG");
const holidaysByYear = new Map<number, Map<IsoDate, string>>();

function holidaysIn(year: number): Map<IsoDate, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map(
      england
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public" || holiday.type === "bank")
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The bank holiday's name, or undefined when the day is not a bank holiday in England. */
export function bankHoliday(date: IsoDate): string | undefined {
  return holidaysIn(Number(date.slice(0, 4))).get(date);
}

export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && bankHoliday(date) === undefined;
}

/**
 * The date of working day `day` of an inspection whose day 1 is `day1`. There is no day 0: day -1 is the
 * working day before day 1 and day 2 the working day after it.
 */
export function workingDay(day1: IsoDate, day: number): IsoDate {
  if (day === 0) throw new RangeError("There is no day 0 in an inspection timeline.");
  const step = day < 0 ? -1 : 1;
  let remaining = day < 0 ? -day : day - 1;
  let date = day1;
  while (remaining > 0) {
    date = addCalendarDays(date, step);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** The inverse of `workingDay` for a working day: its number relative to day 1. */
export function dayNumber(day1: IsoDate, date: IsoDate): number {
  if (date === day1) return 1;
  const step = date < day1 ? -1 : 1;
  let count = 0;
  for (let cursor = day1; cursor !== date;) {
    cursor = addCalendarDays(cursor, step);
    if (isWorkingDay(cursor)) count += 1;
  }
  return step < 0 ? -count : count + 1;
}

/** The first working day on or after `date` (or on or before, going backwards). */
export function nearestWorkingDay(date: IsoDate, direction: "forward" | "backward"): IsoDate {
  let cursor = date;
  while (!isWorkingDay(cursor)) cursor = addCalendarDays(cursor, direction === "forward" ? 1 : -1);
  return cursor;
}
