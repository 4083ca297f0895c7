import { beforeAll, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { londonParts } from "~/inspections/calendar";
import {
  answerLink,
  cancelMeeting,
  describeLink,
  runMeetingJobs,
  signUpForMeeting,
  updateMeeting,
} from "~/meetings/bookings.server";
import { createMeeting, type Meeting } from "~/meetings/meetings.server";
import { meetingBookingsRetention } from "~/meetings/retention.server";
import { deliverDue } from "~/mail/outbox.server";
import nodemailer from "nodemailer";
import type { MeetingInput } from "~/meetings/schemas";
import * as signUpRoute from "~/routes/s.$slug.meeting.$meetingId._index";
import * as organiserRoute from "~/routes/staff.inspections.$slug.meetings.$meetingId._index";
import * as csvRoute from "~/routes/staff.inspections.$slug.meetings.$meetingId.attendees[.csv]";
import * as newMeetingRoute from "~/routes/staff.inspections.$slug.meetings.new";
import { parseIcs, theEvent } from "../support/ics";
import { futureDay1 } from "../support/inspections";
import { seedDemo } from "../../db/seed-demo";
import { startSmtpServer } from "../support/smtp";
import { signedInStaff } from "../support/staff";

/**
 * Open meetings against a real PostgreSQL: sign-up through the real route action, capacity under
 * concurrency, the waiting list with its offers, the emails and calendar invitations in the outbox, the
 * organisers' page and export, and retention.
 */
const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
let inspection: Inspection;
let lano: Awaited<ReturnType<typeof signedInStaff>>;
let counter = 0;

beforeAll(async () => {
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: "Meetingshire", kind: "revisit", day1: futureDay1() }),
  );
  lano = await signedInStaff("lano@meetingshire.example.org", { inspections: [[inspection.id, "lano"]] });
  await signedInStaff("inspector@meetingshire.example.org", { inspections: [[inspection.id, "inspector"]] });
});

/** A meeting `days` ahead at 16:00 London time, sign-up closing a day before. */
function meetingInput(overrides: Partial<MeetingInput> & { days?: number } = {}): MeetingInput {
  const { days = 10, ...rest } = overrides;
  const day = londonParts(new Date(Date.now() + days * DAY)).date;
  const closes = londonParts(new Date(Date.now() + (days - 1) * DAY)).date;
  return {
    title: "Evening meeting",
    focus: "How well needs are identified",
    date: day,
    startTime: "16:00",
    endTime: "17:30",
    format: "both",
    venue: "Town Hall, Room 2",
    venueAccess: ["step-free", "hearing-loop"],
    accessNotes: null,
    joiningInstructions: "Join on Teams: https://teams.example.org/meet/123",
    capacity: 10,
    closesDate: closes,
    closesTime: "17:00",
    ...rest,
  };
}

const newMeeting = (overrides: Partial<MeetingInput> & { days?: number } = {}) =>
  createMeeting(inspection.id, meetingInput(overrides));

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`,
  phone: null,
  places: 1,
  needs: [],
  interpreterLanguage: null,
  otherNeed: null,
  waitingList: true,
  locale: "en-GB",
  ...extra,
});

/** The route action as a browser would reach it, each request from its own address (rate limits). */
async function run(handler: (args: any) => unknown, request: Request, params: Record<string, string>) {
  counter += 1;
  const context = { cspNonce: "", clientAddress: `198.51.100.${counter % 250}` };
  try {
    return (await handler({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function form(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return new Request(`http://localhost${path}`, { method: "POST", body, headers });
}

const signUp = (meeting: Meeting, fields: Record<string, string | string[]>, language = "en-GB") =>
  run(
    signUpRoute.action,
    form(`/s/${inspection.slug}/meeting/${meeting.id}`, fields, { "Accept-Language": language }),
    { slug: inspection.slug, meetingId: meeting.id },
  );

const bookings = (meeting: Meeting) =>
  sql<Array<{ id: string; email: string; name: string; places: number; status: string; icsSequence: number }>>`
    select id, email, name, places, status, ics_sequence from meeting_bookings where meeting_id = ${meeting.id}
    order by queue_seq`;

const placesTaken = async (meeting: Meeting) =>
  (await sql<[{ placesTaken: number }]>`select places_taken from meetings where id = ${meeting.id}`)[0].placesTaken;

