import { z } from "zod";
import {
  ACCESS_NEEDS,
  isInPerson,
  isOnline,
  MAX_CAPACITY,
  MAX_PLACES_PER_BOOKING,
  MEETING_FORMATS,
  VENUE_ACCESS,
  type AccessNeed,
  type MeetingFormat,
  type VenueAccess,
} from "./options";

/**
 * The open meeting forms, shared by browser and server. Every field is checked in one refinement so a
 * form with several problems lists them all at once; messages are translation keys.
 */
const text = z.string().trim().optional();

type DateBoxes = { day?: string; month?: string; year?: string } | undefined;

/**
 * 'YYYY-MM-DD' from a GOV.UK date input's three boxes, or '' when they do not make a real date. (Not the
 * inspections' version: that module brings the bank holiday tables, which must not reach the browser.)
 */
export function isoFromParts(parts: DateBoxes): string {
  const [day, month, year] = [parts?.day, parts?.month, parts?.year].map((part) => part?.trim() ?? "");
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return "";
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return real ? date.toISOString().slice(0, 10) : "";
}

export const partsFromIso = (iso: string) => ({
  day: String(Number(iso.slice(8, 10))),
  month: String(Number(iso.slice(5, 7))),
  year: iso.slice(0, 4),
});

/** "9:30", "09:30" or "9.30" as "09:30"; '' when it is not a time of day. */
export function normaliseTime(value: string | undefined): string {
  const match = value?.trim().match(/^([01]?\d|2[0-3])[:.]([0-5]\d)$/);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : "";
}
const list = z.array(z.string()).optional();
const EMAIL = z.string().email().max(254);
const PHONE = /^[+()\d\s-]{7,40}$/;

export const SignUpSchema = z
  .object({
    name: text,
    email: text,
    phone: text,
    places: text,
    needs: list,
    interpreterLanguage: text,
    otherNeed: text,
    /** Set when the form was shown as "join the waiting list", or after being told the meeting is full. */
    waitingList: text,
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message: `meetings:signUp.errors.${message}` });
    if (!value.name) problem("name", "nameRequired");
    else if (value.name.length > 120) problem("name", "nameTooLong");
    if (!value.email) problem("email", "emailRequired");
    else if (!EMAIL.safeParse(value.email).success) problem("email", "emailInvalid");
    if (value.phone && !PHONE.test(value.phone)) problem("phone", "phoneInvalid");
    const places = Number(value.places);
    if (!value.places) problem("places", "placesRequired");
    else if (!Number.isInteger(places) || places < 1 || places > MAX_PLACES_PER_BOOKING)
      problem("places", "placesRange");
    const needs = value.needs ?? [];
    if (needs.some((need) => !(ACCESS_NEEDS as readonly string[]).includes(need))) problem("needs", "needsInvalid");
    if (needs.includes("interpreter")) {
      if (!value.interpreterLanguage) problem("interpreterLanguage", "languageRequired");
      else if (value.interpreterLanguage.length > 60) problem("interpreterLanguage", "languageTooLong");
    }
    if (needs.includes("other")) {
      if (!value.otherNeed) problem("otherNeed", "otherRequired");
      else if (value.otherNeed.length > 500) problem("otherNeed", "otherTooLong");
    }
  })
  .transform((value) => {
    const needs = ACCESS_NEEDS.filter((need) => value.needs?.includes(need));
    return {
      name: value.name!,
      email: value.email!,
      phone: value.phone || null,
      places: Number(value.places),
      needs: needs as AccessNeed[],
      // Text for a box left unticked is not kept: only what the person chose.
      interpreterLanguage: needs.includes("interpreter") ? value.interpreterLanguage! : null,
      otherNeed: needs.includes("other") ? value.otherNeed! : null,
      waitingList: value.waitingList === "yes",
    };
  });

export type SignUp = z.output<typeof SignUpSchema>;

const DateParts = z
  .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
  .optional();

export const MeetingSchema = z
  .object({
    title: text,
    focus: text,
    date: DateParts,
    startTime: text,
    endTime: text,
    format: text,
    venue: text,
    venueAccess: list,
    accessNotes: text,
    joiningInstructions: text,
    capacity: text,
    closesDate: DateParts,
    closesTime: text,
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message: `meetings:form.errors.${message}` });
    if (!value.title) problem("title", "titleRequired");
    else if (value.title.length > 120) problem("title", "titleTooLong");
    if (!value.focus) problem("focus", "focusRequired");
    else if (value.focus.length > 1000) problem("focus", "focusTooLong");
    const date = isoFromParts(value.date);
    const start = normaliseTime(value.startTime);
    const end = normaliseTime(value.endTime);
    if (!date) problem("date", "dateInvalid");
    if (!start) problem("startTime", "timeInvalid");
    if (!end) problem("endTime", "timeInvalid");
    else if (start && end <= start) problem("endTime", "endBeforeStart");
    const format = value.format as MeetingFormat | undefined;
    if (!format || !MEETING_FORMATS.includes(format)) problem("format", "formatRequired");
    if (format && isInPerson(format) && !value.venue) problem("venue", "venueRequired");
    if (value.venue && value.venue.length > 500) problem("venue", "venueTooLong");
    if ((value.venueAccess ?? []).some((item) => !(VENUE_ACCESS as readonly string[]).includes(item))) {
      problem("venueAccess", "venueAccessInvalid");
    }
    if (value.accessNotes && value.accessNotes.length > 1000) problem("accessNotes", "accessNotesTooLong");
    if (format && isOnline(format) && !value.joiningInstructions) problem("joiningInstructions", "joiningRequired");
    if (value.joiningInstructions && value.joiningInstructions.length > 2000) {
      problem("joiningInstructions", "joiningTooLong");
    }
    const capacity = Number(value.capacity);
    if (!value.capacity) problem("capacity", "capacityRequired");
    else if (!/^\d+$/.test(value.capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
      problem("capacity", "capacityRange");
    }
    const closesDate = isoFromParts(value.closesDate);
    const closesTime = normaliseTime(value.closesTime);
    if (!closesDate) problem("closesDate", "dateInvalid");
    if (!closesTime) problem("closesTime", "timeInvalid");
    else if (date && start && closesDate && `${closesDate} ${closesTime}` > `${date} ${start}`) {
      problem("closesTime", "closesAfterStart");
    }
  })
  .transform((value) => {
    const format = value.format as MeetingFormat;
    return {
      title: value.title!,
      focus: value.focus!,
      date: isoFromParts(value.date),
      startTime: normaliseTime(value.startTime),
      endTime: normaliseTime(value.endTime),
      format,
      // What does not apply to the format is not kept (an online meeting has no venue).
      venue: isInPerson(format) ? value.venue! : null,
      venueAccess: isInPerson(format)
        ? (VENUE_ACCESS.filter((item) => value.venueAccess?.includes(item)) as VenueAccess[])
        : [],
      accessNotes: isInPerson(format) ? value.accessNotes || null : null,
      joiningInstructions: isOnline(format) ? value.joiningInstructions! : null,
      capacity: Number(value.capacity),
      closesDate: isoFromParts(value.closesDate),
      closesTime: normaliseTime(value.closesTime),
    };
  });

export type MeetingInput = z.output<typeof MeetingSchema>;

export const MessageSchema = z.object({
  message: z
    .string({ required_error: "meetings:message.errors.required" })
    .trim()
    .min(1, "meetings:message.errors.required")
    .max(2000, "meetings:message.errors.tooLong"),
});

/** The organiser's form as typed (before parsing), for conform's field types. */
export type MeetingFormShape = z.input<typeof MeetingSchema>;
