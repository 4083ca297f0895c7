import { describe, expect, test } from "vitest";
import { londonTime } from "~/inspections/calendar";
import { isoFromParts, newInspectionForm, NewInspectionForm, normaliseTime, SurveyWindowForm } from "~/inspections/schema";
import { surveyWindowLimits } from "~/inspections/timeline.server";
import { bankHoliday } from "~/inspections/working-days.server";
import { windowProblems } from "~/surveys/window";
import { localise, missingTranslations, optionsFromLines } from "~/surveys/questions";
import { QuestionFormSchema } from "~/surveys/schemas";

describe("date and time inputs", () => {
  test.each([
    [{ day: "5", month: "4", year: "2027" }, "2027-04-05"],
    [{ day: " 05 ", month: "04", year: "2027" }, "2027-04-05"],
    [{ day: "30", month: "2", year: "2027" }, ""],
    [{ day: "5", month: "4", year: "27" }, ""],
    [{ day: "", month: "4", year: "2027" }, ""],
    [undefined, ""],
  ])("%j is %s", (parts, iso) => {
    expect(isoFromParts(parts)).toBe(iso);
  });

  test.each([
    ["12:00", "12:00"],
    ["9:30", "09:30"],
    ["9.30", "09:30"],
    ["24:00", ""],
    ["noon", ""],
  ])("time %s is %s", (input, output) => {
    expect(normaliseTime(input)).toBe(output);
  });
});

describe("creating an inspection", () => {
  // As the server checks it: with England's bank holidays (the browser checks the rest).
  const onServer = newInspectionForm(bankHoliday);
  const form = (values: Record<string, unknown>) =>
    onServer.safeParse({
      localAreaName: "Northshire",
      kind: "revisit",
      day1: { day: "5", month: "4", year: "2027" },
      ...values,
    });

  test("a complete form gives the inspection, with a slug from the area's name", () => {
    expect(form({}).data).toEqual({
      localAreaName: "Northshire",
      kind: "revisit",
      day1: "2027-04-05",
      slug: "northshire",
    });
  });

  test.each([
    [{ day1: { day: "29", month: "3", year: "2027" } }, "day1", "staff:newInspection.errors.day1BankHoliday"],
    [{ day1: { day: "3", month: "4", year: "2027" } }, "day1", "staff:newInspection.errors.day1Weekend"],
    [{ day1: { day: "31", month: "4", year: "2027" } }, "day1", "staff:newInspection.errors.day1Invalid"],
    [{ localAreaName: undefined }, "localAreaName", "staff:newInspection.errors.areaRequired"],
    [{ kind: "annual" }, "kind", "staff:newInspection.errors.kindRequired"],
    [{ slug: "Not OK" }, "slug", "staff:newInspection.errors.slugInvalid"],
    [{ localAreaName: "Ynys Môn", slug: undefined }, null, null],
  ])("%j", (values, path, message) => {
    const result = form(values);
    if (path === null) return expect(result.success).toBe(true);
    expect(result.error?.issues.find((issue) => issue.path[0] === path)?.message).toBe(message);
  });
});

test("the browser's check leaves bank holidays to the server, which has the holiday list", () => {
  const easterMonday = { localAreaName: "Northshire", kind: "revisit", day1: { day: "29", month: "3", year: "2027" } };
  expect(NewInspectionForm.safeParse(easterMonday).success).toBe(true);
  expect(newInspectionForm(bankHoliday).safeParse(easterMonday).success).toBe(false);
});

test("a form with several problems reports them all at once", () => {
  const result = newInspectionForm(bankHoliday).safeParse({ day1: { day: "29", month: "3", year: "2027" } });
  expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["localAreaName", "kind", "day1"]);
});

