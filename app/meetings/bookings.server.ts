import type { TransactionSql } from "postgres";
import { randomToken, sha256 } from "~/auth/sessions.server";
import { sql } from "~/db.server";
import { env } from "~/env.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { bookingEmail, interpreterAlert, type BookingEmailKind, type MeetingForEmail } from "./emails.server";
import { changesForPeople, MEETING_COLUMNS, meetingTimes, organiserEmails } from "./meetings.server";
import { INTERPRETER_NEEDS, type AccessNeed } from "./options";
import {
  accept,
  changePlaces,
  join,
  placesHeld,
  placesLeft,
  settle,
  waitingPosition,
  type BookingStatus,
  type Entry,
  type QueueRules,
} from "./queue";
import type { MeetingInput, SignUp } from "./schemas";
import { accessTotals } from "./totals";

/**
 * Bookings, the waiting list and the emails they cause. Every change to a meeting's bookings runs in one
 * transaction that first locks the meeting's row (SELECT ... FOR UPDATE), so changes to one meeting
 * happen one after another: the queue rules (queue.ts) decide on a list nobody else can change meanwhile.
 * `places_taken` is then recounted in SQL from the bookings themselves, and the table's check refuses a
 * count above capacity, so even a mistake here could not overbook a meeting: the transaction would fail.
 */
export interface Booking {
  id: string;
  queueSeq: string;
  name: string;
  email: string;
  phone: string | null;
  places: number;
  needs: AccessNeed[];
  interpreterLanguage: string | null;
  otherNeed: string | null;
  locale: string;
  status: BookingStatus;
  offerExpiresAt: Date | null;
  attended: boolean;
  icsSequence: number;
  createdAt: Date;
}

const BOOKING_COLUMNS = (tx: TransactionSql | typeof sql) => tx`
  id, queue_seq, name, email, phone, places, needs, interpreter_language, other_need, locale, status,
  offer_expires_at, attended, ics_sequence, created_at`;

interface Locked {
  tx: TransactionSql;
  meeting: MeetingForEmail;
  rows: Map<string, Booking>;
  now: Date;
}

const toEntry = (booking: Booking): Entry => ({
  id: booking.id,
  places: booking.places,
  status: booking.status,
  seq: Number(booking.queueSeq),
  offerExpiresAt: booking.offerExpiresAt,
});

const entriesOf = (locked: Locked) => [...locked.rows.values()].map(toEntry);

const rulesOf = (locked: Locked): QueueRules => ({
  capacity: locked.meeting.capacity,
  holdMs: env.MEETING_OFFER_HOURS * 60 * 60_000,
  signUpClosesAt: locked.meeting.signupClosesAt,
});

const DAY_MS = 24 * 60 * 60_000;

/** Runs `work` with the meeting's row locked and its bookings loaded. */
async function withMeetingLocked<T>(meetingId: string, now: Date, work: (locked: Locked) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    const [meeting] = await tx<MeetingForEmail[]>`
      select ${MEETING_COLUMNS}, i.slug, i.local_area_name as area
      from meetings m join inspections i on i.id = m.inspection_id
      where m.id = ${meetingId}
      for update of m`;
    if (!meeting) throw new Response("Not Found", { status: 404 });
    const bookings = await tx<Booking[]>`
      select ${BOOKING_COLUMNS(tx)} from meeting_bookings where meeting_id = ${meetingId}`;
    return work({ tx, meeting, rows: new Map(bookings.map((booking) => [booking.id, booking])), now });
  }) as Promise<T>;
}

/** A single-use link for an email; only its hash is stored. */
async function createLink(locked: Locked, booking: Booking, purpose: "cancel" | "offer", expiresAt: Date) {
  const token = randomToken();
  await locked.tx`
    insert into meeting_links (token_hash, meeting_id, booking_id, purpose, expires_at)
    values (${sha256(token)}, ${locked.meeting.id}, ${booking.id}, ${purpose}, ${expiresAt})`;
  return token;
}

