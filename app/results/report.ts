import { DEFAULT_RULES, protectBreakdown, protectQuestion, type DisclosureRules, type Shown } from "./disclosure";
import type { QuestionCounts } from "./aggregate.server";
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

export interface QuestionResult {
  id: string;
  number: number;
  kind: Question["kind"];
  text: LocalisedText;
  focusArea: string | null;
  /** shown; too-few: under the minimum number of answers; withheld: no safe way to show the counts. */
  status: "shown" | "too-few" | "withheld" | "comments";
  answered: number | null;
  columns: ChoiceView[];
  cells: CellResult[];
  /** For free-text questions: how many comments there are (null when too few responses to show them). */
  comments: number | null;
  breakdown: { by: LocalisedText; groups: Array<{ label: LocalisedText; total: number; cells: CellResult[] }> } | null;
}

export interface SurveyReport {
  responses: number;
  late: number;
  rules: DisclosureRules;
  questions: QuestionResult[];
}

const cell = (shown: Shown, total: number): CellResult =>
  shown.state === "shown"
    ? { state: "shown", count: shown.count, percent: total > 0 ? Math.round((shown.count / total) * 100) : 0 }
    : { state: shown.state, count: null, percent: null };

/** Comments, and how many there are, are shown only once a survey has enough responses that no one stands out. */
export const commentsShown = (responses: number, rules: DisclosureRules) => responses >= rules.minAnswers;

const columnsOf = (question: Question, locale: string, t: (key: string) => string) =>
  choicesOf(displayQuestion(question, locale), t);

export function buildReport({
  questions,
  totals,
  counts,
  breakdown,
  locale,
  t,
  rules = DEFAULT_RULES,
}: {
  questions: Question[];
  totals: { responses: number; late: number };
  counts: Map<string, QuestionCounts>;
  breakdown?: { by: Question; counts: Map<string, Map<string, QuestionCounts>> } | null;
  locale: string;
  t: (key: string) => string;
  rules?: DisclosureRules;
}): SurveyReport {
  const results = questions.map((question, index): QuestionResult => {
    const base = {
      id: question.id,
      number: index + 1,
      kind: question.kind,
      text: displayQuestion(question, locale).text,
      focusArea: question.focusArea,
      columns: [] as QuestionResult["columns"],
      cells: [] as CellResult[],
      comments: null,
      breakdown: null,
    };
    const found = counts.get(question.id);
    if (question.kind === "text") {
      const shown = commentsShown(totals.responses, rules);
      return {
        ...base,
        status: "comments",
        answered: shown ? (found?.answered ?? 0) : null,
        comments: shown ? (found?.answered ?? 0) : null,
      };
    }
    const columns = columnsOf(question, locale, t);
    const row = { cells: columns.map((column) => found?.byChoice.get(column.value) ?? 0), total: found?.answered ?? 0 };
    const sumsToTotal = question.kind !== "multi";
    if (row.total < rules.minAnswers) return { ...base, columns, status: "too-few", answered: null };

    // With a breakdown asked for, the whole table is protected together; when no group can be shown
    // safely, the question is shown on its own and says so.
    let noGroups: QuestionResult["breakdown"] = null;
    if (breakdown && breakdown.by.id !== question.id) {
      const groupsOf = breakdown.counts.get(question.id) ?? new Map<string, QuestionCounts>();
      const groupColumns = columnsOf(breakdown.by, locale, t);
      const groups = groupColumns.map((group) => {
        const counted = groupsOf.get(group.value);
        return {
          cells: columns.map((column) => counted?.byChoice.get(column.value) ?? 0),
          total: counted?.answered ?? 0,
        };
      });
      const by = displayQuestion(breakdown.by, locale).text;
      const protectedRows = protectBreakdown(row, groups, sumsToTotal, rules);
      if (protectedRows) {
        return {
          ...base,
          columns,
          status: "shown",
          answered: row.total,
          cells: protectedRows.overall.cells.map((shown) => cell(shown, row.total)),
          breakdown: {
            by,
            groups: protectedRows.groups.map((group) => ({
              label: groupColumns[group.group]!.label,
              total: group.total,
              cells: group.cells.map((shown) => cell(shown, group.total)),
            })),
          },
        };
      }
      noGroups = { by, groups: [] };
    }
    const protectedRow = protectQuestion(row, sumsToTotal, rules);
    if (!protectedRow) return { ...base, columns, status: "withheld", answered: row.total };
    return {
      ...base,
      columns,
      status: "shown",
      answered: row.total,
      cells: protectedRow.cells.map((shown) => cell(shown, row.total)),
      breakdown: noGroups,
    };
  });
  return { responses: totals.responses, late: totals.late, rules, questions: results };
}

/** Per focus area: each question's headline, agreement (or happy faces) where the counts allow it. */
export function focusAreaSummary(report: SurveyReport) {
  const areas = new Map<string, Array<{ number: number; text: LocalisedText; positive: number | null }>>();
  for (const question of report.questions) {
    if (!question.focusArea) continue;
    const cells = question.columns.flatMap((column, index) => (column.positive ? [question.cells[index]] : []));
    const known = question.status === "shown" && cells.length > 0 && cells.every((cell) => cell?.state === "shown");
    const positive = known ? cells.reduce((sum, cell) => sum + cell!.count!, 0) : null;
    const list = areas.get(question.focusArea) ?? [];
    list.push({
      number: question.number,
      text: question.text,
      positive: positive === null || !question.answered ? null : Math.round((positive / question.answered) * 100),
    });
    areas.set(question.focusArea, list);
  }
  return [...areas].map(([area, questions]) => ({ area, questions }));
}
