/**
 * Whether a respondent may answer now. The window is enforced here, on the server: before it opens
 * nothing is accepted; after it closes, someone who started before the close has a grace period to
 * finish (their response is flagged as late); everyone else is told it has closed.
 */
export const GRACE_MINUTES = 30;

export type AnsweringState = "upcoming" | "open" | "late" | "closed";

export function answeringState(
  window: { surveyOpensAt: Date; surveyClosesAt: Date },
  startedAt: Date | null,
  now: Date,
): AnsweringState {
  if (now < window.surveyOpensAt) return "upcoming";
  if (now < window.surveyClosesAt) return "open";
  const graceEnds = new Date(window.surveyClosesAt.getTime() + GRACE_MINUTES * 60_000);
  if (startedAt && startedAt < window.surveyClosesAt && now < graceEnds) return "late";
  return "closed";
}

/** When a draft is deleted: once nobody could submit it any more. */
export function draftExpiry(window: { surveyClosesAt: Date }): Date {
  return new Date(window.surveyClosesAt.getTime() + GRACE_MINUTES * 60_000);
}
