import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { londonTime } from "~/inspections/calendar";
import { workingDay } from "~/inspections/working-days.server";
import { createMeeting } from "./meetings.server";

/**
 * The demo inspection's open meeting: 30 places on day 1, in person or online, sign-up open until the
 * working day before. Added when the demo has no meeting still open for sign-up, so `npm start` always
 * shows the whole flow.
 */
export async function seedDemoMeeting(inspection: Inspection, now = new Date()) {
  const [open] = await sql`
    select 1 from meetings where inspection_id = ${inspection.id} and cancelled_at is null and signup_closes_at > ${now}`;
  const closes = workingDay(inspection.day1, -1);
  if (open || londonTime(closes, "17:00") <= now) return;
  await createMeeting(inspection.id, {
    title: "Open meeting for parents and carers",
    focus:
      "Inspectors want to hear how well local services identify and meet the needs of children and young people with SEND, and what would make the biggest difference to your family.",
    date: inspection.day1,
    startTime: "16:00",
    endTime: "17:30",
    format: "both",
    venue: "Northshire Central Library, Meeting Room 2, 1 Market Street, Northshire NS1 1AA",
    venueAccess: ["step-free", "hearing-loop", "parking", "quiet-room", "toilets"],
    accessNotes: "The entrance is on Market Street, with a ramp. Blue badge parking is behind the library.",
    joiningInstructions:
      "Join on Microsoft Teams from the link the local area will email you on the day. You can join by phone too.",
    capacity: 30,
    closesDate: closes,
    closesTime: "17:00",
  });
}
