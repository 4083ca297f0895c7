import { formatDateTime } from "~/i18n/format";
import { translations } from "~/i18n/i18next.server";
import { meetingWhen } from "./emails.server";
import { placesLeftIn, signUpState, type MeetingWithWaiting } from "./meetings.server";

/**
 * A meeting as pages show it, with times already formatted in London time and the reader's language
 * (formatted on the server, so the browser never formats them differently). No joining instructions:
 * those go only to people with a place.
 */
export function meetingView(meeting: MeetingWithWaiting, locale: string, now = new Date()) {
  const t = translations.getFixedT(locale, "meetings");
  return {
    id: meeting.id,
    title: meeting.title,
    focus: meeting.focus,
    when: meetingWhen(locale, meeting),
    closes: formatDateTime(t, locale, meeting.signupClosesAt),
    format: meeting.format,
    venue: meeting.venue,
    venueAccess: meeting.venueAccess,
    accessNotes: meeting.accessNotes,
    state: signUpState(meeting, now),
    cancelled: meeting.cancelledAt !== null,
    placesLeft: placesLeftIn(meeting),
  };
}

export type MeetingView = ReturnType<typeof meetingView>;

/** An instant as "Monday 5 April 2027 at 16:00" in London time, in the reader's language. */
export function whenText(locale: string, instant: Date): string {
  return formatDateTime(translations.getFixedT(locale, "meetings"), locale, instant);
}