describe("moving a survey window", () => {
  const inspection = { kind: "revisit" as const, day1: "2027-04-05", surveyOpensAt: new Date("2027-03-25T12:00:00Z") };
  const limits = surveyWindowLimits(inspection);
  const before = new Date("2027-03-20T10:00:00Z");
  const window = (opens: string, closes: string) => ({
    opensAt: londonTime(opens.slice(0, 10), opens.slice(11)),
    closesAt: londonTime(closes.slice(0, 10), closes.slice(11)),
  });

  test("within the limits there is no problem", () => {
    expect(windowProblems(window("2027-03-24 09:00", "2027-04-02 15:00"), inspection, limits, before)).toEqual([]);
  });

  test.each([
    [
      window("2027-03-10 09:00", "2027-04-01 12:00"),
      before,
      [{ field: "opens", problem: "opens-before-notification" }],
    ],
    [window("2027-03-30 09:00", "2027-03-29 12:00"), before, [{ field: "closes", problem: "opens-after-closes" }]],
    [window("2027-03-24 09:00", "2027-04-05 00:00"), before, [{ field: "closes", problem: "closes-on-or-after-day1" }]],
    [
      window("2027-03-26 12:00", "2027-04-02 12:00"),
      new Date("2027-03-26T09:00:00Z"),
      [{ field: "opens", problem: "already-opened" }],
    ],
    [
      window("2027-03-25 12:00", "2027-03-26 08:00"),
      new Date("2027-03-26T09:00:00Z"),
      [{ field: "closes", problem: "closes-in-past" }],
    ],
  ])("%#: refused", (proposed, now, problems) => {
    expect(windowProblems(proposed, inspection, limits, now)).toEqual(problems);
  });

  test("the form wants a real date, a 24-hour time and a reason", () => {
    const result = SurveyWindowForm.safeParse({
      opens: { day: "31", month: "2", year: "2027" },
      opensTime: "25:00",
      closes: { day: "1", month: "4", year: "2027" },
      closesTime: "12:00",
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["opens", "staff:window.errors.opensDate"],
      ["opensTime", "staff:window.errors.time"],
      ["reason", "staff:window.errors.reasonRequired"],
    ]);
  });
});

describe("questions", () => {
  test("choice questions need 2 to 12 different answers", () => {
    const parse = (options: string) => QuestionFormSchema.safeParse({ kind: "choice", text: "Which?", options });
    expect(parse("Yes\nNo").success).toBe(true);
    expect(parse("Only one").error?.issues[0]?.message).toBe("questions:form.errors.optionsCount");
    expect(parse("Same\nSame").error?.issues[0]?.message).toBe("questions:form.errors.optionsRepeated");
    expect(parse(Array.from({ length: 13 }, (_, index) => `Answer ${index}`).join("\n")).success).toBe(false);
  });

  test("an untranslated text falls back to English, marked as English", () => {
    expect(localise({ "en-GB": "How old is your child?", pl: "Ile lat ma Twoje dziecko?" }, "pl")).toEqual({
      text: "Ile lat ma Twoje dziecko?",
    });
    expect(localise({ "en-GB": "How old is your child?" }, "ur")).toEqual({
      text: "How old is your child?",
      lang: "en",
    });
    expect(localise({ "en-GB": "How old is your child?" }, "en-GB")).toEqual({ text: "How old is your child?" });
  });

  test("a question is complete in a language only when its text, hint and every answer are translated", () => {
    const question = {
      text: { "en-GB": "Q", pl: "P" },
      hint: { "en-GB": "H" },
      options: [{ value: "a", label: { "en-GB": "A", pl: "A-pl" } }],
    };
    expect(missingTranslations(question)).toContain("pl");
    expect(missingTranslations({ ...question, hint: { "en-GB": "H", pl: "H-pl" } })).not.toContain("pl");
  });

  test("answers keep their values in place; new lines get new values", () => {
    const previous = [
      { value: "yes", label: { "en-GB": "Yes", pl: "Tak" } },
      { value: "no", label: { "en-GB": "No", pl: "Nie" } },
    ];
    expect(optionsFromLines(["Yes", "Not really", "Maybe"], previous)).toEqual([
      { value: "yes", label: { "en-GB": "Yes", pl: "Tak" } },
      { value: "no", label: { "en-GB": "Not really" } },
      { value: "option-3", label: { "en-GB": "Maybe" } },
    ]);
  });
});
