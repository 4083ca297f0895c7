import type { QuestionResult, SurveyReport } from "./report";

/**
 * Exports made from the same protected report as the page: a suppressed count is never a number here
 * either. Labels arrive translated; the JSON uses fixed English words for states (its schema is in the
 * README).
 */
const state = { shown: "count", fewer: "small", hidden: "hidden" } as const;

function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // Quote everything that needs it; prefix formula-like text so spreadsheets do not run it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(
  report: SurveyReport,
  words: { headers: string[]; fewer: string; hidden: string; tooFew: string; withheld: string; comments: string },
): string {
  const rows: Array<Array<string | number | null>> = [words.headers];
  const cellText = (cell: QuestionResult["cells"][number]) =>
    cell.state === "shown" ? cell.count : cell.state === "fewer" ? words.fewer : words.hidden;
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
    question.columns.forEach((column, index) => {
      const cell = question.cells[index]!;
      rows.push([...lead, "", column.label.text, cellText(cell), cell.percent]);
    });
    for (const group of question.breakdown?.groups ?? []) {
      question.columns.forEach((column, index) => {
        const cell = group.cells[index]!;
        rows.push([...lead, group.label.text, column.label.text, cellText(cell), cell.percent]);
      });
    }
  }
  // A byte-order mark so spreadsheet programs read the other languages' letters correctly.
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function reportJson(report: SurveyReport) {
  return {
    responses: report.responses,
    late: report.late,
    questions: report.questions.map((question) => ({
      id: question.id,
      number: question.number,
      kind: question.kind,
      text: question.text.text,
      focusArea: question.focusArea,
      status: question.status,
      answered: question.answered,
      comments: question.comments,
      answers: question.columns.map((column, index) => {
        const cell = question.cells[index];
        return {
          value: column.value,
          label: column.label.text,
          dontKnow: column.apart,
          shown: cell ? state[cell.state] : null,
          count: cell?.count ?? null,
          percent: cell?.percent ?? null,
        };
      }),
    })),
  };
}
