import type { Params } from "@remix-run/react";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { parseChannelCode } from "~/promotion/channels";
import { findDraft, loadPublicSurvey } from "./responding.server";
import { answeringState, draftExpiry } from "./window";

/**
 * What every page of a survey starts from: the survey, the respondent's draft, whether answers are
 * accepted now, and the reader's language. The window is decided here, on the server, for every request.
 */
export async function loadRespondent(request: Request, params: Params) {
  const open = await loadPublicSurvey(params.slug, params.audience);
  const draft = await findDraft(request, open.survey);
  const state = answeringState(open.inspection, draft?.startedAt ?? null, new Date());
  const { locale, t } = await translatorFor(request, "survey");
  const base = `/s/${open.inspection.slug}/${open.survey.audience}`;
  const when = {
    opens: formatDateTime(t, locale, open.inspection.surveyOpensAt),
    closes: formatDateTime(t, locale, open.inspection.surveyClosesAt),
    graceEnds: formatDateTime(t, locale, draftExpiry(open.inspection)),
  };
  return { open, draft, state, locale, t, base, when };
}

/** The first question still without an answer (1-based), or undefined when all have one. */
export function firstUnanswered(loaded: Awaited<ReturnType<typeof loadRespondent>>): number | undefined {
  const index = loaded.open.questions.findIndex((question) => loaded.draft?.answers[question.id] === undefined);
  return index < 0 ? undefined : index + 1;
}

/**
 * A channel code passed along from the shared link (checked against the inspection when saved); a
 * malformed one is dropped without an error.
 */
export const channelParam = (request: Request) => parseChannelCode(new URL(request.url).searchParams.get("src"));
