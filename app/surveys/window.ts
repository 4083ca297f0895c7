/**
 * A survey's window, the one place its rules live (pure; the server decides, pages only report it).
 * Before it opens nothing is accepted; after it closes, someone who started before the close has a grace
 * period to finish (their response is flagged as late); everyone else is told it has closed. Questions
 * are locked from the moment it opens: answers must mean what they meant when given.
 */
export const GRACE_MINUTES = 30;

export interface SurveyWindow {
  surveyOpensAt: Date;
  surveyClosesAt: Date;
}

/** Where `now` falls in the window. */
export type WindowState = "upcoming" | "open" | "closed";

export function windowState(window: SurveyWindow, now: Date): WindowState {
  if (now < window.surveyOpensAt) return "upcoming";
  if (now < window.surveyClosesAt) return "open";
  return "closed";
}

/** Whether one respondent may answer now: as the window, plus "late" for those in the grace period. */
export type AnsweringState = WindowState | "late";

export function answeringState(window: SurveyWindow, startedAt: Date | null, now: Date): AnsweringState {
  const state = windowState(window, now);
  if (state !== "closed") return state;
  if (startedAt && startedAt < window.surveyClosesAt && now < draftExpiry(window)) return "late";
  return "closed";
}

/** When a draft is deleted, and results become final: once nobody could submit any more. */
export function draftExpiry(window: Pick<SurveyWindow, "surveyClosesAt">): Date {
  return new Date(window.surveyClosesAt.getTime() + GRACE_MINUTES * 60_000);
}

export function isLocked(window: Pick<SurveyWindow, "surveyOpensAt">, now = new Date()): boolean {
  return now >= window.surveyOpensAt;
}

export type WindowProblem =
  "opens-before-notification" | "opens-after-closes" | "closes-on-or-after-day1" | "already-opened" | "closes-in-past";

/**
 * The limits on moving a window: it opens no earlier than the local area is notified, opens before it
 * closes, and closes before on-site day 1 begins (`limits`, from the timeline). Once open, only its
 * closing time can move, and not into the past.
 */
export function windowProblems(
  proposed: { opensAt: Date; closesAt: Date },
  current: Pick<SurveyWindow, "surveyOpensAt">,
  limits: { notificationAt: Date; day1BeginsAt: Date },
  now: Date,
): Array<{ field: "opens" | "closes"; problem: WindowProblem }> {
  const problems: Array<{ field: "opens" | "closes"; problem: WindowProblem }> = [];
  if (isLocked(current, now) && +proposed.opensAt !== +current.surveyOpensAt) {
    problems.push({ field: "opens", problem: "already-opened" });
  } else if (proposed.opensAt < limits.notificationAt) {
    problems.push({ field: "opens", problem: "opens-before-notification" });
  }
  if (proposed.closesAt <= proposed.opensAt) problems.push({ field: "closes", problem: "opens-after-closes" });
  else if (proposed.closesAt >= limits.day1BeginsAt) problems.push({ field: "closes", problem: "closes-on-or-after-day1" });
  else if (proposed.closesAt <= now) problems.push({ field: "closes", problem: "closes-in-past" });
  return problems;
}
