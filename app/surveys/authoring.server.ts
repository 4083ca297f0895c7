import type { TransactionSql } from "postgres";
import defaultQuestions from "../../db/default-questions.json";
import { sql } from "~/db.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import type { Inspection } from "~/inspections/inspection";
import { lines } from "~/utils";
import {
  DEFAULT_CHARACTER_LIMIT,
  optionsFromLines,
  type Question,
  type QuestionKind,
  type QuestionOption,
} from "./questions";
import { AUDIENCES, type Audience, type Survey } from "./survey";
import { isLocked } from "./window";

/**
 * Writing a survey: its questions, their translations and order. Nothing changes once the window has
 * opened (`SurveyLockedError`).
 */


/** Thrown when a change would alter questions people may already have answered. */
export class SurveyLockedError extends Error {
  constructor() {
    super("The survey has opened, so its questions can no longer change.");
  }
}

type DefaultQuestion = {
  kind: QuestionKind;
  text: Record<string, string>;
  hint?: Record<string, string>;
  options?: QuestionOption[];
  focusArea?: string;
  characterLimit?: number;
  faces?: number;
  picture?: string;
};

/** A new inspection's three surveys, each starting from the default question set for its audience. */
export async function createSurveys(tx: TransactionSql, inspectionId: string) {
  for (const audience of AUDIENCES) {
    const [survey] = await tx<{ id: string }[]>`
      insert into surveys (inspection_id, audience) values (${inspectionId}, ${audience}) returning id`;
    const questions = (defaultQuestions as Record<Audience, DefaultQuestion[]>)[audience];
    for (const [index, question] of questions.entries()) {
      await tx`
        insert into questions (survey_id, position, kind, text, hint, options, focus_area, character_limit, faces, picture)
        values (${survey!.id}, ${index + 1}, ${question.kind}, ${tx.json(question.text)}, ${tx.json(question.hint ?? {})},
                ${tx.json((question.options ?? []) as never)}, ${question.focusArea ?? null}, ${question.characterLimit ?? null},
                ${question.faces ?? null}, ${question.picture ?? null})`;
    }
  }
}

export async function findSurvey(inspectionId: string, audience: string): Promise<Survey | undefined> {
  const [survey] = await sql<Survey[]>`
    select id, inspection_id, audience, status from surveys
    where inspection_id = ${inspectionId} and audience = ${audience}`;
  return survey;
}

export interface SurveySummary extends Survey {
  questionCount: number;
  openComments: number;
}

export async function surveysOf(inspectionId: string): Promise<SurveySummary[]> {
  const rows = await sql<SurveySummary[]>`
    select s.id, s.inspection_id, s.audience, s.status,
           (select count(*)::int from questions q where q.survey_id = s.id) as question_count,
           (select count(*)::int from review_comments c join questions q on q.id = c.question_id
             where q.survey_id = s.id and c.resolved_at is null) as open_comments
    from surveys s where s.inspection_id = ${inspectionId}`;
  return AUDIENCES.flatMap((audience) => rows.filter((row) => row.audience === audience));
}

/** A question's columns, for every query that reads questions. */
export const QUESTION_COLUMNS = sql`id, position, kind, text, hint, options, focus_area, character_limit, faces, picture`;

export async function questionsOf(surveyId: string): Promise<Question[]> {
  return sql<Question[]>`select ${QUESTION_COLUMNS} from questions where survey_id = ${surveyId} order by position, id`;
}

export async function findQuestion(surveyId: string, questionId: string): Promise<Question | undefined> {
  if (!/^\d+$/.test(questionId)) return undefined;
  const [question] = await sql<Question[]>`
    select ${QUESTION_COLUMNS} from questions where survey_id = ${surveyId} and id = ${questionId}`;
  return question;
}

export interface QuestionInput {
  kind: QuestionKind;
  text: string;
  hint?: string;
  options?: string;
  focusArea?: string;
  characterLimit?: number;
  faces?: "4" | "5";
}

