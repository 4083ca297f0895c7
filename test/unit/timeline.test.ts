import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildTimeline, day1Problem, Day1Error, milestone, type Milestone } from "~/inspections/timeline.server";
import { bankHoliday, dayNumber, isWorkingDay, workingDay } from "~/inspections/working-days.server";

const at = (timeline: Milestone[], key: Milestone["key"]) => milestone(timeline, key)!;

describe("re-visit timeline", () => {
  test("counts working days back over Easter and across the spring clock change (day 1 on 5 April 2027)", () => {
    const timeline = buildTimeline("revisit", "2027-04-05");
    // Good Friday (26 March) and Easter Monday (29 March) are skipped, as is the weekend between.
    expect(at(timeline, "survey_opens")).toMatchObject({
      day: -5,
      london: "2027-03-25 12:00",
      at: "2027-03-25T12:00:00.000Z",
    });
    // Clocks went forward on 28 March: noon in London is now 11:00 UTC.
    expect(at(timeline, "survey_closes")).toMatchObject({
      day: -1,
      london: "2027-04-02 12:00",
      at: "2027-04-02T11:00:00.000Z",
    });
    expect(at(timeline, "notification")).toMatchObject({ day: -10, london: "2027-03-18 09:00" });
    expect(at(timeline, "evidence_upload")).toMatchObject({ day: -7, london: "2027-03-23 12:00" });
    expect(at(timeline, "onsite_day_1")).toMatchObject({ day: 1, at: "2027-04-05T08:00:00.000Z" });
    expect(at(timeline, "open_meeting")).toMatchObject({ day: 1, london: "2027-04-05 16:00" });
    expect(at(timeline, "onsite_ends")).toMatchObject({ day: 4, london: "2027-04-08 17:00" });
  });

  test("a window across the autumn clock change keeps noon in London", () => {
    // Clocks go back on Sunday 25 October 2026.
    const timeline = buildTimeline("revisit", "2026-10-29");
    expect(at(timeline, "survey_opens")).toMatchObject({ london: "2026-10-22 12:00", at: "2026-10-22T11:00:00.000Z" });
    expect(at(timeline, "survey_closes")).toMatchObject({ london: "2026-10-28 12:00", at: "2026-10-28T12:00:00.000Z" });
  });

  test("the early May bank holiday inside the window is skipped", () => {
    // Monday 3 May 2027 is the early May bank holiday.
    const timeline = buildTimeline("revisit", "2027-05-07");
    expect(at(timeline, "survey_opens").london).toBe("2027-04-29 12:00");
    expect(at(timeline, "survey_closes").london).toBe("2027-05-06 12:00");
    expect(at(timeline, "onsite_ends").london).toBe("2027-05-12 17:00");
  });

  test("a plain fortnight with no holidays lands on the handbook's weekdays", () => {
    const timeline = buildTimeline("revisit", "2027-06-21"); // a Monday, no holiday in the fortnight before
    const weekday = (key: Milestone["key"]) =>
      new Date(`${at(timeline, key).london.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", {
        weekday: "short",
        timeZone: "UTC",
      });
    expect(weekday("notification")).toBe("Mon");
    expect(weekday("evidence_upload")).toBe("Thu");
    expect(weekday("survey_opens")).toBe("Mon");
    expect(weekday("survey_closes")).toBe("Fri");
  });
});

describe("full inspection timeline", () => {
  test("defaults: notified week 1 Monday, survey from week 1 Tuesday 12:00 to week 2 Friday 12:00", () => {
    const timeline = buildTimeline("full", "2027-06-28");
    expect(at(timeline, "notification").london).toBe("2027-06-14 09:00");
    expect(at(timeline, "survey_opens")).toMatchObject({ london: "2027-06-15 12:00", day: -9 });
    expect(at(timeline, "tracking_calls").london).toBe("2027-06-21 09:00");
    expect(at(timeline, "survey_closes")).toMatchObject({
      london: "2027-06-25 12:00",
      day: -1,
      at: "2027-06-25T11:00:00.000Z",
    });
  });

  test("a bank holiday on a week's milestone moves it to the nearest working day inside that week", () => {
    // Week 1 starts on the early May bank holiday (3 May 2027): notification moves to the Tuesday.
    const may = buildTimeline("full", "2027-05-17");
    expect(at(may, "notification").london).toBe("2027-05-04 09:00");
    expect(at(may, "survey_opens").london).toBe("2027-05-04 12:00");
    // Week 2 ends on Good Friday (26 March 2027): the survey closes on the Thursday before.
    const easter = buildTimeline("full", "2027-03-30");
    expect(at(easter, "survey_closes")).toMatchObject({ london: "2027-03-25 12:00", day: -1 });
  });
});

describe("day 1 must be a working day", () => {
  test.each([
    ["2027-04-03", { reason: "weekend" }],
    ["2027-03-29", { reason: "bank-holiday", holiday: "Easter Monday" }],
    ["2027-05-03", { reason: "bank-holiday", holiday: "Early May bank holiday" }],
    ["2027-02-30", { reason: "invalid-date" }],
    ["5 April 2027", { reason: "invalid-date" }],
  ])("%s is refused", (day1, problem) => {
    expect(day1Problem(day1)).toEqual(problem);
    expect(() => buildTimeline("revisit", day1)).toThrow(Day1Error);
  });

  test("the message names the bank holiday", () => {
    expect(() => buildTimeline("full", "2027-03-29")).toThrow(/Easter Monday, a bank holiday/);
  });

  test("substitute bank holidays count", () => {
    expect(bankHoliday("2027-12-28")).toMatch(/substitute/);
    expect(isWorkingDay("2027-12-28")).toBe(false);
  });
});

describe("working days (properties over 2024-2031)", () => {
  const workingDate = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2031-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10))
    .filter(isWorkingDay);
  const day = fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0);

  test("working day n is a working day, and its number is n", () => {
    fc.assert(
      fc.property(workingDate, day, (day1, n) => {
        const date = workingDay(day1, n);
        return isWorkingDay(date) && dayNumber(day1, date) === n && (n < 0 ? date < day1 : date >= day1);
      }),
    );
  });

  test("every milestone is on a working day, in order, and the survey closes before day 1", () => {
    fc.assert(
      fc.property(workingDate, fc.constantFrom("revisit" as const, "full" as const), (day1, kind) => {
        const timeline = buildTimeline(kind, day1);
        const instants = timeline.map((entry) => entry.at);
        const sorted = [...instants].sort();
        return (
          timeline.every((entry) => isWorkingDay(entry.london.slice(0, 10)) && entry.day !== 0) &&
          instants.every((instant, index) => instant === sorted[index]) &&
          at(timeline, "survey_closes").at < at(timeline, "onsite_day_1").at
        );
      }),
    );
  });
});