/** Queues one email about `booking`, with its link (to cancel, or to answer an offer) and invitation. */
async function notify(
  locked: Locked,
  kind: BookingEmailKind,
  booking: Booking,
  extra: { calendar?: "REQUEST" | "CANCEL"; message?: string; noLink?: boolean } = {},
) {
  const { meeting, now } = locked;
  let link: { kind: "cancel" | "leave" | "offer"; token: string } | undefined;
  if (!extra.noLink && booking.status === "offered" && kind === "offer") {
    link = { kind: "offer", token: await createLink(locked, booking, "offer", booking.offerExpiresAt!) };
  } else if (!extra.noLink && locked.rows.has(booking.id)) {
    link = {
      kind: booking.status === "confirmed" ? "cancel" : "leave",
      token: await createLink(locked, booking, "cancel", meeting.endsAt),
    };
  }
  await enqueueEmail(
    locked.tx,
    bookingEmail(kind, {
      meeting,
      booking,
      holdsPlace: booking.status === "confirmed",
      link,
      position: waitingPosition(entriesOf(locked), booking.id),
      offerEnds: booking.offerExpiresAt ?? undefined,
      message: extra.message,
      calendar: extra.calendar ? { method: extra.calendar, sequence: booking.icsSequence } : undefined,
      now,
    }),
  );
}

/** Ends offers that have run out and offers freed places in order; then recounts the places held. */
async function settleQueue(locked: Locked) {
  const { tx, rows, now } = locked;
  const result = settle(entriesOf(locked), rulesOf(locked), now);
  for (const id of result.expired) {
    const booking = rows.get(id)!;
    await tx`delete from meeting_bookings where id = ${id}`;
    rows.delete(id);
    await notify(locked, "offerEnded", booking);
  }
  for (const id of result.offered) {
    const entry = result.entries.find((candidate) => candidate.id === id)!;
    const [booking] = await tx<Booking[]>`
      update meeting_bookings set status = 'offered', offer_expires_at = ${entry.offerExpiresAt}, updated_at = now()
      where id = ${id} returning ${BOOKING_COLUMNS(tx)}`;
    rows.set(id, booking!);
    await notify(locked, "offer", booking!);
  }
  await tx`
    update meetings set places_taken = (
      select coalesce(sum(places), 0) from meeting_bookings
      where meeting_id = ${locked.meeting.id} and status in ('confirmed', 'offered'))
    where id = ${locked.meeting.id}`;
}

const asksForInterpreter = (needs: readonly string[]) =>
  needs.some((need) => INTERPRETER_NEEDS.includes(need as AccessNeed));

/** Tells the organisers at once when someone newly asks for an interpreter: counts and language only. */
async function alertOrganisers(locked: Locked, booking: Booking, before?: Booking) {
  if (!asksForInterpreter(booking.needs)) return;
  const unchanged =
    before &&
    INTERPRETER_NEEDS.every((need) => before.needs.includes(need) === booking.needs.includes(need)) &&
    before.interpreterLanguage === booking.interpreterLanguage;
  if (unchanged) return;
  // The same totals as the organisers' page: bookings with a place (or an open offer).
  const all = accessTotals([...locked.rows.values()]);
  const totals = {
    bsl: all.needs.bsl.withPlace,
    languages: all.languages
      .filter((entry) => entry.withPlace > 0)
      .map((entry) => ({ language: entry.language, count: entry.withPlace })),
  };
  for (const to of await organiserEmails(locked.tx, locked.meeting.inspectionId)) {
    await enqueueEmail(
      locked.tx,
      interpreterAlert(
        to,
        locked.meeting,
        { needs: booking.needs, language: booking.interpreterLanguage, holdsPlace: booking.status !== "waiting" },
        totals,
      ),
    );
  }
}

/** A confirmation within a day of the meeting is its own reminder. */
const remindedAt = (locked: Locked) =>
  locked.meeting.startsAt.getTime() - DAY_MS <= locked.now.getTime() ? locked.now : null;

export type SignUpOutcome =
  | { kind: "confirmed" }
  | { kind: "waiting"; position: number }
  | { kind: "offered" }
  | { kind: "closed" }
  /** The meeting is full (or has too few places) and the person has not said they would wait. */
  | { kind: "full"; placesLeft: number }
  /** Someone with a place asked for more places than can be given now; their booking is unchanged. */
  | { kind: "unavailable"; placesLeft: number };

export const signUpClosed = (meeting: { cancelledAt: Date | null; signupClosesAt: Date }, now: Date) =>
  meeting.cancelledAt !== null || now >= meeting.signupClosesAt;

/**
 * Signs someone up, or changes their booking when the address has one for this meeting already. A new
 * booking gets a place when one is free and nobody is waiting; otherwise it joins the waiting list,
 * but only if the person agreed to (the form said the meeting was full), so a meeting that filled while
 * the form was open is never a surprise.
 */
