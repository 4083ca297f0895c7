import { addCalendarDays, day1Problem as calendarDay1Problem, londonTime, type Day1Problem, type IsoDate } from "./calendar";
import type { InspectionKind } from "./inspection";
import { bankHoliday, dayNumber, nearestWorkingDay, workingDay } from "./working-days.server";

/**
 * The milestones of an inspection (DESIGN.md, "The two inspection timelines"). Times are wall-clock
 * times in London, turned into UTC instants here so that the clock changes are handled in one place.
 */
export const MILESTONE_KEYS = [
  "notification",
  "evidence_upload",
  "survey_opens",
  "tracking_calls",
  "survey_closes",
  "onsite_day_1",
  "pcf_meeting",
  "open_meeting",
  "onsite_ends",
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export interface Milestone {
  key: MilestoneKey;
  /** Working day relative to on-site day 1 (no day 0). */
  day: number;
  /** The instant, as an ISO 8601 UTC string. */
  at: string;
  /** The same instant as London wall-clock time, 'YYYY-MM-DD HH:MM'. */
  london: string;
}

type Plan = { key: MilestoneKey; date: IsoDate; time: string };

/**
 * Re-visit: the handbook counts in working days back from day 1.
 * Full inspection: the framework counts in weeks (week 3 is on site), so week-based milestones fall on
 * that weekday of the week, moved to the nearest working day inside the week when it is a bank holiday.
 */
function plan(kind: InspectionKind, day1: IsoDate): Plan[] {
  if (kind === "revisit") {
    return [
      { key: "notification", date: workingDay(day1, -10), time: "09:00" },
      { key: "evidence_upload", date: workingDay(day1, -7), time: "12:00" },
      { key: "survey_opens", date: workingDay(day1, -5), time: "12:00" },
      { key: "survey_closes", date: workingDay(day1, -1), time: "12:00" },
      { key: "onsite_day_1", date: day1, time: "09:00" },
      { key: "pcf_meeting", date: day1, time: "13:00" },
      { key: "open_meeting", date: day1, time: "16:00" },
      { key: "onsite_ends", date: workingDay(day1, 4), time: "17:00" },
    ];
  }
  const weekday = new Date(`${day1}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 6 Saturday
  const week1Monday = addCalendarDays(day1, -((weekday + 6) % 7) - 14);
  return [
    { key: "notification", date: nearestWorkingDay(week1Monday, "forward"), time: "09:00" },
    { key: "survey_opens", date: nearestWorkingDay(addCalendarDays(week1Monday, 1), "forward"), time: "12:00" },
    { key: "tracking_calls", date: nearestWorkingDay(addCalendarDays(week1Monday, 7), "forward"), time: "09:00" },
    { key: "survey_closes", date: nearestWorkingDay(addCalendarDays(week1Monday, 11), "backward"), time: "12:00" },
    { key: "onsite_day_1", date: day1, time: "09:00" },
    { key: "onsite_ends", date: workingDay(day1, 5), time: "17:00" },
  ];
}

/** Why a date cannot be on-site day 1 (bank holidays included), or null when it can. */
export const day1Problem = (day1: string): Day1Problem | null => calendarDay1Problem(day1, bankHoliday);

export class Day1Error extends Error {
  constructor(
    readonly day1: string,
    readonly problem: Day1Problem,
  ) {
    super(describeDay1Problem(day1, problem));
  }
}

/** An English sentence for operators (the CLI); the web pages translate `problem` themselves. */
export function describeDay1Problem(day1: string, problem: Day1Problem): string {
  switch (problem.reason) {
    case "invalid-date":
      return `"${day1}" is not a real date: give on-site day 1 as YYYY-MM-DD, for example 2027-04-05.`;
    case "weekend":
      return `${day1} is a weekend day: on-site day 1 must be a working day.`;
    case "bank-holiday":
      return `${day1} is ${problem.holiday}, a bank holiday in England: on-site day 1 must be a working day.`;
  }
}

export function buildTimeline(kind: InspectionKind, day1: string): Milestone[] {
  const problem = day1Problem(day1);
  if (problem) throw new Day1Error(day1, problem);
  return plan(kind, day1).map(({ key, date, time }) => ({
    key,
    day: dayNumber(day1, date),
    at: londonTime(date, time).toISOString(),
    london: `${date} ${time}`,
  }));
}

export function milestone(timeline: Milestone[], key: MilestoneKey): Milestone | undefined {
  return timeline.find((entry) => entry.key === key);
}

/**
 * The limits a survey window must keep: it opens no earlier than the local area is notified and closes
 * before on-site day 1 begins.
 */
export function surveyWindowLimits(inspection: { kind: InspectionKind; day1: string }) {
  const timeline = buildTimeline(inspection.kind, inspection.day1);
  return {
    notificationAt: new Date(milestone(timeline, "notification")!.at),
    day1BeginsAt: londonTime(inspection.day1, "00:00"),
  };
}
