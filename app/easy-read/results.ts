import type { CellResult, QuestionResult, SurveyReport, Thresholds } from "~/results/report";
import type { LocalisedText } from "~/surveys/questions";

/**
 * The young people's results at a glance, made only from the report inspectors already see (after
 * disclosure control), so nothing here can be worked out that the report does not already show:
 * a share is given only when every count it adds up is shown.
 */
export const WHO_HELPED_ALONE = "no-one";

export interface FaceSummaryRow {
  id: string;
  number: number;
  text: LocalisedText;
  answered: number | null;
  /** Percentages of those who answered the question; null when a count in it is not shown. */
  happy: number | null;
  sad: number | null;
  dontKnow: number | null;
  dontUnderstand: number | null;
}

function share(question: QuestionResult, picks: (column: QuestionResult["columns"][number]) => boolean) {
  const cells = question.columns.flatMap((column, index) => (picks(column) ? [question.cells[index]] : []));
  const answered = question.answered?.state === "shown" ? question.answered.count! : 0;
  if (!answered || cells.length === 0 || cells.some((cell) => cell?.state !== "shown")) return null;
  const sum = cells.reduce((total, cell) => total + cell!.count!, 0);
  return Math.round((sum / answered) * 100);
}

/** Each face-scale question: the share who chose a happy face, a sad face, "don't know", "don't understand". */
export function faceSummary(report: SurveyReport): FaceSummaryRow[] {
  return report.questions
    .filter((question) => question.kind === "faces")
    .map((question) => {
      const shown = question.status === "shown";
      return {
        id: question.id,
        number: question.number,
        text: question.text,
        answered: shown && question.answered?.state === "shown" ? question.answered.count : null,
        happy: shown ? share(question, (column) => column.positive) : null,
        sad: shown ? share(question, (column) => column.negative === true) : null,
        dontKnow: shown ? share(question, (column) => column.value === "dont-know") : null,
        dontUnderstand: shown ? share(question, (column) => column.value === "dont-understand") : null,
      };
    });
}

export interface HelpedSummary {
  number: number;
  text: LocalisedText;
  /** How many answered "Is someone helping you today?"; null when too few to say. */
  answered: number | null;
  /** How many had someone helping them, as a table cell: shown, "fewer than 5", or not given. */
  helped: CellResult | null;
}

/**
 * How many answered with someone helping: those who answered the "who helped" question less those who
 * said no one did (or, when that count is not shown, the helpers' counts added up when all are shown).
 * Both come from numbers the report already shows, and a small result shows as "fewer than 5".
 */
export function helpedSummary(report: SurveyReport, rules: Thresholds): HelpedSummary | null {
  const question = report.questions.find(
    (candidate) =>
      candidate.kind === "about-you" && candidate.columns.some((column) => column.value === WHO_HELPED_ALONE),
  );
  if (!question) return null;
  const base = { number: question.number, text: question.text };
  if (question.status !== "shown" || question.answered?.state !== "shown")
    return { ...base, answered: null, helped: null };
  const answered = question.answered.count!;
  const alone = question.columns.findIndex((column) => column.value === WHO_HELPED_ALONE);
  const aloneCell = question.cells[alone];
  const others = question.cells.filter((_, index) => index !== alone);
  const count =
    aloneCell?.state === "shown"
      ? answered - aloneCell.count!
      : others.every((cell) => cell.state === "shown")
        ? others.reduce((sum, cell) => sum + cell.count!, 0)
        : null;
  const helped: CellResult | null =
    count === null
      ? { state: "hidden", count: null, percent: null }
      : count > 0 && count < rules.minCell
        ? { state: "fewer", count: null, percent: null }
        : { state: "shown", count, percent: Math.round((count / answered) * 100) };
  return { ...base, answered, helped };
}
