/**
 * When the forum and the local area are emailed about reach: as the surveys open (with the kit link),
 * at the halfway point (with the total so far) and 24 hours before they close. Pure, so the schedule is
 * tested for every window and every moment without a clock or a database.
 */
export const REACH_EMAILS = ["opened", "halfway", "closing"] as const;
export type ReachEmail = (typeof REACH_EMAILS)[number];

const DAY_MS = 24 * 60 * 60_000;

/** When each email becomes due. For a window of a day or less, "closing" falls at the opening. */
export function reachEmailTimes(window: { surveyOpensAt: Date; surveyClosesAt: Date }): Record<ReachEmail, Date> {
  const opens = window.surveyOpensAt.getTime();
  const closes = window.surveyClosesAt.getTime();
  return {
    opened: new Date(opens),
    halfway: new Date(opens + (closes - opens) / 2),
    closing: new Date(Math.max(opens, closes - DAY_MS)),
  };
}

/**
 * What to do now: at most one email to send (the latest that is due), and the earlier due ones to mark
 * as skipped, so a job that was not running for a while sends one up-to-date message, never a burst of
 * stale ones. Nothing before the window opens or after it closes, and nothing already recorded.
 */
export function dueReachEmail(
  window: { surveyOpensAt: Date; surveyClosesAt: Date },
  now: Date,
  recorded: ReadonlySet<ReachEmail>,
): { send: ReachEmail | null; skip: ReachEmail[] } {
  if (now < window.surveyOpensAt || now >= window.surveyClosesAt) return { send: null, skip: [] };
  const times = reachEmailTimes(window);
  const due = REACH_EMAILS.filter((kind) => !recorded.has(kind) && times[kind] <= now);
  // The latest due; at the same moment the first in the list (for a short window, "opened" rather than "closing").
  const send = due.reduce<ReachEmail | null>(
    (latest, kind) => (latest === null || times[kind] > times[latest] ? kind : latest),
    null,
  );
  return { send, skip: due.filter((kind) => kind !== send) };
}
