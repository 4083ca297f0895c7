import { windowState, type WindowState } from "~/surveys/window";

/**
 * Where a survey stands, for the staff inspection page: whether it is live, and whether the forum's
 * review was finished before it opened (a survey's review status alone still read "Draft" while live).
 */
export type ReviewAtOpening = "finished" | "unfinished" | "not-shared";

export interface SurveyStanding {
  window: WindowState;
  /** Null until the survey opens: until then its review status says everything. */
  review: ReviewAtOpening | null;
}

export function surveyStanding(
  window: { surveyOpensAt: Date; surveyClosesAt: Date },
  survey: { status: string; sharedAt: Date | null; readyAt: Date | null },
  now: Date,
): SurveyStanding {
  const state = windowState(window, now);
  if (state === "upcoming") return { window: state, review: null };
  const readyInTime = survey.status === "ready" && survey.readyAt !== null && survey.readyAt <= window.surveyOpensAt;
  const review: ReviewAtOpening =
    survey.sharedAt === null || survey.sharedAt > window.surveyOpensAt
      ? "not-shared"
      : readyInTime
        ? "finished"
        : "unfinished";
  return { window: state, review };
}
