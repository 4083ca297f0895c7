import { createInspection, findInspection, rescheduleInspection } from "~/inspections/inspections.server";
import { buildTimeline, LONDON, milestone } from "~/inspections/timeline";
import { addCalendarDays, nearestWorkingDay } from "~/inspections/working-days";
import { seedDemoMeeting } from "~/meetings/demo.server";

const nextWorkingDay = (date: string) => nearestWorkingDay(addCalendarDays(date, 1), "forward");

export const DEMO_SLUG = "demo";
const DEMO_AREA = "Northshire (demo)";

/** The first day 1 whose re-visit survey window is open at `now`, so the demo always has a live survey. */
export function demoDay1(now: Date): string {
  let day1 = now.toLocaleDateString("en-CA", { timeZone: LONDON }); // today, as YYYY-MM-DD
  for (;;) {
    day1 = nextWorkingDay(day1);
    const timeline = buildTimeline("revisit", day1);
    const opens = new Date(milestone(timeline, "survey_opens")!.at);
    const closes = new Date(milestone(timeline, "survey_closes")!.at);
    if (opens <= now && now < closes) return day1;
  }
}

/**
 * Seeds the demo inspection at /s/demo. At start-up only when missing (so restarts keep its data); the
 * `seed-demo` command also moves an existing demo's dates so its survey is open again.
 */
export async function seedDemo({ refresh }: { refresh: boolean }, now = new Date()) {
  const existing = await findInspection(DEMO_SLUG);
  if (!existing) {
    const created = await createInspection({
      slug: DEMO_SLUG,
      localAreaName: DEMO_AREA,
      kind: "revisit",
      day1: demoDay1(now),
    });
    await seedDemoMeeting(created, now);
    return created;
  }
  if (refresh) await rescheduleInspection(DEMO_SLUG, "revisit", demoDay1(now));
  const demo = (await findInspection(DEMO_SLUG))!;
  await seedDemoMeeting(demo, now);
  return demo;
}