interface Mail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  ics: string | null;
  icsMethod: string | null;
}
const mailTo = (recipient: string) =>
  sql<Mail[]>`
    select id, recipient, subject, text_body, ics, ics_method from outbox where recipient = ${recipient} order by id`;
const lastMailTo = async (recipient: string) => (await mailTo(recipient)).at(-1)!;
const linkIn = (mail: Mail) => mail.textBody.match(/\/meeting\/booking\/([\w-]+)/)?.[1] ?? "";

// First, while the outbox holds only this test's messages: what a mail server receives.
test("an invitation reaches the mail server as text/calendar; method=REQUEST, and the outbox forgets it once sent", async () => {
  const smtp = await startSmtpServer();
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
  try {
    const meeting = await newMeeting();
    await signUpForMeeting(meeting.id, person("Tess Transport"));
    await deliverDue(transport);
    const mail = await smtp.waitForMail("tess.transport@example.org");
    const calendarPart = mail.attachments.find((part) => part.contentType === "text/calendar");
    expect(calendarPart?.headers.get("content-type")).toMatchObject({ params: { method: "REQUEST" } });
    const event = theEvent(parseIcs(calendarPart!.content.toString("utf8")));
    expect(event).toMatchObject({ method: "REQUEST", sequence: 0, summary: "Evening meeting" });
    expect(mail.attachments.some((part) => part.filename === "invite.ics")).toBe(true);
    const [row] = await sql<[{ ics: string | null; icsMethod: string }]>`
      select ics, ics_method from outbox where status = 'sent' order by id desc limit 1`;
    expect(row).toEqual({ ics: null, icsMethod: "REQUEST" });
  } finally {
    transport.close();
    await smtp.close();
  }
});

