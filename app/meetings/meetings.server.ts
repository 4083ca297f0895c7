import type { TransactionSql } from "postgres";
import { sql } from "~/db.server";
import { londonTime } from "~/inspections/calendar";
import type { MeetingFormat, VenueAccess } from "./options";
import type { MeetingInput } from "./schemas";

/** An open meeting as the application sees it (one row of `meetings`). */
export interface Meeting {
  id: string;
  inspectionId: string;
  title: string;
  focus: string;
  startsAt: Date;
  endsAt: Date;
  format: MeetingFormat;
  venue: string | null;
  venueAccess: VenueAccess[];
  accessNotes: string | null;
  joiningInstructions: string | null;
  capacity: number;
  placesTaken: number;
  signupClosesAt: Date;
  cancelledAt: Date | null;
}

export type Db = typeof sql | TransactionSql;

export const MEETING_COLUMNS = sql`
  m.id, m.inspection_id, m.title, m.focus, m.starts_at, m.ends_at, m.format, m.venue, m.venue_access,
  m.access_notes, m.joining_instructions, m.capacity, m.places_taken, m.signup_closes_at, m.cancelled_at`;

/** Ids in addresses are typed by people: anything but digits is simply not a meeting. */
const isId = (value: string | undefined): value is string => typeof value === "string" && /^\d{1,15}$/.test(value);

const WAITING = sql`
  (select count(*)::int from meeting_bookings b where b.meeting_id = m.id and b.status = 'waiting') as waiting`;

export type MeetingWithWaiting = Meeting & { waiting: number };

export async function findMeeting(
  inspectionId: string,
  meetingId: string | undefined,
): Promise<MeetingWithWaiting | undefined> {
  if (!isId(meetingId)) return undefined;
  const [meeting] = await sql<MeetingWithWaiting[]>`
    select ${MEETING_COLUMNS}, ${WAITING} from meetings m
    where m.id = ${meetingId} and m.inspection_id = ${inspectionId}`;
  return meeting;
}

/** An inspection's meetings, soonest first; the public sees only those not cancelled and not yet over. */
export async function meetingsOf(
  inspectionId: string,
  { upcomingOnly = false, now = new Date() }: { upcomingOnly?: boolean; now?: Date } = {},
): Promise<MeetingWithWaiting[]> {
  return sql<MeetingWithWaiting[]>`
    select ${MEETING_COLUMNS}, ${WAITING}
    from meetings m
    where m.inspection_id = ${inspectionId}
      ${upcomingOnly ? sql`and m.cancelled_at is null and m.ends_at > ${now}` : sql``}
    order by m.starts_at, m.id`;
}

export type SignUpState = "open" | "full" | "closed";

/** Whether the public can sign up now, and whether they would get a place or join the waiting list. */
export function signUpState(meeting: MeetingWithWaiting, now = new Date()): SignUpState {
  if (meeting.cancelledAt || now >= meeting.signupClosesAt) return "closed";
  return meeting.placesTaken >= meeting.capacity || meeting.waiting > 0 ? "full" : "open";
}

export const placesLeftIn = (meeting: MeetingWithWaiting) =>
  meeting.waiting > 0 ? 0 : Math.max(0, meeting.capacity - meeting.placesTaken);

/** The instants a form's London wall-clock date and times stand for. */
export function meetingTimes(input: MeetingInput) {
  return {
    startsAt: londonTime(input.date, input.startTime),
    endsAt: londonTime(input.date, input.endTime),
    signupClosesAt: londonTime(input.closesDate, input.closesTime),
  };
}

export async function createMeeting(inspectionId: string, input: MeetingInput): Promise<Meeting> {
  const times = meetingTimes(input);
  const [meeting] = await sql<Meeting[]>`
    insert into meetings as m (inspection_id, title, focus, starts_at, ends_at, format, venue, venue_access,
                               access_notes, joining_instructions, capacity, signup_closes_at)
    values (${inspectionId}, ${input.title}, ${input.focus}, ${times.startsAt}, ${times.endsAt}, ${input.format},
            ${input.venue}, ${input.venueAccess}, ${input.accessNotes}, ${input.joiningInstructions},
            ${input.capacity}, ${times.signupClosesAt})
    returning ${MEETING_COLUMNS}`;
  return meeting!;
}

/** What people signed up must be told about: the time, the place or how to join. */
export function changesForPeople(meeting: Meeting, input: MeetingInput): boolean {
  const times = meetingTimes(input);
  return (
    times.startsAt.getTime() !== meeting.startsAt.getTime() ||
    times.endsAt.getTime() !== meeting.endsAt.getTime() ||
    input.format !== meeting.format ||
    input.venue !== meeting.venue ||
    input.joiningInstructions !== meeting.joiningInstructions
  );
}

/** Staff who hear about interpreter requests: the LANO, or the inspectors when there is no LANO. */
export async function organiserEmails(db: Db, inspectionId: string): Promise<string[]> {
  const rows = await db<{ email: string; role: string }[]>`
    select u.email, r.role from staff_roles r join staff_users u on u.id = r.user_id
    where r.inspection_id = ${inspectionId} and r.role in ('lano', 'inspector')
    order by u.email`;
  const lanos = rows.filter((row) => row.role === "lano");
  return (lanos.length ? lanos : rows).map((row) => row.email);
}

/** For the inspection's public page: meetings open for sign-up, and how many places they have left. */
export async function openMeetingSummary(inspectionId: string, now = new Date()) {
  const meetings = await meetingsOf(inspectionId, { upcomingOnly: true, now });
  const open = meetings.filter((meeting) => signUpState(meeting, now) !== "closed");
  return {
    meetings: meetings.length,
    open: open.length,
    placesLeft: open.reduce((sum, meeting) => sum + placesLeftIn(meeting), 0),
  };
}
