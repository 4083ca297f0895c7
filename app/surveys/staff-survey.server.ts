import type { Params } from "@remix-run/react";
import { requireInspectionPermission } from "~/auth/guard.server";
import type { Action } from "~/auth/permissions";
import { idParam } from "~/http/params";
import { findQuestion, findSurvey } from "./authoring.server";
import { isAudience } from "./survey";

const notFound = () => new Response("Not Found", { status: 404 });

/** The permission check, then the survey named by :slug and :audience (404 when there is none). */
export async function loadSurvey(request: Request, params: Params, action: Action) {
  const session = await requireInspectionPermission(request, action, params.slug);
  const survey = isAudience(params.audience) ? await findSurvey(session.inspection.id, params.audience) : undefined;
  if (!survey) throw notFound();
  return { ...session, survey };
}

/** As loadSurvey, plus the question named by :questionId, which must belong to that survey. */
export async function loadQuestion(request: Request, params: Params, action: Action) {
  const loaded = await loadSurvey(request, params, action);
  const question = await findQuestion(loaded.survey.id, idParam(params.questionId));
  if (!question) throw notFound();
  return { ...loaded, question };
}