describe("signing up through the public form", () => {
  test("a place, confirmed by email in the person's language with a calendar invitation that calendars accept", async () => {
    const meeting = await newMeeting({ title: "Spotkanie; wieczór, online" });
    const response = await signUp(
      meeting,
      { name: "Ola Nowak", email: "Ola.Nowak@example.org", places: "2", needs: ["bsl", "large-print"] },
      "pl",
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/s/${inspection.slug}/meeting/${meeting.id}/done?outcome=confirmed`);
    const [booking] = await bookings(meeting);
    expect(booking).toMatchObject({ name: "Ola Nowak", places: 2, status: "confirmed" });
    expect(await placesTaken(meeting)).toBe(2);

    const mail = await lastMailTo("Ola.Nowak@example.org");
    expect(mail.subject).toBe("Twoje miejsce na otwartym spotkaniu");
    expect(mail.textBody).toContain("Dzień dobry Ola Nowak");
    // Joining instructions go only to people with a place, as this person has.
    expect(mail.textBody).toContain("https://teams.example.org/meet/123");
    expect(linkIn(mail)).not.toBe("");
    expect(mail.icsMethod).toBe("REQUEST");

    const calendar = parseIcs(mail.ics!);
    const event = theEvent(calendar);
    expect(event.method).toBe("REQUEST");
    expect(event.uid).toMatch(new RegExp(`^meeting-booking-${booking!.id}@`));
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe("Spotkanie; wieczór, online");
    expect(event.start).toEqual({
      name: "DTSTART",
      params: { TZID: "Europe/London" },
      value: `${meetingInput().date.replace(/-/g, "")}T160000`,
    });
    expect(event.end?.value).toMatch(/T173000$/);
    expect(event.timezones).toEqual(["Europe/London"]);
    expect(event.attendee?.value.toLowerCase()).toBe("mailto:ola.nowak@example.org");
    expect(event.description).toContain("https://teams.example.org/meet/123");
  });

  test("signing up again with the same address changes the booking instead of adding one", async () => {
    const meeting = await newMeeting();
    await signUp(meeting, { name: "Sam Smith", email: "sam@example.org", places: "1" });
    const first = await lastMailTo("sam@example.org");
    const again = await signUp(meeting, {
      name: "Samuel Smith",
      email: "SAM@example.org",
      places: "3",
      needs: "wheelchair",
    });
    expect(again.status).toBe(302);
    const rows = await bookings(meeting);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Samuel Smith", places: 3, status: "confirmed", icsSequence: 1 });
    expect(await placesTaken(meeting)).toBe(3);
    const second = await lastMailTo("SAM@example.org");
    expect(second.subject).toBe("Your booking for the open meeting has changed");
    const [before, after] = [theEvent(parseIcs(first.ics!)), theEvent(parseIcs(second.ics!))];
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  test.each([
    [
      { name: "", email: "not-an-email", places: "4" },
      { name: "nameRequired", email: "emailInvalid", places: "placesRange" },
    ],
    [
      { name: "A", email: "a@example.org", places: "1", needs: "interpreter" },
      { interpreterLanguage: "languageRequired" },
    ],
    [
      { name: "A", email: "a@example.org", places: "1", needs: ["other", "teleport"] },
      { needs: "needsInvalid", otherNeed: "otherRequired" },
    ],
    [
      { name: "A", email: "a@example.org", phone: "call me", places: "" },
      { phone: "phoneInvalid", places: "placesRequired" },
    ],
  ])("bad input %j gets every problem at once and stores nothing", async (fields, problems) => {
    const meeting = await newMeeting();
    const outboxBefore = (await sql`select count(*)::int as n from outbox`)[0]!.n;
    const response = await signUp(meeting, fields);
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(
      Object.fromEntries(Object.entries(result.error).map(([field, messages]) => [field, (messages as string[])[0]])),
    ).toEqual(
      Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, `meetings:signUp.errors.${key}`])),
    );
    // What they typed comes back to the form.
    expect(result.initialValue.email).toBe(fields.email);
    expect(await bookings(meeting)).toEqual([]);
    expect((await sql`select count(*)::int as n from outbox`)[0]!.n).toBe(outboxBefore);
  });

  test("a closed or cancelled meeting refuses sign-ups with a message and saves nothing", async () => {
    const closed = await newMeeting();
    await sql`update meetings set signup_closes_at = now() - interval '1 minute' where id = ${closed.id}`;
    const cancelled = await newMeeting();
    await cancelMeeting(cancelled.id);
    for (const meeting of [closed, cancelled]) {
      const response = await signUp(meeting, { name: "Late Larry", email: "late@example.org", places: "1" });
      expect(response.status).toBe(400);
      expect((await response.json()).result.error[""]).toEqual(["meetings:signUp.errors.closed"]);
      expect(await bookings(meeting)).toEqual([]);
    }
  });

  test("a meeting that filled while the form was open: nothing saved until the person chooses the waiting list", async () => {
    const meeting = await newMeeting({ capacity: 2 });
    await signUpForMeeting(meeting.id, person("First Fay", { places: 2 }));
    const surprised = await signUp(meeting, { name: "Quick Quinn", email: "quinn@example.org", places: "1" });
    expect(surprised.status).toBe(400);
    const body = await surprised.json();
    expect(body.result.error.places).toEqual(["meetings:signUp.errors.filledUp"]);
    expect(body.waitingList).toBe(true);
    expect(await bookings(meeting)).toHaveLength(1);

    const waiting = await signUp(meeting, {
      name: "Quick Quinn",
      email: "quinn@example.org",
      places: "1",
      waitingList: "yes",
    });
    expect(waiting.headers.get("Location")).toMatch(/outcome=waiting&position=1$/);
    const mail = await lastMailTo("quinn@example.org");
    expect(mail.subject).toBe("You are on the waiting list for the open meeting");
    expect(mail.textBody).toContain("You are number 1");
    expect(mail.textBody).not.toContain("teams.example.org");
    expect(mail.ics).toBeNull();
  });

  test("a robot filling the hidden field is thanked and nothing is kept", async () => {
    const meeting = await newMeeting();
    const response = await signUp(meeting, {
      name: "Bot",
      email: "bot@example.org",
      places: "1",
      website: "http://spam",
    });
    expect(response.status).toBe(302);
    expect(await bookings(meeting)).toEqual([]);
  });
});

describe("never overbooked", () => {
  test("50 people signing up at once for 10 places: exactly 10 places, 40 waiting in order, 10 invitations (20 runs)", async () => {
    for (let round = 0; round < 20; round += 1) {
      const meeting = await newMeeting({ capacity: 10, title: `Rush ${round}` });
      const [{ lastId }] = await sql<[{ lastId: string | null }]>`select max(id) as last_id from outbox`;
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, index) => signUpForMeeting(meeting.id, person(`Rush ${round} person ${index}`))),
      );
      expect(outcomes.filter((outcome) => outcome.kind === "confirmed")).toHaveLength(10);
      const positions = outcomes.flatMap((outcome) => (outcome.kind === "waiting" ? [outcome.position] : []));
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
      const rows = await bookings(meeting);
      expect(rows.filter((row) => row.status === "confirmed")).toHaveLength(10);
      expect(rows.filter((row) => row.status === "waiting")).toHaveLength(40);
      expect(await placesTaken(meeting)).toBe(10);
      const [{ invitations }] = await sql<[{ invitations: number }]>`
        select count(*)::int as invitations from outbox where id > ${lastId ?? 0} and ics_method = 'REQUEST'`;
      expect(invitations).toBe(10);
    }
  });

  test("the database itself refuses more places than the meeting has", async () => {
    const meeting = await newMeeting({ capacity: 1 });
    await expect(sql`update meetings set places_taken = 2 where id = ${meeting.id}`).rejects.toThrow(
      /check constraint/,
    );
  });
});

describe("the waiting list", () => {
  test("a cancellation offers the place to the first person waiting, who accepts it", async () => {
    const meeting = await newMeeting({ capacity: 1 });
    await signUpForMeeting(meeting.id, person("Holder Hana"));
    await signUpForMeeting(meeting.id, person("Waiting Wes"));
    await signUpForMeeting(meeting.id, person("Behind Bea"));

    const confirmation = await lastMailTo("holder.hana@example.org");
    const cancelToken = linkIn(confirmation);
    expect(await describeLink(inspection.slug, cancelToken)).toMatchObject({ state: "cancel", status: "confirmed" });
    expect(await answerLink(inspection.slug, cancelToken, "cancel")).toBe("cancelled");
    expect(await answerLink(inspection.slug, cancelToken, "cancel")).toBe("used");
    expect(await describeLink(inspection.slug, cancelToken)).toEqual({ state: "used", outcome: "cancelled" });

    const cancellation = await lastMailTo("holder.hana@example.org");
    expect(cancellation.icsMethod).toBe("CANCEL");
    const cancelled = theEvent(parseIcs(cancellation.ics!));
    const original = theEvent(parseIcs(confirmation.ics!));
    expect(cancelled).toMatchObject({
      method: "CANCEL",
      status: "CANCELLED",
      uid: original.uid,
      sequence: original.sequence + 1,
    });

    const offer = await lastMailTo("waiting.wes@example.org");
    expect(offer.subject).toBe("A place has come up at the open meeting");
    expect((await lastMailTo("behind.bea@example.org")).subject).toBe(
      "You are on the waiting list for the open meeting",
    );
    const offerToken = linkIn(offer);
    expect(await describeLink(inspection.slug, offerToken)).toMatchObject({ state: "offer", places: 1 });
    // The offer's link answers the offer; it cannot be used as a cancel link.
    expect(await answerLink(inspection.slug, offerToken, "cancel")).toBe("invalid");
    expect(await answerLink(inspection.slug, offerToken, "accept")).toBe("accepted");
    expect((await bookings(meeting)).map((row) => [row.name, row.status])).toEqual([
      ["Waiting Wes", "confirmed"],
      ["Behind Bea", "waiting"],
    ]);
    const accepted = await lastMailTo("waiting.wes@example.org");
    expect(accepted.subject).toBe("Your place at the open meeting");
    expect(theEvent(parseIcs(accepted.ics!))).toMatchObject({ method: "REQUEST", sequence: 0 });
    expect(await placesTaken(meeting)).toBe(1);
  });

  test("a declined or expired offer passes to the next person; someone waiting who leaves is gone", async () => {
    const meeting = await newMeeting({ capacity: 1, days: 12 });
    for (const name of ["Dana Holder", "Ed First", "Flo Second", "Gus Third", "Hal Fourth"]) {
      await signUpForMeeting(meeting.id, person(name));
    }
    // Hal leaves the waiting list with the link in his email.
    expect(await answerLink(inspection.slug, linkIn(await lastMailTo("hal.fourth@example.org")), "cancel")).toBe(
      "cancelled",
    );
    expect((await lastMailTo("hal.fourth@example.org")).subject).toBe("You have left the waiting list");

    await answerLink(inspection.slug, linkIn(await lastMailTo("dana.holder@example.org")), "cancel");
    expect(await answerLink(inspection.slug, linkIn(await lastMailTo("ed.first@example.org")), "decline")).toBe(
      "declined",
    );
    const floOffer = await lastMailTo("flo.second@example.org");
    expect(floOffer.subject).toBe("A place has come up at the open meeting");

    // Flo does nothing for 25 hours: the offer ends, she is told, and Gus is offered the place.
    await runMeetingJobs(new Date(Date.now() + 25 * HOUR));
    expect((await lastMailTo("flo.second@example.org")).subject).toBe(
      "The place we held for you has gone to someone else",
    );
    expect(await describeLink(inspection.slug, linkIn(floOffer))).toEqual({ state: "expired" });
    expect(await answerLink(inspection.slug, linkIn(floOffer), "accept")).toBe("expired");
    expect((await lastMailTo("gus.third@example.org")).subject).toBe("A place has come up at the open meeting");
    expect((await bookings(meeting)).map((row) => [row.name, row.status])).toEqual([["Gus Third", "offered"]]);
  });

  test("an offer ends before sign-up closes", async () => {
    const meeting = await newMeeting({ capacity: 1 });
    await sql`update meetings set signup_closes_at = now() + interval '3 hours' where id = ${meeting.id}`;
    await signUpForMeeting(meeting.id, person("Ian Holder"));
    await signUpForMeeting(meeting.id, person("Jo Waiting"));
    await answerLink(inspection.slug, linkIn(await lastMailTo("ian.holder@example.org")), "cancel");
    const [{ offerExpiresAt, closes }] = await sql<[{ offerExpiresAt: Date; closes: Date }]>`
      select b.offer_expires_at, m.signup_closes_at as closes from meeting_bookings b join meetings m on m.id = b.meeting_id
      where b.meeting_id = ${meeting.id}`;
    expect(offerExpiresAt.getTime()).toBe(closes.getTime());
  });
});

describe("emails about the meeting", () => {
  test("asking for an interpreter emails the LANO at once, with counts and the language but nothing personal", async () => {
    const meeting = await newMeeting();
    await signUpForMeeting(
      meeting.id,
      person("Private Pat", { needs: ["bsl", "interpreter"], interpreterLanguage: "Polish", phone: "07700 900982" }),
    );
    const alert = await lastMailTo("lano@meetingshire.example.org");
    expect(alert.subject).toMatch(/^Interpreter requested for the open meeting on /);
    expect(alert.textBody).toContain("British Sign Language: 1");
    expect(alert.textBody).toContain("Polish: 1");
    for (const personal of ["Private Pat", "private.pat@example.org", "07700"])
      expect(alert.textBody).not.toContain(personal);
    // The inspector is not emailed while there is a LANO.
    expect(await mailTo("inspector@meetingshire.example.org")).toEqual([]);
  });

  test("a change of time emails everyone signed up; those with a place get an updated invitation", async () => {
    const meeting = await newMeeting({ capacity: 1, days: 14 });
    await signUpForMeeting(meeting.id, person("Kim Booked"));
    await signUpForMeeting(meeting.id, person("Lee Waiting"));
    const before = theEvent(parseIcs((await lastMailTo("kim.booked@example.org")).ics!));
    expect(
      await updateMeeting(meeting.id, meetingInput({ days: 14, capacity: 1, startTime: "18:00", endTime: "19:30" })),
    ).toBe("updated");
    const changed = await lastMailTo("kim.booked@example.org");
    expect(changed.subject).toBe("The open meeting has changed");
    const after = theEvent(parseIcs(changed.ics!));
    expect(after).toMatchObject({ uid: before.uid, sequence: before.sequence + 1, method: "REQUEST" });
    expect(after.start?.value).toMatch(/T180000$/);
    const waiting = await lastMailTo("lee.waiting@example.org");
    expect(waiting.subject).toBe("The open meeting has changed");
    expect(waiting.ics).toBeNull();
    expect(waiting.textBody).not.toContain("teams.example.org");
    // Fewer places than are taken is refused; more go to the waiting list at once.
    expect(await updateMeeting(meeting.id, meetingInput({ days: 14, capacity: 0 }))).toBe("below-booked");
    await updateMeeting(meeting.id, meetingInput({ days: 14, capacity: 2, startTime: "18:00", endTime: "19:30" }));
    expect((await lastMailTo("lee.waiting@example.org")).subject).toBe("A place has come up at the open meeting");
  });

  test("cancelling the meeting tells everyone, with a calendar cancellation for those with a place", async () => {
    const meeting = await newMeeting({ capacity: 1 });
    await signUpForMeeting(meeting.id, person("Mo Booked"));
    await signUpForMeeting(meeting.id, person("Nia Waiting"));
    await cancelMeeting(meeting.id);
    const [booked, waiting] = [await lastMailTo("mo.booked@example.org"), await lastMailTo("nia.waiting@example.org")];
    expect(booked.subject).toBe("The open meeting has been cancelled");
    expect(theEvent(parseIcs(booked.ics!))).toMatchObject({ method: "CANCEL", sequence: 1 });
    expect(waiting.subject).toBe("The open meeting has been cancelled");
    expect(waiting.ics).toBeNull();
    expect(await bookings(meeting)).toEqual([]);
  });

  test("people with a place are reminded the day before, once", async () => {
    const meeting = await newMeeting({ days: 20 });
    await signUpForMeeting(meeting.id, person("Olu Reminded"));
    const dayBefore = new Date(meeting.startsAt.getTime() - 23 * HOUR);
    await runMeetingJobs(dayBefore);
    await runMeetingJobs(new Date(dayBefore.getTime() + HOUR));
    const reminders = (await mailTo("olu.reminded@example.org")).filter((mail) => mail.subject.startsWith("Reminder"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.textBody).toContain("teams.example.org");
  });
});

describe("the organisers' page", () => {
  const get = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: lano.cookie } });

  test("lists who is coming with their needs and totals, and every view and export is in the audit log", async () => {
    const meeting = await newMeeting({ capacity: 2 });
    await signUpForMeeting(
      meeting.id,
      person('=HYPERLINK("http://evil")', { email: "formula@example.org", needs: ["wheelchair"] }),
    );
    await signUpForMeeting(
      meeting.id,
      person("Rae Interpreter", { needs: ["interpreter"], interpreterLanguage: "Urdu" }),
    );
    await signUpForMeeting(
      meeting.id,
      person("Sol Waiting", { needs: ["interpreter"], interpreterLanguage: " urdu " }),
    );
    const path = `/staff/inspections/${inspection.slug}/meetings/${meeting.id}`;
    const params = { slug: inspection.slug, meetingId: meeting.id };

    const page = await run(organiserRoute.loader, get(path), params);
    const data = await page.json();
    expect(data.attendees.map((row: { name: string }) => row.name)).toEqual([
      '=HYPERLINK("http://evil")',
      "Rae Interpreter",
    ]);
    expect(data.waiting).toMatchObject([{ name: "Sol Waiting", position: 1 }]);
    expect(data.totals.needs.wheelchair).toEqual({ withPlace: 1, waiting: 0 });
    expect(data.totals.languages).toEqual([{ language: "Urdu", withPlace: 1, waiting: 1 }]);

    const csv = await run(csvRoute.loader, get(`${path}/attendees.csv`), params);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"Sol Waiting","sol.waiting@example.org","","1","Waiting","1"');

    const audit = await sql<Array<{ action: string; staffEmail: string }>>`
      select action, staff_email from audit_log where detail->>'meeting' = ${meeting.id} order by id`;
    expect(audit).toEqual([
      { action: "meetings.view", staffEmail: "lano@meetingshire.example.org" },
      { action: "meetings.export", staffEmail: "lano@meetingshire.example.org" },
    ]);

    // Marking attendance needs the session's anti-forgery token.
    const rae = (await bookings(meeting)).find((row) => row.name === "Rae Interpreter")!;
    const mark = (csrf: string) =>
      run(
        organiserRoute.action,
        new Request(`http://localhost${path}`, {
          method: "POST",
          headers: { Cookie: lano.cookie },
          body: new URLSearchParams({ csrf, intent: "attended", booking: rae.id, attended: "yes" }),
        }),
        params,
      );
    expect((await mark("forged")).status).toBe(403);
    expect((await mark(lano.csrf)).status).toBe(302);
    const [{ attended }] = await sql<
      [{ attended: boolean }]
    >`select attended from meeting_bookings where id = ${rae.id}`;
    expect(attended).toBe(true);
  });

  test("a meeting is set up through the form; a meeting in the past is refused with nothing stored", async () => {
    const create = (fields: Record<string, string | string[]>) =>
      run(
        newMeetingRoute.action,
        new Request(`http://localhost/staff/inspections/${inspection.slug}/meetings/new`, {
          method: "POST",
          headers: { Cookie: lano.cookie },
          body: new URLSearchParams(
            Object.entries({ csrf: lano.csrf, ...fields }).flatMap(([name, value]) =>
              [value].flat().map((one) => [name, one] as [string, string]),
            ),
          ),
        }),
        { slug: inspection.slug },
      );
    const count = async () =>
      (await sql<[{ n: number }]>`select count(*)::int as n from meetings where title = 'Daytime, in person'`)[0].n;
    const fields = {
      title: "Daytime, in person",
      focus: "Education, health and care plans",
      "date.day": "1",
      "date.month": "3",
      "date.year": "2020",
      startTime: "10:00",
      endTime: "11:30",
      format: "in-person",
      venue: "Library",
      venueAccess: ["parking", "toilets"],
      capacity: "25",
      "closesDate.day": "28",
      "closesDate.month": "2",
      "closesDate.year": "2020",
      closesTime: "12:00",
    };
    const past = await create(fields);
    expect(past.status).toBe(400);
    expect((await past.json()).result.error).toEqual({ date: ["meetings:form.errors.inPast"] });
    expect(await count()).toBe(0);

    const [year, month, day] = meetingInput().date.split("-");
    const [closesYear, closesMonth, closesDay] = meetingInput().closesDate.split("-");
    const created = await create({
      ...fields,
      "date.day": day!,
      "date.month": month!,
      "date.year": year!,
      "closesDate.day": closesDay!,
      "closesDate.month": closesMonth!,
      "closesDate.year": closesYear!,
    });
    expect(created.status).toBe(302);
    const [meeting] = await sql<Array<{ venueAccess: string[]; joiningInstructions: string | null }>>`
      select venue_access, joining_instructions from meetings where title = 'Daytime, in person'`;
    expect(meeting).toEqual({ venueAccess: ["parking", "toilets"], joiningInstructions: null });
  });
});

