import type { TransactionSql } from "postgres";
import defaultQuestions from "../../db/default-questions.json";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import type { Inspection } from "~/inspections/inspections.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { publicUrl } from "~/auth/secret.server";
import {
  AUDIENCES,
  optionsFromLines,
  type Audience,
  type Question,
  type QuestionKind,
  type QuestionOption,
} from "./questions";
import { optionLines } from "./schemas";

export type SurveyStatus = "draft" | "in-review" | "ready";

export interface Survey {
  id: string;
  inspectionId: string;
  audience: Audience;
  status: SurveyStatus;
}

/** Thrown when a change would alter questions people may already have answered. */
export class SurveyLockedError extends Error {
  constructor() {
    super("The survey has opened, so its questions can no longer change.");
  }
}

/** Questions are locked from the moment the window opens: answers must mean what they meant when given. */
export function isLocked(inspection: Pick<Inspection, "surveyOpensAt">, now = new Date()): boolean {
  return now >= inspection.surveyOpensAt;
}

type DefaultQuestion = {
  kind: QuestionKind;
  text: Record<string, string>;
  hint?: Record<string, string>;
  options?: QuestionOption[];
  focusArea?: string;
  characterLimit?: number;
  faces?: number;
};

/** A new inspection's three surveys, each starting from the default question set for its audience. */
export async function createSurveys(tx: TransactionSql, inspectionId: string) {
  for (const audience of AUDIENCES) {
    const [survey] = await tx<{ id: string }[]>`
      insert into surveys (inspection_id, audience) values (${inspectionId}, ${audience}) returning id`;
    const questions = (defaultQuestions as Record<Audience, DefaultQuestion[]>)[audience];
    for (const [index, question] of questions.entries()) {
      await tx`
        insert into questions (survey_id, position, kind, text, hint, options, focus_area, character_limit, faces)
        values (${survey!.id}, ${index + 1}, ${question.kind}, ${tx.json(question.text)}, ${tx.json(question.hint ?? {})},
                ${tx.json((question.options ?? []) as never)}, ${question.focusArea ?? null}, ${question.characterLimit ?? null},
                ${question.faces ?? null})`;
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

const QUESTION_COLUMNS = sql`id, position, kind, text, hint, options, focus_area, character_limit, faces`;

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
  faces?: "3" | "5";
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
    options: optionsFromLines(optionLines(input.options), previous?.options ?? []),
    focusArea: input.focusArea || null,
    characterLimit: input.kind === "text" ? (input.characterLimit ?? 2000) : null,
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

/** Shares a draft with the parent carer forum and emails the forum's members that it is waiting for them. */
export async function shareForReview(inspection: Inspection, survey: Survey, locale: string) {
  const audience = translations.getFixedT(locale, "questions")(`audiences.${survey.audience}`);
  await sql.begin(async (tx) => {
    const [shared] = await tx`
      update surveys set status = 'in-review', shared_at = now()
      where id = ${survey.id} and status = 'draft' returning id`;
    if (!shared) return;
    const forum = await tx<{ email: string }[]>`
      select u.email from staff_roles r join staff_users u on u.id = r.user_id
      where r.inspection_id = ${inspection.id} and r.role = 'pcf'`;
    for (const { email } of forum) {
      await enqueueEmail(
        tx,
        composeEmail({
          to: email,
          locale,
          namespace: "questions",
          subject: "shareEmail.subject",
          paragraphs: ["shareEmail.body"],
          link: {
            text: "shareEmail.link",
            url: `${publicUrl}/staff/inspections/${inspection.slug}/surveys/${survey.audience}/review`,
          },
          values: { area: inspection.localAreaName, audience },
        }),
      );
    }
  });
}

export type MarkReadyOutcome = "ready" | "open-comments";

export async function markReady(survey: Survey): Promise<MarkReadyOutcome> {
  return sql.begin(async (tx) => {
    const [open] = await tx`
      select 1 from review_comments c join questions q on q.id = c.question_id
      where q.survey_id = ${survey.id} and c.resolved_at is null limit 1`;
    if (open) return "open-comments";
    await tx`update surveys set status = 'ready', ready_at = now() where id = ${survey.id}`;
    return "ready";
  });
}

export interface ReviewComment {
  id: string;
  questionId: string;
  authorEmail: string | null;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** A survey's comments, grouped by question, oldest first, as the pages show them. */
export async function commentsByQuestion(surveyId: string) {
  const comments = await sql<ReviewComment[]>`
    select c.id, c.question_id, u.email as author_email, c.body, c.created_at, c.resolved_at
    from review_comments c join questions q on q.id = c.question_id left join staff_users u on u.id = c.author_id
    where q.survey_id = ${surveyId} order by c.created_at, c.id`;
  const byQuestion = new Map<string, Array<{ id: string; by: string; body: string; resolved: boolean }>>();
  for (const comment of comments) {
    const list = byQuestion.get(comment.questionId) ?? [];
    list.push({
      id: comment.id,
      by: comment.authorEmail ?? "",
      body: comment.body,
      resolved: comment.resolvedAt !== null,
    });
    byQuestion.set(comment.questionId, list);
  }
  return (questionId: string) => byQuestion.get(questionId) ?? [];
}

export async function addComment(question: Question, authorId: string, body: string) {
  await sql`insert into review_comments (question_id, author_id, body) values (${question.id}, ${authorId}, ${body})`;
}

export async function resolveComment(survey: Survey, commentId: string, userId: string) {
  if (!/^\d+$/.test(commentId)) return;
  await sql`
    update review_comments c set resolved_at = now(), resolved_by = ${userId}
    from questions q
    where c.id = ${commentId} and q.id = c.question_id and q.survey_id = ${survey.id} and c.resolved_at is null`;
}
