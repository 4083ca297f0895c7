import type { CellResult, QuestionResult, SurveyReport } from "./report";

/**
 * Exports made from the same protected report as the page: a suppressed count is never a number here
 * either, and everything the page shows is here too (the response and late counts, how many answered,
 * breakdown groups with their totals). Labels arrive translated; the JSON uses fixed English words for
 * states (its schema is in the README).
 */
const state = { shown: "count", fewer: "small", hidden: "hidden" } as const;

function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // Quote everything that needs it; prefix formula-like text so spreadsheets do not run it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvWords {
  headers: string[];
  fewer: string;
  hidden: string;
  tooFew: string;
  withheld: string;
  comments: string;
  responses: string;
  late: string;
  answered: string;
  noResults: string;
}

export function reportCsv(report: SurveyReport, words: CsvWords): string {
  const rows: Array<Array<string | number | null>> = [words.headers];
  const cellText = (cell: CellResult) =>
    cell.state === "shown" ? cell.count : cell.state === "fewer" ? words.fewer : words.hidden;
  if (!report.responses) rows.push(["", words.noResults, "", "", "", "", ""]);
  else {
    rows.push(["", words.responses, "", "", "", cellText(report.responses), ""]);
    if (report.late) rows.push(["", words.late, "", "", "", cellText(report.late), ""]);
  }
  for (const question of report.questions) {
    const lead = [question.number, question.text.text, question.focusArea ?? ""];
    if (question.status === "too-few" || question.status === "withheld") {
      rows.push([...lead, "", question.status === "too-few" ? words.tooFew : words.withheld, "", ""]);
      continue;
    }
    if (question.status === "comments") {
      rows.push([...lead, "", words.comments, question.comments, ""]);
      continue;
    }
    if (question.answered) rows.push([...lead, "", words.answered, cellText(question.answered), ""]);
    question.columns.forEach((column, index) => {
      const cell = question.cells[index]!;
      rows.push([...lead, "", column.label.text, cellText(cell), cell.percent]);
    });
    for (const group of question.breakdown?.groups ?? []) {
      rows.push([...lead, group.label.text, words.answered, cellText(group.total), ""]);
      question.columns.forEach((column, index) => {
        const cell = group.cells[index]!;
        rows.push([...lead, group.label.text, column.label.text, cellText(cell), cell.percent]);
      });
    }
  }
  // A byte-order mark so spreadsheet programs read the other languages' letters correctly.
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

const jsonCount = (cell: CellResult | null) => (cell ? { shown: state[cell.state], count: cell.count } : null);
const jsonCells = (question: QuestionResult, cells: CellResult[]) =>
  question.columns.map((column, index) => {
    const cell = cells[index];
    return {
      value: column.value,
      label: column.label.text,
      dontKnow: column.apart,
      shown: cell ? state[cell.state] : null,
      count: cell?.count ?? null,
      percent: cell?.percent ?? null,
    };
  });

export function reportJson(report: SurveyReport) {
  return {
    snapshot: report.snapshot,
    responses: jsonCount(report.responses),
    late: jsonCount(report.late),
    heldBack: report.heldBack,
    questions: report.questions.map((question) => ({
      id: question.id,
      number: question.number,
      kind: question.kind,
      text: question.text.text,
      focusArea: question.focusArea,
      status: question.status,
      answered: jsonCount(question.answered),
      comments: question.comments,
      answers: jsonCells(question, question.cells),
      breakdowns: question.breakdowns.map((breakdown) => ({
        by: breakdown.id,
        byText: breakdown.by.text,
        groups: breakdown.groups.map((group) => ({
          value: group.value,
          label: group.label.text,
          answered: jsonCount(group.total),
          answers: jsonCells(question, group.cells),
        })),
      })),
    })),
  };
}