export async function signUpForMeeting(
  meetingId: string,
  input: SignUp & { locale: string },
  now = new Date(),
): Promise<SignUpOutcome> {
  return withMeetingLocked(meetingId, now, async (locked) => {
    const { tx, meeting, rows } = locked;
    if (signUpClosed(meeting, now)) return { kind: "closed" };
    await settleQueue(locked);
    const entries = entriesOf(locked);
    const address = input.email.toLowerCase();
    const existing = [...rows.values()].find((row) => row.email.toLowerCase() === address);
    const details = {
      name: input.name,
      email: input.email,
      phone: input.phone,
      places: input.places,
      needs: input.needs,
      interpreter_language: input.interpreterLanguage,
      other_need: input.otherNeed,
      locale: input.locale,
    };

    let booking: Booking | undefined;
    if (existing) {
      if (changePlaces(entries, meeting.capacity, existing.id, input.places) === "unavailable") {
        return { kind: "unavailable", placesLeft: placesLeft(entries, meeting.capacity) };
      }
      const bump = existing.status === "confirmed" ? 1 : 0;
      [booking] = await tx<Booking[]>`
        update meeting_bookings set ${tx(details)}, ics_sequence = ics_sequence + ${bump}, updated_at = now()
        where id = ${existing.id} returning ${BOOKING_COLUMNS(tx)}`;
      rows.set(booking!.id, booking!);
      if (booking!.status === "offered") await notify(locked, "offer", booking!);
      else
        await notify(locked, booking!.status === "confirmed" ? "updated" : "waiting", booking!, {
          calendar: booking!.status === "confirmed" ? "REQUEST" : undefined,
        });
      await alertOrganisers(locked, booking!, existing);
    } else {
      const [status] = join(entries, meeting.capacity, { id: "new", places: input.places, seq: Infinity })
        .filter((entry) => entry.id === "new")
        .map((entry) => entry.status);
      if (status === "waiting" && !input.waitingList) {
        return { kind: "full", placesLeft: placesLeft(entries, meeting.capacity) };
      }
      [booking] = await tx<Booking[]>`
        insert into meeting_bookings ${tx({ ...details, meeting_id: meeting.id, status, reminded_at: remindedAt(locked) })}
        returning ${BOOKING_COLUMNS(tx)}`;
      rows.set(booking!.id, booking!);
      await notify(locked, status === "confirmed" ? "confirmed" : "waiting", booking!, {
        calendar: status === "confirmed" ? "REQUEST" : undefined,
      });
      await alertOrganisers(locked, booking!);
    }
    await settleQueue(locked);
    const final = rows.get(booking!.id)!;
    if (final.status === "waiting") return { kind: "waiting", position: waitingPosition(entriesOf(locked), final.id)! };
    return { kind: final.status };
  });
}

export type LinkState =
  | { state: "invalid" }
  | { state: "expired" }
  | { state: "used"; outcome: "cancelled" | "accepted" | "declined" }
  | { state: "offer"; meetingId: string; places: number; offerEnds: Date }
  | { state: "cancel"; meetingId: string; places: number; status: BookingStatus; position: number | null };

interface LinkRow {
  meetingId: string;
  bookingId: string | null;
  purpose: "cancel" | "offer";
  expiresAt: Date;
  usedAt: Date | null;
  outcome: "cancelled" | "accepted" | "declined" | null;
}

/** What an emailed link can do now, for the page it opens. Looking changes nothing (mail scanners look). */
export async function describeLink(slug: string, token: string, now = new Date()): Promise<LinkState> {
  const [link] = await sql<LinkRow[]>`
    select l.meeting_id, l.booking_id, l.purpose, l.expires_at, l.used_at, l.outcome
    from meeting_links l join meetings m on m.id = l.meeting_id join inspections i on i.id = m.inspection_id
    where l.token_hash = ${sha256(token)} and i.slug = ${slug}`;
  if (!link) return { state: "invalid" };
  if (link.usedAt) return { state: "used", outcome: link.outcome! };
  const [booking] = link.bookingId
    ? await sql<Booking[]>`select ${BOOKING_COLUMNS(sql)} from meeting_bookings where id = ${link.bookingId}`
    : [];
  if (!booking || link.expiresAt <= now) return { state: "expired" };
  if (link.purpose === "offer") {
    if (booking.status !== "offered" || booking.offerExpiresAt! <= now) return { state: "expired" };
    return { state: "offer", meetingId: link.meetingId, places: booking.places, offerEnds: booking.offerExpiresAt! };
  }
  const [{ position } = { position: null }] =
    booking.status === "waiting"
      ? await sql<{ position: number }[]>`
          select count(*)::int as position from meeting_bookings
          where meeting_id = ${link.meetingId} and status = 'waiting' and queue_seq <= ${booking.queueSeq}`
      : [];
  return { state: "cancel", meetingId: link.meetingId, places: booking.places, status: booking.status, position };
}

