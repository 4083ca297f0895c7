import { parseWithZod } from "@conform-to/zod";
import { workingDay } from "~/inspections/working-days.server";
import type { Inspection } from "~/inspections/inspection";
import { londonParts } from "~/inspections/calendar";
import { meetingTimes, type Meeting } from "./meetings.server";
import { MeetingSchema, partsFromIso } from "./schemas";

/**
 * Parses an organiser's meeting form: the shared schema first, then what only the server can judge (the
 * time now). Returns the input, or the reply to send back with every problem.
 */
export function parseMeetingForm(formData: FormData, existing?: Meeting, now = new Date()) {
  const submission = parseWithZod(formData, { schema: MeetingSchema });
  if (submission.status !== "success") return { reply: submission.reply() } as const;
  const times = meetingTimes(submission.value);
  const fieldErrors: Record<string, string[]> = {};
  // A change may leave a time that has passed as it was (the room changes after sign-up closed), but
  // nothing may be moved into the past.
  const moved = (before: Date | undefined, after: Date) => before?.getTime() !== after.getTime();
  if (times.startsAt <= now && moved(existing?.startsAt, times.startsAt))
    fieldErrors.date = ["meetings:form.errors.inPast"];
  else if (times.signupClosesAt <= now && moved(existing?.signupClosesAt, times.signupClosesAt)) {
    fieldErrors.closesDate = ["meetings:form.errors.closesInPast"];
  }
  if (Object.keys(fieldErrors).length) return { reply: submission.reply({ fieldErrors }) } as const;
  return { input: submission.value, submission } as const;
}

/** A new meeting's form starts on day 1 of the inspection, sign-up closing the working day before. */
export function newMeetingDefaults(inspection: Inspection) {
  return {
    date: partsFromIso(inspection.day1),
    startTime: "16:00",
    endTime: "17:30",
    closesDate: partsFromIso(workingDay(inspection.day1, -1)),
    closesTime: "17:00",
  };
}

/** An existing meeting as its form's starting values. */
export function meetingFormValues(meeting: Meeting) {
  const start = londonParts(meeting.startsAt);
  const closes = londonParts(meeting.signupClosesAt);
  return {
    title: meeting.title,
    focus: meeting.focus,
    date: partsFromIso(start.date),
    startTime: start.time,
    endTime: londonParts(meeting.endsAt).time,
    format: meeting.format,
    venue: meeting.venue ?? "",
    venueAccess: meeting.venueAccess,
    accessNotes: meeting.accessNotes ?? "",
    joiningInstructions: meeting.joiningInstructions ?? "",
    capacity: String(meeting.capacity),
    closesDate: partsFromIso(closes.date),
    closesTime: closes.time,
  };
}