function columnsFor(input: QuestionInput, previous?: Question) {
  const keepTranslations = (current: Record<string, string | undefined> | undefined, english: string | undefined) =>
    english
      ? current?.[DEFAULT_LANGUAGE] === english
        ? current
        : { [DEFAULT_LANGUAGE]: english } // new English: its old translations no longer match
      : {};
  return {
    text: keepTranslations(previous?.text, input.text),
    hint: keepTranslations(previous?.hint, input.hint),
    options: optionsFromLines(lines(input.options), previous?.options ?? []),
    focusArea: input.focusArea || null,
    characterLimit: input.kind === "text" ? (input.characterLimit ?? DEFAULT_CHARACTER_LIMIT) : null,
    faces: input.kind === "faces" ? Number(input.faces) : null,
  };
}

export async function addQuestion(inspection: Inspection, survey: Survey, input: QuestionInput) {
  if (isLocked(inspection)) throw new SurveyLockedError();
  const columns = columnsFor(input);
  await sql`
    insert into questions (survey_id, position, kind, text, hint, options, focus_area, character_limit, faces)
    values (${survey.id},
            (select coalesce(max(position), 0) + 1 from questions where survey_id = ${survey.id}),
            ${input.kind}, ${sql.json(columns.text)}, ${sql.json(columns.hint)}, ${sql.json(columns.options as never)},
            ${columns.focusArea}, ${columns.characterLimit}, ${columns.faces})`;
}

export async function updateQuestion(inspection: Inspection, question: Question, input: QuestionInput) {
  if (isLocked(inspection)) throw new SurveyLockedError();
  const columns = columnsFor({ ...input, kind: question.kind }, question);
  await sql`
    update questions
    set text = ${sql.json(columns.text as never)}, hint = ${sql.json(columns.hint as never)},
        options = ${sql.json(columns.options as never)}, focus_area = ${columns.focusArea},
        character_limit = ${columns.characterLimit}, faces = ${columns.faces}, updated_at = now()
    where id = ${question.id}`;
}

/** Saves one language's translation; a blank field removes that translation. */
export async function updateTranslation(
  inspection: Inspection,
  question: Question,
  language: string,
  input: { text?: string; hint?: string; options?: Array<string | undefined> },
) {
  if (isLocked(inspection)) throw new SurveyLockedError();
  const set = (text: Record<string, string | undefined>, value: string | undefined) => {
    const { [language]: _, ...rest } = text;
    return value ? { ...rest, [language]: value } : rest;
  };
  const options = question.options.map((option, index) => ({
    ...option,
    label: set(option.label, input.options?.[index]),
  }));
  await sql`
    update questions
    set text = ${sql.json(set(question.text, input.text) as never)}, hint = ${sql.json(set(question.hint, input.hint) as never)},
        options = ${sql.json(options as never)}, updated_at = now()
    where id = ${question.id}`;
}

/** Swaps a question with its neighbour above or below. */
export async function moveQuestion(
  inspection: Inspection,
  survey: Survey,
  questionId: string,
  direction: "up" | "down",
) {
  if (isLocked(inspection)) throw new SurveyLockedError();
  await sql.begin(async (tx) => {
    const ordered = await tx<{ id: string; position: number }[]>`
      select id, position from questions where survey_id = ${survey.id} order by position, id for update`;
    const index = ordered.findIndex((question) => question.id === questionId);
    const other = ordered[direction === "up" ? index - 1 : index + 1];
    if (index < 0 || !other) return;
    // Renumber everything so positions stay 1..n even if earlier edits left gaps.
    [ordered[index], ordered[direction === "up" ? index - 1 : index + 1]] = [other, ordered[index]!];
    for (const [position, question] of ordered.entries()) {
      await tx`update questions set position = ${position + 1} where id = ${question.id}`;
    }
  });
}

export async function removeQuestion(inspection: Inspection, question: Question) {
  if (isLocked(inspection)) throw new SurveyLockedError();
  await sql`delete from questions where id = ${question.id}`;
}

