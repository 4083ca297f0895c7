import { buildTimeline, londonTime, milestone, type InspectionKind } from "./timeline";

/** Where `now` falls in a survey's window. The server decides; the page only reports it. */
export type SurveyStatus = "upcoming" | "open" | "closed";

export function surveyStatus(window: { surveyOpensAt: Date; surveyClosesAt: Date }, now: Date): SurveyStatus {
  if (now < window.surveyOpensAt) return "upcoming";
  if (now < window.surveyClosesAt) return "open";
  return "closed";
}

export type WindowProblem =
  "opens-before-notification" | "opens-after-closes" | "closes-on-or-after-day1" | "already-opened" | "closes-in-past";

/**
 * The limits on moving a survey window: it opens no earlier than the local area is notified, opens
 * before it closes, and closes before on-site day 1 begins. Once open, only its closing time can move,
 * and not into the past.
 */
export function windowProblems(
  proposed: { opensAt: Date; closesAt: Date },
  inspection: { kind: InspectionKind; day1: string; surveyOpensAt: Date },
  now: Date,
): Array<{ field: "opens" | "closes"; problem: WindowProblem }> {
  const timeline = buildTimeline(inspection.kind, inspection.day1);
  const notification = new Date(milestone(timeline, "notification")!.at);
  const day1Begins = londonTime(inspection.day1, "00:00");
  const problems: Array<{ field: "opens" | "closes"; problem: WindowProblem }> = [];
  if (now >= inspection.surveyOpensAt && +proposed.opensAt !== +inspection.surveyOpensAt) {
    problems.push({ field: "opens", problem: "already-opened" });
  } else if (proposed.opensAt < notification) {
    problems.push({ field: "opens", problem: "opens-before-notification" });
  }
  if (proposed.closesAt <= proposed.opensAt) problems.push({ field: "closes", problem: "opens-after-closes" });
  else if (proposed.closesAt >= day1Begins) problems.push({ field: "closes", problem: "closes-on-or-after-day1" });
  else if (proposed.closesAt <= now) problems.push({ field: "closes", problem: "closes-in-past" });
  return problems;
}
