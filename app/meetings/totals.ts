import { ACCESS_NEEDS, type AccessNeed } from "./options";
import type { BookingStatus } from "./queue";

/**
 * What organisers must arrange, at the top of their page: for each access need, how many bookings with a
 * place (or an open offer) and how many on the waiting list asked for it, and the interpreters' languages.
 */
export function accessTotals(
  bookings: ReadonlyArray<{ status: BookingStatus; needs: readonly string[]; interpreterLanguage: string | null }>,
) {
  const side = (status: BookingStatus) => (status === "waiting" ? "waiting" : "withPlace");
  const needs = Object.fromEntries(ACCESS_NEEDS.map((need) => [need, { withPlace: 0, waiting: 0 }])) as Record<
    AccessNeed,
    { withPlace: number; waiting: number }
  >;
  const languages = new Map<string, { language: string; withPlace: number; waiting: number }>();
  for (const booking of bookings) {
    for (const need of booking.needs) if (need in needs) needs[need as AccessNeed][side(booking.status)] += 1;
    if (booking.interpreterLanguage) {
      // "Polish", "polish " and "POLISH" are one language to book an interpreter for.
      const language = booking.interpreterLanguage.trim().replace(/\s+/g, " ");
      const key = language.toLocaleLowerCase("en-GB");
      const entry = languages.get(key) ?? { language, withPlace: 0, waiting: 0 };
      entry[side(booking.status)] += 1;
      languages.set(key, entry);
    }
  }
  return {
    needs,
    languages: [...languages.values()].sort(
      (a, b) => b.withPlace - a.withPlace || a.language.localeCompare(b.language),
    ),
  };
}
