/** Where `now` falls in a survey's window. The server decides; the page only reports it. */
export type SurveyStatus = "upcoming" | "open" | "closed";

export function surveyStatus(window: { surveyOpensAt: Date; surveyClosesAt: Date }, now: Date): SurveyStatus {
  if (now < window.surveyOpensAt) return "upcoming";
  if (now < window.surveyClosesAt) return "open";
  return "closed";
}
