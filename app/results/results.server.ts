import type { TFunction } from "i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { env } from "~/env.server";
import { translatorFor } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { movePendingAtClose } from "~/surveys/drafts.server";
import { choiceValues, type Question } from "~/surveys/questions";
import { AUDIENCES, isAudience, type Audience, type Survey } from "~/surveys/survey";
import { draftExpiry } from "~/surveys/window";
import { surveyCounts } from "./aggregate.server";
import { recordAudit } from "./audit.server";
import { readComments } from "./comments.server";
import { protectSurvey, type DisclosureRules, type ProtectedSurvey } from "./disclosure";
import { buildReport } from "./report";
import { publishDueSnapshot, unpublishedResponses, type Snapshot } from "./snapshots.server";

/** The rules of disclosure control, from configuration (defaults: 10 answers, 5, groups of 10, ±2 noise). */
export const disclosureRules: DisclosureRules = {
  minAnswers: env.RESULTS_MIN_ANSWERS,
  minCell: env.RESULTS_MIN_CELL,
  minGroup: env.RESULTS_MIN_GROUP,
  noise: env.RESULTS_NOISE,
};

/** Results are final once no more responses can arrive: the close plus the grace period for late ones. */
export const resultsAreFinal = (inspection: Inspection) => new Date() >= draftExpiry(inspection);

type Translate = TFunction;

/**
 * Protected results per snapshot, kept in memory: a snapshot never changes, so neither do its numbers,
 * and the joint protection of every view is worked out once per snapshot rather than once per page.
 */
const protectedCache = new Map<string, ProtectedSurvey>();
const CACHE_LIMIT = 64;

/**
 * The survey's current snapshot, published first if enough new responses wait for one (and, once the
 * survey is final, after the last pending responses have been moved in). Null before the first.
 */
async function currentSnapshot(survey: Survey, inspection: Inspection) {
  const final = resultsAreFinal(inspection);
  if (final) await movePendingAtClose(survey.id);
  const snapshot = await publishDueSnapshot(survey.id, disclosureRules.minAnswers);
  const heldBack = final && snapshot !== null && (await unpublishedResponses(survey.id)) > 0;
  return { snapshot, heldBack };
}

async function protectedResults(survey: Survey, inspection: Inspection, snapshot: Snapshot, questions: Question[]) {
  // Before the close no response can be late: the late count is then a structural zero, not shown.
  const closed = new Date() >= inspection.surveyClosesAt;
  const cacheKey = JSON.stringify([
    survey.id,
    snapshot.number,
    closed,
    questions.map((question) => [question.id, question.kind, choiceValues(question)]),
  ]);
  const cached = protectedCache.get(cacheKey);
  if (cached) return cached;
  const counts = await surveyCounts(survey.id, snapshot.number, questions, disclosureRules.noise.keyRange);
  const results = protectSurvey({ ...counts, late: closed ? counts.late : null }, disclosureRules);
  if (protectedCache.size >= CACHE_LIMIT) protectedCache.delete(protectedCache.keys().next().value!);
  protectedCache.set(cacheKey, results);
  return results;
}

/**
 * One survey's results for inspectors: its questions and the protected counts of its current snapshot,
 * with the breakdown asked for (or all of them, for exports).
 */
async function surveyResults(
  survey: Survey,
  inspection: Inspection,
  by: string | "all" | null,
  locale: string,
  t: Translate,
) {
  const questions = await questionsOf(survey.id);
  const { snapshot, heldBack } = await currentSnapshot(survey, inspection);
  const results = snapshot ? await protectedResults(survey, inspection, snapshot, questions) : null;
  const byQuestion = questions.find((question) => question.id === by && question.kind === "about-you") ?? null;
  return {
    survey,
    aboutYou: questions.filter((question) => question.kind === "about-you"),
    breakdownBy: byQuestion,
    report: buildReport({
      questions,
      results,
      snapshot,
      heldBack,
      by: by === "all" ? "all" : (byQuestion?.id ?? null),
      locale,
      t,
      rules: disclosureRules,
    }),
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
      AUDIENCES.map(async (audience) => surveyResults(await surveyFor(audience), inspection, "all", locale, t)),
    );
    await recordAudit(user, inspection.id, "results.export", { format: "json" });
    return { ...reading, surveys };
  }
  const survey = await surveyFor(audience);
  if (reader === "comments") {
    const questions = await questionsOf(survey.id);
    // Comments come with snapshots too: only those of published responses, none before the first.
    const { snapshot } = await currentSnapshot(survey, inspection);
    const shown = snapshot !== null;
    const comments = await readComments({ inspectionId: inspection.id, survey, questions, locale, url, snapshot });
    await recordAudit(user, inspection.id, "results.comments", { survey: audience, page: comments.page });
    return { ...reading, survey, shown, ...comments };
  }
  const results = await surveyResults(survey, inspection, url.searchParams.get("by"), locale, t);
  const detail = { survey: audience, by: results.breakdownBy?.id ?? null };
  await recordAudit(
    user,
    inspection.id,
    reader === "page" ? "results.view" : "results.export",
    reader === "page" ? detail : { format: reader, ...detail },
  );
  return { ...reading, ...results };
}