export type LinkIntent = "accept" | "decline" | "cancel";
export type LinkResult = "accepted" | "declined" | "cancelled" | "used" | "expired" | "invalid";

/** Does what an emailed link's button asks: accept or decline an offer, or cancel a booking. */
export async function answerLink(
  slug: string,
  token: string,
  intent: LinkIntent,
  now = new Date(),
): Promise<LinkResult> {
  const hash = sha256(token);
  const [found] = await sql<{ meetingId: string }[]>`
    select l.meeting_id from meeting_links l
    join meetings m on m.id = l.meeting_id join inspections i on i.id = m.inspection_id
    where l.token_hash = ${hash} and i.slug = ${slug}`;
  if (!found) return "invalid";
  return withMeetingLocked(found.meetingId, now, async (locked) => {
    const { tx, rows } = locked;
    const [link] = await tx<LinkRow[]>`
      select meeting_id, booking_id, purpose, expires_at, used_at, outcome
      from meeting_links where token_hash = ${hash} for update`;
    if (link!.usedAt) return "used";
    const booking = link!.bookingId ? rows.get(link!.bookingId) : undefined;
    if (!booking || link!.expiresAt <= now) return "expired";
    // An offer's link answers the offer; a cancel link cancels. Anything else is a forged request.
    if ((link!.purpose === "offer") !== (intent !== "cancel")) return "invalid";
    await settleQueue(locked);

    let result: "accepted" | "declined" | "cancelled";
    if (intent === "accept") {
      const accepted = accept(entriesOf(locked), booking.id, now);
      if (accepted === "expired" || accepted === "not-offered") return "expired";
      const [confirmed] = await tx<Booking[]>`
        update meeting_bookings
        set status = 'confirmed', offer_expires_at = null, reminded_at = ${remindedAt(locked)}, updated_at = now()
        where id = ${booking.id} returning ${BOOKING_COLUMNS(tx)}`;
      rows.set(booking.id, confirmed!);
      await notify(locked, "confirmed", confirmed!, { calendar: "REQUEST" });
      await alertOrganisers(locked, confirmed!);
      result = "accepted";
    } else {
      if (!rows.has(booking.id)) return "expired";
      await tx`delete from meeting_bookings where id = ${booking.id}`;
      rows.delete(booking.id);
      if (intent === "cancel") {
        const hadPlace = booking.status === "confirmed";
        await notify(
          locked,
          hadPlace ? "cancelled" : "left",
          { ...booking, icsSequence: booking.icsSequence + 1 },
          {
            calendar: hadPlace ? "CANCEL" : undefined,
          },
        );
      }
      result = intent === "cancel" ? "cancelled" : "declined";
    }
    await tx`update meeting_links set used_at = ${now}, outcome = ${result} where token_hash = ${hash}`;
    await settleQueue(locked);
    return result;
  });
}

/**
 * Changes a meeting. A new time, place or way to join is emailed to everyone signed up (an updated
 * invitation to those with a place); more places go to the waiting list at once.
 */
