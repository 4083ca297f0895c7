import { deleteExpiredSignIns } from "./auth/sessions.server";
import { runMeetingJobs } from "./meetings/bookings.server";
import { sendDueReachEmails } from "./promotion/reach-emails.server";
import { deleteExpiredDrafts } from "./surveys/drafts.server";

/**
 * Deletes what must not outlive its use: survey drafts once they can no longer be submitted, and
 * spent sign-in links and sessions. Runs in every app process; the deletes are harmless if repeated.
 * Also queues the reach emails to the forum and the local area as they fall due (each once per inspection),
 * passes on open meeting offers that ran out and sends the day-before reminders.
 */
export function startHousekeeping(everyMs = 10 * 60_000) {
  const run = () =>
    Promise.all([deleteExpiredDrafts(), deleteExpiredSignIns(), sendDueReachEmails(), runMeetingJobs()]).catch((error) =>
      console.error("[housekeeping]", error instanceof Error ? error.message : error),
    );
  void run();
  return setInterval(run, everyMs).unref();
}
