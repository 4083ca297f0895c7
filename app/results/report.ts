import type { DisclosureRules, ProtectedGroup, ProtectedSurvey, Shown } from "./disclosure";
import type { NoiseTable } from "./perturbation";
import { choicesOf, displayQuestion, type ChoiceView, type LocalisedText, type Question } from "~/surveys/questions";

/**
 * The results of one survey as inspectors may see them, after disclosure control. The page, the CSV,
 * the printable report and the JSON are all made from this, so every export shows exactly what the
 * page shows and suppressed counts stay suppressed everywhere.
 */
export interface CellResult {
  state: Shown["state"];
  count: number | null;
  percent: number | null;
}

/** The thresholds a page needs to word its counts. */
export type Thresholds = Omit<DisclosureRules, "noise">;

export interface BreakdownResult {
  id: string;
  by: LocalisedText;
  groups: Array<{ value: string; label: LocalisedText; total: CellResult; cells: CellResult[] }>;
}

export interface QuestionResult {
  id: string;
  number: number;
  kind: Question["kind"];
  text: LocalisedText;
  focusArea: string | null;
  /** shown; too-few: under the minimum number of answers; withheld: no safe way to show the counts. */
  status: "shown" | "too-few" | "withheld" | "comments";
  /** How many answered, as published (null when too few to say). */
  answered: CellResult | null;
  columns: ChoiceView[];
  cells: CellResult[];
  /** For free-text questions: how many comments there are (null when too few responses to show them). */
  comments: number | null;
  /** The breakdown asked for (null when none was). */
  breakdown: BreakdownResult | null;
  /** Every breakdown, for exports that carry them all (empty unless asked for). */
  breakdowns: BreakdownResult[];
}

export interface SurveyReport {
  /** The published snapshot these results are; null before the first. */
  snapshot: { number: number; publishedAt: string } | null;
  responses: CellResult | null;
  /** Null while the survey is open (no response can be late yet). */
  late: CellResult | null;
  /** Fewer than minAnswers responses arrived after the final snapshot and are not included. */
  heldBack: boolean;
  rules: Thresholds;
  questions: QuestionResult[];
}

const cell = (shown: Shown, total: Shown | null): CellResult =>
  shown.state === "shown"
    ? {
        state: "shown",
        count: shown.count,
        // Percentages come from the published counts, never from the true ones.
        percent: total?.state === "shown" && total.count > 0 ? Math.round((shown.count / total.count) * 100) : null,
      }
    : { state: shown.state, count: null, percent: null };

const columnsOf = (question: Question, locale: string, t: (key: string) => string) =>
  choicesOf(displayQuestion(question, locale), t);

export function buildReport({
  questions,
  results,
  snapshot,
  heldBack,
  by,
  locale,
  t,
  rules,
}: {
  questions: Question[];
  /** Null before the first snapshot. */
  results: ProtectedSurvey | null;
  snapshot: { number: number; publishedAt: Date } | null;
  heldBack: boolean;
  /** The about-you question to break down by, or "all" for every breakdown (exports). */
  by: string | "all" | null;
  locale: string;
  t: (key: string) => string;
  rules: DisclosureRules;
}): SurveyReport {
  const { noise: _noise, ...thresholds } = rules;
  const protectedById = new Map(results?.questions.map((question) => [question.id, question]) ?? []);
  const byQuestion = new Map(questions.map((question) => [question.id, question]));
  const breakdownOf = (id: string, groups: ProtectedGroup[]): BreakdownResult => {
    const about = byQuestion.get(id)!;
    const labels = columnsOf(about, locale, t);
    return {
      id,
      by: displayQuestion(about, locale).text,
      groups: groups.map((group) => ({
        value: labels[group.group]!.value,
        label: labels[group.group]!.label,
        total: cell(group.total, null),
        cells: group.cells.map((shown) => cell(shown, group.total)),
      })),
    };
  };
  const report = questions.map((question, index): QuestionResult => {
    const found = protectedById.get(question.id);
    const columns = question.kind === "text" ? [] : columnsOf(question, locale, t);
    const base = {
      id: question.id,
      number: index + 1,
      kind: question.kind,
      text: displayQuestion(question, locale).text,
      focusArea: question.focusArea,
      columns,
      cells: [] as CellResult[],
      comments: null,
      breakdown: null,
      breakdowns: [] as BreakdownResult[],
    };
    if (!found) return { ...base, status: question.kind === "text" ? "comments" : "too-few", answered: null };
    if (found.status === "comments") return { ...base, status: "comments", answered: null, comments: found.comments };
    const answered = found.answered ? cell(found.answered, null) : null;
    if (found.status !== "shown") return { ...base, status: found.status, answered };
    const asked = by && by !== "all" && found.breakdowns[by] ? breakdownOf(by, found.breakdowns[by]) : null;
    return {
      ...base,
      status: "shown",
      answered,
      cells: found.cells.map((shown) => cell(shown, found.answered)),
      breakdown: asked,
      breakdowns:
        by === "all" ? Object.entries(found.breakdowns).map(([id, groups]) => breakdownOf(id, groups)) : [],
    };
  });
  return {
    snapshot: snapshot ? { number: snapshot.number, publishedAt: snapshot.publishedAt.toISOString() } : null,
    responses: results ? cell(results.responses, null) : null,
    late: results?.late ? cell(results.late, null) : null,
    heldBack,
    rules: thresholds,
    questions: report,
  };
}

/** Per focus area: each question's headline, agreement (or happy faces) where the counts allow it. */
export function focusAreaSummary(report: SurveyReport) {
  const areas = new Map<string, Array<{ number: number; text: LocalisedText; positive: number | null }>>();
  for (const question of report.questions) {
    if (!question.focusArea) continue;
    const cells = question.columns.flatMap((column, index) => (column.positive ? [question.cells[index]] : []));
    const known =
      question.status === "shown" &&
      question.answered?.state === "shown" &&
      cells.length > 0 &&
      cells.every((cell) => cell?.state === "shown");
    // From the published counts only, so the summary says nothing the tables do not.
    const positive = known ? cells.reduce((sum, cell) => sum + cell!.count!, 0) : null;
    const list = areas.get(question.focusArea) ?? [];
    list.push({
      number: question.number,
      text: question.text,
      positive:
        positive === null || !question.answered?.count
          ? null
          : Math.min(100, Math.round((positive / question.answered.count) * 100)),
    });
    areas.set(question.focusArea, list);
  }
  return [...areas].map(([area, questions]) => ({ area, questions }));
}

/** The noise in plain numbers for "how these results protect people": typical and 19-in-20 sizes. */
export function noiseInWords(noise: NoiseTable, locale: string): { average: string; most: number } {
  const total = noise.keyRange;
  const average = noise.weights.reduce((sum, weight, d) => sum + (d === 0 ? 0 : 2 * weight * d), 0) / total;
  let covered = noise.weights[0]!;
  let most = 0;
  while (covered / total < 0.95 && most < noise.weights.length - 1) {
    most += 1;
    covered += 2 * noise.weights[most]!;
  }
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, numberingSystem: "latn" });
  return { average: format.format(average), most };
}