export async function updateMeeting(
  meetingId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<"updated" | "below-booked"> {
  return withMeetingLocked(meetingId, now, async (locked) => {
    const { tx, meeting, rows } = locked;
    if (input.capacity < placesHeld(entriesOf(locked))) return "below-booked";
    const notice = changesForPeople(meeting, input);
    const times = meetingTimes(input);
    const [changed] = await tx<MeetingForEmail[]>`
      update meetings as m set title = ${input.title}, focus = ${input.focus}, starts_at = ${times.startsAt},
        ends_at = ${times.endsAt}, format = ${input.format}, venue = ${input.venue},
        venue_access = ${input.venueAccess}, access_notes = ${input.accessNotes},
        joining_instructions = ${input.joiningInstructions}, capacity = ${input.capacity},
        signup_closes_at = ${times.signupClosesAt}, updated_at = now()
      where id = ${meeting.id}
      returning ${MEETING_COLUMNS}`;
    locked.meeting = { ...meeting, ...changed! };
    if (notice) {
      const moved = times.startsAt.getTime() !== meeting.startsAt.getTime();
      for (const booking of [...rows.values()]) {
        const bump = booking.status === "confirmed" ? 1 : 0;
        // A new time deserves its own reminder the day before.
        const [updated] = await tx<Booking[]>`
          update meeting_bookings set ics_sequence = ics_sequence + ${bump},
            reminded_at = ${moved ? null : tx`reminded_at`}
          where id = ${booking.id} returning ${BOOKING_COLUMNS(tx)}`;
        rows.set(booking.id, updated!);
        await notify(locked, "changed", updated!, { calendar: bump ? "REQUEST" : undefined });
      }
    }
    await settleQueue(locked);
    return "updated";
  });
}

/** Cancels a meeting: everyone signed up is told (with a calendar cancellation), and their bookings go. */
export async function cancelMeeting(meetingId: string, now = new Date()) {
  await withMeetingLocked(meetingId, now, async (locked) => {
    const { tx, meeting, rows } = locked;
    if (meeting.cancelledAt) return;
    await tx`update meetings set cancelled_at = ${now}, updated_at = now() where id = ${meeting.id}`;
    const everyone = [...rows.values()];
    await tx`delete from meeting_bookings where meeting_id = ${meeting.id}`;
    rows.clear();
    for (const booking of everyone) {
      const hadPlace = booking.status === "confirmed";
      await notify(
        locked,
        "meetingCancelled",
        { ...booking, icsSequence: booking.icsSequence + 1 },
        {
          calendar: hadPlace ? "CANCEL" : undefined,
          noLink: true,
        },
      );
    }
    await tx`update meetings set places_taken = 0 where id = ${meeting.id}`;
  });
}

/** An organiser's message to everyone with a place, each in their own language's frame. */
export async function messageEveryoneBooked(meetingId: string, message: string, now = new Date()): Promise<number> {
  return withMeetingLocked(meetingId, now, async (locked) => {
    const booked = [...locked.rows.values()].filter((booking) => booking.status === "confirmed");
    for (const booking of booked) await notify(locked, "message", booking, { message });
    return booked.length;
  });
}

export async function setAttended(meetingId: string, bookingId: string, attended: boolean) {
  await sql`
    update meeting_bookings set attended = ${attended}, updated_at = now()
    where id = ${bookingId}::uuid and meeting_id = ${meetingId} and status = 'confirmed'`;
}

/** Everyone signed up for a meeting, for its organisers: places first, then the waiting list in order. */
export async function bookingsOf(meetingId: string): Promise<Booking[]> {
  return sql<Booking[]>`
    select ${BOOKING_COLUMNS(sql)} from meeting_bookings where meeting_id = ${meetingId}
    order by case status when 'confirmed' then 0 when 'offered' then 1 else 2 end, queue_seq`;
}

/**
 * The periodic work (housekeeping.server.ts): offers that ran out pass to the next person, and people
 * with a place get a reminder the day before. Safe to run in several processes at once.
 */
export async function runMeetingJobs(now = new Date()) {
  const overdue = await sql<{ meetingId: string }[]>`
    select distinct meeting_id from meeting_bookings where status = 'offered' and offer_expires_at <= ${now}`;
  for (const { meetingId } of overdue) await withMeetingLocked(meetingId, now, settleQueue);

  const due = await sql<{ meetingId: string }[]>`
    select distinct b.meeting_id from meeting_bookings b join meetings m on m.id = b.meeting_id
    where b.status = 'confirmed' and b.reminded_at is null and m.cancelled_at is null
      and m.starts_at > ${now} and m.starts_at <= ${new Date(now.getTime() + DAY_MS)}`;
  for (const { meetingId } of due) {
    await withMeetingLocked(meetingId, now, async (locked) => {
      const reminded = await locked.tx<{ id: string }[]>`
        update meeting_bookings set reminded_at = ${now}
        where meeting_id = ${meetingId} and status = 'confirmed' and reminded_at is null
        returning id`;
      for (const { id } of reminded) await notify(locked, "reminder", locked.rows.get(id)!);
    });
  }
}
