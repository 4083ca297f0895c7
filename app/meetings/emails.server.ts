import { publicUrl } from "~/auth/secret.server";
import { formatDate, formatTime } from "~/i18n/format";
import { translations } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, textDirection } from "~/i18n/languages";
import { buildEmail, type Email } from "~/mail/message";
import { mailHost } from "~/mail/transport.server";
import { calendarInvitation, type CalendarMethod } from "./calendar";
import type { Meeting } from "./meetings.server";
import { isInPerson, isOnline, type AccessNeed } from "./options";

/**
 * Every email about a meeting, written in the language the person signed up in. Plain words, the
 * meeting's details, and one link (to cancel, or to answer an offer). Subjects stay in the outbox after
 * sending, so they never hold a name or an address.
 */
export interface MeetingForEmail extends Meeting {
  slug: string;
  area: string;
}

export interface BookingForEmail {
  id: string;
  name: string;
  email: string;
  locale: string;
  places: number;
  icsSequence: number;
}

export type BookingEmailKind =
  | "confirmed"
  | "updated"
  | "waiting"
  | "offer"
  | "offerEnded"
  | "cancelled"
  | "left"
  | "changed"
  | "meetingCancelled"
  | "reminder"
  | "message";

/** Kinds whose reader holds a place, so they get the joining instructions and the place's details. */
const FOR_PLACE_HOLDERS: BookingEmailKind[] = ["confirmed", "updated", "changed", "reminder"];

/** Kinds that end with a word on what to do next. */
const WITH_CLOSING: BookingEmailKind[] = ["confirmed", "updated", "waiting", "offer", "offerEnded", "reminder"];

interface BookingEmailOptions {
  meeting: MeetingForEmail;
  booking: BookingForEmail;
  /** The booking's status when the email is written (it decides what a "changed" email says). */
  holdsPlace?: boolean;
  link?: { kind: "cancel" | "leave" | "offer"; token: string };
  position?: number | null;
  offerEnds?: Date;
  message?: string;
  calendar?: { method: CalendarMethod; sequence: number };
  now: Date;
}

export const meetingLinkUrl = (slug: string, token: string) => `${publicUrl}/s/${slug}/meeting/booking/${token}`;

/** "Monday 5 April 2027, 16:00 to 17:30" in the reader's language, in London time. */
export function meetingWhen(locale: string, meeting: Pick<Meeting, "startsAt" | "endsAt">): string {
  const t = translations.getFixedT(locale, "meetings");
  return t("details.whenValue", {
    date: formatDate(locale, meeting.startsAt),
    start: formatTime(locale, meeting.startsAt),
    end: formatTime(locale, meeting.endsAt),
  });
}

/** The lines that say when and where, shared by the emails and the calendar's description. */
function detailLines(locale: string, meeting: Meeting, withJoining: boolean): string[] {
  const t = translations.getFixedT(locale, "meetings");
  const lines = [`${t("details.when")}: ${meetingWhen(locale, meeting)} (${t("details.londonTime")})`];
  if (isInPerson(meeting.format)) {
    lines.push(`${t("details.where")}: ${meeting.venue}`);
    if (meeting.venueAccess.length) {
      lines.push(`${t("details.access")}: ${meeting.venueAccess.map((item) => t(`venueAccess.${item}`)).join(", ")}`);
    }
    if (meeting.accessNotes) lines.push(meeting.accessNotes);
  }
  if (isOnline(meeting.format)) {
    lines.push(meeting.format === "both" ? t("email.alsoOnline") : t("email.online"));
    if (withJoining && meeting.joiningInstructions) lines.push(`${t("email.joining")}\n${meeting.joiningInstructions}`);
  }
  return lines;
}

