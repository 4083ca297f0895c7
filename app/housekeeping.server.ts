import { describeForLog, log } from "./http/log.server";
import { runMeetingJobs } from "./meetings/bookings.server";
import { sendDueReachEmails } from "./promotion/reach-emails.server";
import { movePendingResponses } from "./surveys/drafts.server";

/**
 * Work that falls due with time rather than with a request: waiting survey responses moved into
 * `responses` in shuffled batches (or at the close), the reach emails to the forum and the local area
 * (each once per inspection), open meeting offers that ran out (passed on) and the day-before
 * reminders. Run by the primary process every few minutes; each job is safe to repeat. Deleting what
 * must not outlive its use is the retention job's (app/retention/).
 */
export function startHousekeeping(everyMs = 5 * 60_000) {
  const run = () =>
    Promise.all([movePendingResponses(), sendDueReachEmails(), runMeetingJobs()]).catch((error) =>
      log.warn({ err: describeForLog(error) }, "housekeeping failed; the next run tries again"),
    );
  void run();
  return setInterval(run, everyMs).unref();
}
