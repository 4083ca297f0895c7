import { createEvent } from "ics";

/**
 * Calendar invitations (iCalendar, RFC 5545 with the iTIP methods of RFC 5546), written by the `ics`
 * library. Calendar programs accept an update or a cancellation only when it carries the same UID as the
 * invitation it replaces and a higher SEQUENCE, and they need METHOD both in the file and in the email's
 * Content-Type (the outbox sends `method` for that).
 *
 * `ics` writes times only as UTC or as floating local time. Meetings are London wall-clock times, and
 * calendar programs show a time with its zone correctly across the clock changes, so the local times are
 * labelled TZID=Europe/London here and the calendar carries that zone's definition (as tzurl.org gives it).
 */
export const TIME_ZONE = "Europe/London";

const LONDON_ZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
]
  .map((line) => `${line}\r\n`)
  .join("");

export type CalendarMethod = "REQUEST" | "CANCEL";

export interface Invitation {
  method: CalendarMethod;
  /** The same for every version of one booking. */
  uid: string;
  /** Goes up with every version sent. */
  sequence: number;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** When this version was made (DTSTAMP). */
  stamp: Date;
}

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant as London wall-clock time in iCalendar's form: 20270405T160000. */
export function londonDateTime(instant: Date): string {
  const part = Object.fromEntries(wallClock.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`;
}

export function calendarInvitation(invitation: Invitation): string {
  const { error, value } = createEvent({
    // DTSTAMP: `ics` reads `timestamp`, though its type definitions do not list it.
    ...({ timestamp: invitation.stamp.getTime() } as object),
    productId: "-//Ofsted and CQC//Area SEND engagement portal//EN",
    method: invitation.method,
    uid: invitation.uid,
    sequence: invitation.sequence,
    // Strings pass through `ics` untouched: the wall-clock times labelled with their zone below.
    start: londonDateTime(invitation.start),
    end: londonDateTime(invitation.end),
    title: invitation.title,
    description: invitation.description,
    ...(invitation.location ? { location: invitation.location } : {}),
    status: invitation.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: invitation.organizer,
    attendees: [{ ...invitation.attendee, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
  });
  if (error || !value) throw error ?? new Error("The calendar invitation could not be made.");
  return value
    .replace(/^DTSTART:/m, `DTSTART;TZID=${TIME_ZONE}:`)
    .replace(/^DTEND:/m, `DTEND;TZID=${TIME_ZONE}:`)
    .replace(/^BEGIN:VEVENT\r\n/m, `${LONDON_ZONE}BEGIN:VEVENT\r\n`);
}
