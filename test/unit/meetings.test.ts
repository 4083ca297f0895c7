import { describe, expect, test } from "vitest";
import { ConfigError, parseEnv } from "~/env.server";
import { calendarInvitation, londonDateTime } from "~/meetings/calendar";
import { csvCell, toCsv } from "~/meetings/csv";
import { isoFromParts, MeetingSchema, normaliseTime, SignUpSchema } from "~/meetings/schemas";
import { accessTotals } from "~/meetings/totals";
import { parseIcs, theEvent } from "../support/ics";

describe("calendar invitations", () => {
  const invitation = (overrides: Partial<Parameters<typeof calendarInvitation>[0]> = {}) =>
    calendarInvitation({
      method: "REQUEST",
      uid: "meeting-booking-1@send.example.org",
      sequence: 0,
      start: new Date("2027-07-05T15:00:00Z"),
      end: new Date("2027-07-05T16:30:00Z"),
      title: "Open meeting, evening; online",
      description: "When: Monday\nWhere: Town Hall, Room 2",
      location: "Town Hall, Room 2; side door",
      organizer: { name: "Have your say", email: "no-reply@send.example.org" },
      attendee: { name: "Ola Nowak", email: "ola@example.org" },
      stamp: new Date("2027-06-01T10:00:00Z"),
      ...overrides,
    });

  test.each([
    ["summer time (BST)", "2027-07-05T15:00:00Z", "20270705T160000"],
    ["winter time (GMT)", "2027-01-11T16:00:00Z", "20270111T160000"],
    ["the day the clocks go back", "2027-10-31T16:00:00Z", "20271031T160000"],
  ])("times are London wall-clock times in %s", (_, instant, expected) => {
    expect(londonDateTime(new Date(instant))).toBe(expected);
  });

  test("a REQUEST with the zone, the same UID and SEQUENCE, escaped text, and CRLF lines", () => {
    const text = invitation();
    const event = theEvent(parseIcs(text));
    expect(event).toMatchObject({
      method: "REQUEST",
      uid: "meeting-booking-1@send.example.org",
      sequence: 0,
      status: "CONFIRMED",
      summary: "Open meeting, evening; online",
      location: "Town Hall, Room 2; side door",
      description: "When: Monday\nWhere: Town Hall, Room 2",
      timezones: ["Europe/London"],
    });
    expect(event.start).toEqual({ name: "DTSTART", params: { TZID: "Europe/London" }, value: "20270705T160000" });
    expect(event.end).toEqual({ name: "DTEND", params: { TZID: "Europe/London" }, value: "20270705T173000" });
    expect(event.organizer?.value.toLowerCase()).toBe("mailto:no-reply@send.example.org");
    expect(text).toContain("SUMMARY:Open meeting\\, evening\\; online\r\n");
  });

  test("a cancellation says CANCEL and CANCELLED", () => {
    expect(theEvent(parseIcs(invitation({ method: "CANCEL", sequence: 2 })))).toMatchObject({
      method: "CANCEL",
      status: "CANCELLED",
      sequence: 2,
    });
  });
});

describe("CSV", () => {
  test.each([
    ["=SUM(A1:A2)", `"'=SUM(A1:A2)"`],
    ["+44 7700 900982", `"'+44 7700 900982"`],
    ["-1", `"'-1"`],
    ["@cmd", `"'@cmd"`],
    ['Say "hi"', `"Say ""hi"""`],
    [3, `"3"`],
    [null, `""`],
  ])("%j is written as %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test("rows end in CRLF after a byte order mark", () => {
    expect(toCsv([["a", 1]])).toBe('\uFEFF"a","1"\r\n');
  });
});

