import { findSurvey, questionsOf } from "~/surveys/surveys.server";
import { isAudience, type Audience } from "~/surveys/questions";
import { draftExpiry } from "~/surveys/window";
import type { Inspection } from "~/inspections/inspections.server";
import { answerCounts, breakdownCounts, surveyTotals } from "./aggregate.server";
import { requireInspectionPermission } from "~/auth/guard.server";
import { env } from "~/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import { recordAudit } from "./audit.server";
import type { DisclosureRules } from "./disclosure";
import { buildReport } from "./report";

/** The thresholds of disclosure control, from configuration (defaults: 10 answers, 5, groups of 10). */
export const disclosureRules: DisclosureRules = {
  minAnswers: env.RESULTS_MIN_ANSWERS,
  minCell: env.RESULTS_MIN_CELL,
  minGroup: env.RESULTS_MIN_GROUP,
};

/** Results are final once no more responses can arrive: the close plus the grace period for late ones. */
export const resultsAreFinal = (inspection: Inspection) => new Date() >= draftExpiry(inspection);

/**
 * One survey's results for inspectors: its questions, the counts from PostgreSQL, an optional
 * breakdown by an about-you question, all through disclosure control.
 */
export async function surveyResults(
  inspection: Inspection,
  audience: string,
  { by, locale, t }: { by?: string | null; locale: string; t: (key: string) => string },
) {
  const chosen: Audience = isAudience(audience) ? audience : "parents";
  const survey = (await findSurvey(inspection.id, chosen))!;
  const [questions, totals, counts] = await Promise.all([
    questionsOf(survey.id),
    surveyTotals(survey.id),
    answerCounts(survey.id),
  ]);
  const byQuestion = questions.find((question) => question.id === by && question.kind === "about-you") ?? null;
  const breakdown = byQuestion ? { by: byQuestion, counts: await breakdownCounts(byQuestion.id, questions) } : null;
  return {
    survey,
    aboutYou: questions.filter((question) => question.kind === "about-you"),
    breakdownBy: byQuestion,
    report: buildReport({ questions, totals, counts, breakdown, locale, t, rules: disclosureRules }),
  };
}

/**
 * The results a signed-in inspector asked for (survey and breakdown from the URL), in their language,
 * after checking they may see them; every reading goes into the audit log: a view, or an export.
 */
export async function requestedResults(request: Request, slug: string | undefined, format?: "print" | "csv") {
  const { user, inspection } = await requireInspectionPermission(request, "results.view", slug);
  const { locale, t } = await translatorFor(request, "results");
  const url = new URL(request.url);
  const results = await surveyResults(inspection, url.searchParams.get("survey") ?? "parents", {
    by: url.searchParams.get("by"),
    locale,
    t,
  });
  const detail = { survey: results.survey.audience, by: results.breakdownBy?.id ?? null };
  await recordAudit(
    user,
    inspection.id,
    format ? "results.export" : "results.view",
    format ? { format, ...detail } : detail,
  );
  return { inspection, locale, t, ...results };
}