export function bookingEmail(kind: BookingEmailKind, options: BookingEmailOptions): Email {
  const { meeting, booking, link } = options;
  const locale = booking.locale;
  const t = translations.getFixedT(locale, "meetings");
  const values = {
    name: booking.name,
    title: meeting.title,
    area: meeting.area,
    count: booking.places,
    position: options.position ?? 0,
    deadline: options.offerEnds
      ? t("common:dateTime", {
          date: formatDate(locale, options.offerEnds),
          time: formatTime(locale, options.offerEnds),
        })
      : "",
    date: formatDate(locale, meeting.startsAt),
  };
  const holdsPlace = options.holdsPlace ?? FOR_PLACE_HOLDERS.includes(kind);
  const paragraphs = [t("email.greeting", values), t(`email.${kind}.body`, values)];
  if (kind === "message") paragraphs.push(options.message!);
  if (kind !== "offerEnded" && kind !== "left" && kind !== "cancelled" && kind !== "meetingCancelled") {
    paragraphs.push(detailLines(locale, meeting, holdsPlace).join("\n"));
  }
  if (holdsPlace && kind !== "message") paragraphs.push(t("email.places", values));
  if (options.calendar)
    paragraphs.push(t(options.calendar.method === "CANCEL" ? "email.calendarCancel" : "email.calendar"));
  if (WITH_CLOSING.includes(kind)) paragraphs.push(t(`email.${kind}.closing`, values));

  const email = buildEmail({
    to: booking.email,
    subject: t(`email.${kind}.subject`, values),
    serviceName: t("common:serviceName"),
    paragraphs,
    link: link ? { text: t(`email.link.${link.kind}`), url: meetingLinkUrl(meeting.slug, link.token) } : undefined,
    lang: locale,
    dir: textDirection(locale),
  });
  if (!options.calendar) return email;
  return {
    ...email,
    calendar: {
      method: options.calendar.method,
      content: calendarInvitation({
        method: options.calendar.method,
        uid: `meeting-booking-${booking.id}@${mailHost()}`,
        sequence: options.calendar.sequence,
        start: meeting.startsAt,
        end: meeting.endsAt,
        title: meeting.title,
        description: [meeting.focus, ...detailLines(locale, meeting, true)].join("\n\n"),
        location: isInPerson(meeting.format) ? meeting.venue : t("formats.online"),
        organizer: { name: t("common:serviceName"), email: `no-reply@${mailHost()}` },
        attendee: { name: booking.name, email: booking.email },
        stamp: options.now,
      }),
    },
  };
}

/**
 * To the LANO (or inspectors) as soon as someone asks for an interpreter: what was asked for and the
 * meeting's totals, never who asked. In English, the staff area's first language.
 */
export function interpreterAlert(
  to: string,
  meeting: MeetingForEmail,
  asked: { needs: AccessNeed[]; language: string | null; holdsPlace: boolean },
  totals: { bsl: number; languages: Array<{ language: string; count: number }> },
): Email {
  const locale = DEFAULT_LANGUAGE;
  const t = translations.getFixedT(locale, "meetings");
  const values = { title: meeting.title, area: meeting.area, date: formatDate(locale, meeting.startsAt) };
  const requested = [
    ...(asked.needs.includes("bsl") ? [t("needs.bsl")] : []),
    ...(asked.needs.includes("interpreter") ? [t("alert.language", { language: asked.language })] : []),
  ];
  const languages = totals.languages.map((entry) => t("alert.languageCount", entry)).join(", ");
  return buildEmail({
    to,
    subject: t("alert.subject", values),
    serviceName: t("common:serviceName"),
    paragraphs: [
      t("alert.body", values),
      `${t("alert.requested")}: ${requested.join(", ")} (${t(asked.holdsPlace ? "alert.hasPlace" : "alert.waiting")})`,
      [
        t("alert.totalsHeading"),
        t("alert.bslTotal", { count: totals.bsl }),
        `${t("alert.languagesTotal")}: ${languages || t("alert.noLanguages")}`,
      ].join("\n"),
      t("alert.notice"),
    ],
    link: { text: t("alert.link"), url: `${publicUrl}/staff/inspections/${meeting.slug}/meetings/${meeting.id}` },
    lang: locale,
    dir: textDirection(locale),
  });
}