describe("forms", () => {
  test("dates and times as people type them", () => {
    expect(isoFromParts({ day: "5", month: "4", year: "2027" })).toBe("2027-04-05");
    expect(isoFromParts({ day: "31", month: "2", year: "2027" })).toBe("");
    expect(isoFromParts({ day: "1", month: "1", year: "0099" })).toBe("");
    expect(normaliseTime("9.30")).toBe("09:30");
    expect(normaliseTime("24:00")).toBe("");
  });

  test("sign-up keeps a box's text only when its box is ticked", () => {
    const parsed = SignUpSchema.parse({
      name: " Ola ",
      email: "ola@example.org",
      places: "2",
      needs: ["interpreter", "wheelchair"],
      interpreterLanguage: "Polish",
      otherNeed: "typed, then unticked",
    });
    expect(parsed).toMatchObject({
      name: "Ola",
      places: 2,
      needs: ["interpreter", "wheelchair"],
      interpreterLanguage: "Polish",
      otherNeed: null,
      waitingList: false,
    });
  });

  test("a meeting's form reports every problem at once", () => {
    const result = MeetingSchema.safeParse({
      format: "online",
      date: { day: "30", month: "2", year: "2027" },
      startTime: "18:00",
      endTime: "17:00",
      capacity: "0",
    });
    expect(result.success).toBe(false);
    const problems = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(problems).toEqual({
      title: "meetings:form.errors.titleRequired",
      focus: "meetings:form.errors.focusRequired",
      date: "meetings:form.errors.dateInvalid",
      endTime: "meetings:form.errors.endBeforeStart",
      joiningInstructions: "meetings:form.errors.joiningRequired",
      capacity: "meetings:form.errors.capacityRange",
      closesDate: "meetings:form.errors.dateInvalid",
      closesTime: "meetings:form.errors.timeInvalid",
    });
  });

  test("an online meeting keeps no venue, and sign-up must close before it starts", () => {
    const base = {
      title: "Evening",
      focus: "Plans",
      date: { day: "5", month: "4", year: "2027" },
      startTime: "18:00",
      endTime: "19:00",
      format: "online",
      venue: "Left over from in person",
      joiningInstructions: "A link",
      capacity: "40",
      closesDate: { day: "5", month: "4", year: "2027" },
      closesTime: "17:00",
    };
    expect(MeetingSchema.parse(base)).toMatchObject({ venue: null, venueAccess: [], joiningInstructions: "A link" });
    const late = MeetingSchema.safeParse({ ...base, closesTime: "18:30" });
    expect(late.error?.issues.map((issue) => issue.message)).toEqual(["meetings:form.errors.closesAfterStart"]);
  });
});

test("access totals count bookings with a place and waiting apart, and languages however typed", () => {
  const totals = accessTotals([
    { status: "confirmed", needs: ["bsl", "interpreter"], interpreterLanguage: "Polish" },
    { status: "offered", needs: ["interpreter"], interpreterLanguage: " polish" },
    { status: "waiting", needs: ["bsl", "interpreter"], interpreterLanguage: "Urdu" },
  ]);
  expect(totals.needs.bsl).toEqual({ withPlace: 1, waiting: 1 });
  expect(totals.languages).toEqual([
    { language: "Polish", withPlace: 2, waiting: 0 },
    { language: "Urdu", withPlace: 0, waiting: 1 },
  ]);
});

test("meeting settings: retention days and offer hours, validated", () => {
  expect(parseEnv({})).toMatchObject({ MEETING_RETENTION_DAYS: 30, MEETING_OFFER_HOURS: 24 });
  expect(parseEnv({ MEETING_RETENTION_DAYS: "60", MEETING_OFFER_HOURS: "48" })).toMatchObject({
    MEETING_RETENTION_DAYS: 60,
    MEETING_OFFER_HOURS: 48,
  });
  expect(() => parseEnv({ MEETING_RETENTION_DAYS: "0" })).toThrow(ConfigError);
  expect(() => parseEnv({ MEETING_OFFER_HOURS: "two" })).toThrow(/MEETING_OFFER_HOURS must be a number of hours/);
});