describe("retention", () => {
  test("bookings are deleted 30 days after their meeting, and nothing else", async () => {
    const old = await newMeeting({ title: "Long ago" });
    const recent = await newMeeting({ title: "Last week" });
    const coming = await newMeeting({ title: "Coming up" });
    for (const meeting of [old, recent, coming]) {
      await signUpForMeeting(meeting.id, person(`${meeting.title} A`));
      await signUpForMeeting(meeting.id, person(`${meeting.title} B`));
    }
    const move = (meeting: Meeting, days: number) => sql`
      update meetings set signup_closes_at = now() - make_interval(days => ${days + 1}),
        starts_at = now() - make_interval(days => ${days}) - interval '2 hours',
        ends_at = now() - make_interval(days => ${days})
      where id = ${meeting.id}`;
    await move(old, 31);
    await move(recent, 7);
    const now = new Date();
    const everyBooking = async () => (await sql<[{ n: number }]>`select count(*)::int as n from meeting_bookings`)[0].n;
    const total = await everyBooking();

    expect(meetingBookingsRetention).toMatchObject({ name: "meeting bookings", keptFor: "30 days after the meeting" });
    expect(await meetingBookingsRetention.apply(sql, { dryRun: true, now })).toBe(2);
    expect(await everyBooking()).toBe(total);

    expect(await sql.begin((tx) => meetingBookingsRetention.apply(tx, { dryRun: false, now }))).toBe(2);
    expect(await everyBooking()).toBe(total - 2);
    expect(await bookings(old)).toEqual([]);
    expect(await bookings(recent)).toHaveLength(2);
    expect(await bookings(coming)).toHaveLength(2);
    const [{ links }] = await sql<[{ links: number }]>`
      select count(*)::int as links from meeting_links where meeting_id = ${old.id}`;
    expect(links).toBe(0);
    // The meeting itself (no personal data) stays.
    expect((await sql`select 1 from meetings where id = ${old.id}`).length).toBe(1);
    expect(await meetingBookingsRetention.apply(sql, { dryRun: false, now })).toBe(0);
  });
});

test("the demo inspection has an open meeting with 30 places, seeded once", async () => {
  const demo = await seedDemo({ refresh: false });
  await seedDemo({ refresh: false });
  const meetings = await sql<Array<{ capacity: number; placesTaken: number; open: boolean }>>`
    select capacity, places_taken, signup_closes_at > now() as open from meetings where inspection_id = ${demo.id}`;
  expect(meetings).toEqual([{ capacity: 30, placesTaken: 0, open: true }]);
});
