import { sql } from "~/db.server";

/**
 * Counting answers is done by PostgreSQL, a few grouped queries per survey, never row by row here.
 * Nothing returned identifies a response: only counts.
 */
export interface SurveyTotals {
  responses: number;
  late: number;
}

export async function surveyTotals(surveyId: string): Promise<SurveyTotals> {
  const [row] = await sql<SurveyTotals[]>`
    select count(*)::int as responses, count(*) filter (where late)::int as late
    from responses where survey_id = ${surveyId}`;
  return row!;
}

/** For each question: how many gave each answer, and how many answered at all. */
export interface QuestionCounts {
  byChoice: Map<string, number>;
  answered: number;
}

export async function answerCounts(surveyId: string): Promise<Map<string, QuestionCounts>> {
  const rows = await sql<{ questionId: string; choice: string | null; n: number }[]>`
    select a.question_id, a.choice, count(*)::int as n
    from answers a
    where a.question_id in (select id from questions where survey_id = ${surveyId})
    group by a.question_id, a.choice`;
  // "Choose any" questions have a row per choice: how many answered is how many responses.
  const answered = await sql<{ questionId: string; n: number }[]>`
    select a.question_id, count(distinct a.response_id)::int as n
    from answers a join questions q on q.id = a.question_id
    where q.survey_id = ${surveyId} and q.kind = 'multi'
    group by a.question_id`;
  const counts = new Map<string, QuestionCounts>();
  for (const { questionId, choice, n } of rows) {
    const entry = counts.get(questionId) ?? { byChoice: new Map(), answered: 0 };
    if (choice !== null) entry.byChoice.set(choice, n);
    entry.answered += n;
    counts.set(questionId, entry);
  }
  for (const { questionId, n } of answered) counts.get(questionId)!.answered = n;
  return counts;
}

/**
 * The same counts within each group of an about-you question (by its answer). The questions are passed
 * as a list of ids: PostgreSQL then estimates the join well and hashes it (a sub-select made it loop).
 */
export async function breakdownCounts(
  byQuestionId: string,
  questions: Array<{ id: string; kind: string }>,
): Promise<Map<string, Map<string, QuestionCounts>>> {
  const counted = questions.filter((question) => question.kind !== "text" && question.id !== byQuestionId);
  const ids = counted.map((question) => question.id);
  const multiIds = counted.filter((question) => question.kind === "multi").map((question) => question.id);
  const rows = await sql<{ questionId: string; grp: string; choice: string; n: number }[]>`
    select a.question_id, g.choice as grp, a.choice, count(*)::int as n
    from answers g join answers a on a.response_id = g.response_id
    where g.question_id = ${byQuestionId} and g.choice is not null and a.choice is not null
      and a.question_id = any(${ids}::bigint[])
    group by a.question_id, g.choice, a.choice`;
  const multi = multiIds.length
    ? await sql<{ questionId: string; grp: string; n: number }[]>`
        select a.question_id, g.choice as grp, count(distinct a.response_id)::int as n
        from answers g join answers a on a.response_id = g.response_id
        where g.question_id = ${byQuestionId} and a.question_id = any(${multiIds}::bigint[])
        group by a.question_id, g.choice`
    : [];
  const byQuestion = new Map<string, Map<string, QuestionCounts>>();
  for (const { questionId, grp, choice, n } of rows) {
    const groups = byQuestion.get(questionId) ?? new Map<string, QuestionCounts>();
    const entry = groups.get(grp) ?? { byChoice: new Map(), answered: 0 };
    entry.byChoice.set(choice, n);
    entry.answered += n;
    groups.set(grp, entry);
    byQuestion.set(questionId, groups);
  }
  for (const { questionId, grp, n } of multi) {
    const entry = byQuestion.get(questionId)?.get(grp);
    if (entry) entry.answered = n;
  }
  return byQuestion;
}

export interface Comment {
  /** A random key for ordering and paging, not the response's id. */
  key: string;
  questionId: string;
  text: string;
}

type CommentFilter = { questionIds?: string[]; pattern?: string };

const commentsWhere = (surveyId: string, { questionIds, pattern }: CommentFilter) => sql`
  a.text is not null
  and a.question_id in (select id from questions where survey_id = ${surveyId})
  ${questionIds ? sql`and a.question_id = any(${questionIds}::bigint[])` : sql``}
  ${pattern ? sql`and a.text ~* ${pattern}` : sql``}`;

/**
 * Free-text answers, in an order fixed by `seed` (so pages of comments do not overlap) but otherwise
 * random, and with nothing about when they were written. Optionally only those matching a pattern.
 */
export async function comments(
  surveyId: string,
  { seed, limit, offset, ...filter }: CommentFilter & { seed: string; limit: number; offset: number },
): Promise<{ total: number; comments: Comment[] }> {
  // One pass over the comments: the page of rows, with how many match in all carried on each row.
  const rows = await sql<Array<Comment & { total: number }>>`
    select md5(a.response_id::text || a.question_id::text || ${seed}) as key, a.question_id, a.text, count(*) over ()::int as total
    from answers a where ${commentsWhere(surveyId, filter)}
    order by key limit ${limit} offset ${offset}`;
  // Past the last page no row carries the count: then count alone.
  const total =
    rows[0]?.total ??
    (offset > 0
      ? (
          await sql<
            [{ total: number }]
          >`select count(*)::int as total from answers a where ${commentsWhere(surveyId, filter)}`
        )[0].total
      : 0);
  return { total, comments: rows.map(({ key, questionId, text }) => ({ key, questionId, text })) };
}
