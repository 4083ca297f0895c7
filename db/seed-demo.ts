import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection, findInspection, rescheduleInspection } from "~/inspections/inspections.server";
import { addCalendarDays, LONDON } from "~/inspections/calendar";
import { buildTimeline, milestone } from "~/inspections/timeline.server";
import { nearestWorkingDay } from "~/inspections/working-days.server";
import { AUDIENCES } from "~/surveys/survey";
import { addSampleResponses, SAMPLE_COMMENTS } from "./sample-responses";
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

/** About 150 made-up responses across the three surveys, and the area's school names to redact. */
const SAMPLE_SIZES = { parents: 70, "young-people": 60, practitioners: 24 } as const;
const DEMO_SETTINGS = ["Northshire Primary Academy", "Riverside Special School"];

async function addDemoResponses(demo: Inspection, now: Date) {
  const [{ n }] = await sql<[{ n: number }]>`
    select count(*)::int as n from responses r join surveys s on s.id = r.survey_id where s.inspection_id = ${demo.id}`;
  if (n > 0) return;
  // Spread over the days the survey has been open, as London counts them.
  const today = now.toLocaleDateString("en-CA", { timeZone: LONDON });
  const days: string[] = [];
  for (let day = demo.surveyOpensAt.toLocaleDateString("en-CA", { timeZone: LONDON }); day <= today; ) {
    days.push(day);
    day = addCalendarDays(day, 1);
  }
  await sql`
    insert into setting_names (inspection_id, name) select ${demo.id}, unnest(${DEMO_SETTINGS}::text[])
    on conflict do nothing`;
  for (const audience of AUDIENCES) {
    const [survey] = await sql<{ id: string }[]>`
      select id from surveys where inspection_id = ${demo.id} and audience = ${audience}`;
    await addSampleResponses(sql, survey!.id, SAMPLE_SIZES[audience], {
      comments: SAMPLE_COMMENTS[audience],
      days,
      channels: ["forum", "school", null, "social-media", "health"],
      locales: ["en-GB", "en-GB", "en-GB", "pl", "ur"],
    });
  }
}

/**
 * Seeds the demo inspection at /s/demo, with sample responses so that its results can be explored. At
 * start-up only when missing (so restarts keep its data); the `seed-demo` command also moves an existing
 * demo's dates so its survey is open again.
 */
export async function seedDemo({ refresh }: { refresh: boolean }, now = new Date()) {
  const existing = await findInspection(DEMO_SLUG);
  if (!existing) {
    await createInspection({ slug: DEMO_SLUG, localAreaName: DEMO_AREA, kind: "revisit", day1: demoDay1(now) });
  } else if (refresh) {
    await rescheduleInspection(DEMO_SLUG, "revisit", demoDay1(now));
  }
  const demo = (await findInspection(DEMO_SLUG))!;
  if (!existing || refresh) await addDemoResponses(demo, now);
  await seedDemoMeeting(demo, now);
  return demo;
}
