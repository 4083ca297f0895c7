import type { Sql } from "postgres";
import { addCalendarDays } from "~/inspections/calendar";
import { nearestWorkingDay } from "~/inspections/working-days.server";
import { portal } from "./cli";

/** A working day 1 far enough ahead that the survey window has not opened (so questions are editable). */
export function futureDay1(daysAhead = 90): string {
  return nearestWorkingDay(addCalendarDays(new Date().toISOString().slice(0, 10), daysAhead), "forward");
}

/**
 * A re-visit created with the CLI, as an operator would, its day 1 well ahead, then its survey window
 * moved relative to now (`opens`/`closes` are PostgreSQL intervals such as "-1 hour" or "2 days").
 */
export async function createInspectionOpenAt(
  sql: Sql<any>,
  env: Record<string, string>,
  { area, slug, opens, closes }: { area: string; slug: string; opens: string; closes: string },
) {
  portal(["create-inspection", "--area", area, "--kind", "revisit", "--day1", futureDay1(), "--slug", slug], env);
  await sql`
    update inspections set survey_opens_at = now() + ${opens}::interval, survey_closes_at = now() + ${closes}::interval
    where slug = ${slug}`;
}
