import { SurveyLockedError } from "~/surveys/authoring.server";

/**
 * For `.catch(surveyLocked)` after a change to a survey's questions: if the survey opened while the
 * form was open, the person is told so (409, see the root error page) rather than shown a failure.
 */
export function surveyLocked(error: unknown): never {
  if (error instanceof SurveyLockedError) throw new Response("Conflict", { status: 409 });
  throw error;
}
