import type { TFunction } from "i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { env } from "~/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { AUDIENCES, isAudience, type Audience, type Survey } from "~/surveys/survey";
import { draftExpiry } from "~/surveys/window";
import { answerCounts, breakdownCounts, surveyTotals } from "./aggregate.server";
import { recordAudit } from "./audit.server";
import { readComments } from "./comments.server";
import type { DisclosureRules } from "./disclosure";
import { buildReport, commentsShown } from "./report";

/** The thresholds of disclosure control, from configuration (defaults: 10 answers, 5, groups of 10). */
export const disclosureRules: DisclosureRules = {
  minAnswers: env.RESULTS_MIN_ANSWERS,
  minCell: env.RESULTS_MIN_CELL,
  minGroup: env.RESULTS_MIN_GROUP,
};

/** Results are final once no more responses can arrive: the close plus the grace period for late ones. */
export const resultsAreFinal = (inspection: Inspection) => new Date() >= draftExpiry(inspection);

type Translate = TFunction;

/**
 * One survey's results for inspectors: its questions, the counts from PostgreSQL, an optional
 * breakdown by an about-you question, all through disclosure control.
 */
async function surveyResults(survey: Survey, by: string | null, locale: string, t: Translate) {
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

type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;
type Reading = {
  inspection: Inspection;
  locale: string;
  t: Translate;
  rules: DisclosureRules;
  final: boolean;
};
type CommentsReading = Reading & { survey: Survey; shown: boolean } & Awaited<ReturnType<typeof readComments>>;

/**
 * Every reading of results comes through here, whatever its form: the permission check, the reader's
 * language, the survey asked for in the URL (the parents' by default), the numbers or comments after
 * disclosure control, and the audit log's record of who read what.
 */
export async function readResults(
  request: Request,
  slug: string | undefined,
  reader: "page" | "print" | "csv",
): Promise<Reading & SurveyResults>;
export async function readResults(
  request: Request,
  slug: string | undefined,
  reader: "json",
): Promise<Reading & { surveys: SurveyResults[] }>;
export async function readResults(
  request: Request,
  slug: string | undefined,
  reader: "comments",
): Promise<CommentsReading>;
export async function readResults(
  request: Request,
  slug: string | undefined,
  reader: "page" | "print" | "csv" | "json" | "comments",
) {
  const { user, inspection } = await requireInspectionPermission(request, "results.view", slug);
  const { locale, t } = await translatorFor(request, "results");
  const url = new URL(request.url);
  const asked = url.searchParams.get("survey");
  const audience: Audience = isAudience(asked) ? asked : "parents";
  const surveyFor = async (audience: Audience) => (await findSurvey(inspection.id, audience))!;
  const reading: Reading = { inspection, locale, t, rules: disclosureRules, final: resultsAreFinal(inspection) };

  if (reader === "json") {
    const surveys = await Promise.all(
      AUDIENCES.map(async (audience) => surveyResults(await surveyFor(audience), null, locale, t)),
    );
    await recordAudit(user, inspection.id, "results.export", { format: "json" });
    return { ...reading, surveys };
  }
  const survey = await surveyFor(audience);
  if (reader === "comments") {
    const [questions, totals] = await Promise.all([questionsOf(survey.id), surveyTotals(survey.id)]);
    const shown = commentsShown(totals.responses, disclosureRules);
    const comments = await readComments({ inspectionId: inspection.id, survey, questions, locale, url, shown });
    await recordAudit(user, inspection.id, "results.comments", { survey: audience, page: comments.page });
    return { ...reading, survey, shown, ...comments };
  }
  const results = await surveyResults(survey, url.searchParams.get("by"), locale, t);
  const detail = { survey: audience, by: results.breakdownBy?.id ?? null };
  await recordAudit(
    user,
    inspection.id,
    reader === "page" ? "results.view" : "results.export",
    reader === "page" ? detail : { format: reader, ...detail },
  );
  return { ...reading, ...results };
}
