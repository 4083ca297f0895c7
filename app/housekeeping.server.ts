import { deleteExpiredSignIns } from "./auth/sessions.server";
import { deleteExpiredDrafts, movePendingResponses } from "./surveys/drafts.server";

/**
 * Deletes what must not outlive its use: survey drafts once they can no longer be submitted, and
 * spent sign-in links and sessions. Moves waiting survey responses into `responses` in batches. Runs
 * in every app process; each is harmless if repeated.
 */
export function startHousekeeping(everyMs = 10 * 60_000) {
  const run = () =>
    Promise.all([deleteExpiredDrafts(), deleteExpiredSignIns(), movePendingResponses()]).catch((error) =>
      console.error("[housekeeping]", error instanceof Error ? error.message : error),
    );
  void run();
  return setInterval(run, everyMs).unref();
}
