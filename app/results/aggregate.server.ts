import { sql } from "~/db.server";
import { choiceValues, type Question } from "~/surveys/questions";
import type { BreakdownCounts, Count, QuestionCounts, SurveyCounts } from "./disclosure";

/**
 * Counting answers is done by PostgreSQL, a few grouped queries per survey, never row by row here. Only
 * the responses of a published snapshot are counted, and with each count comes its cell key: the sum of
 * its responses' record keys modulo the noise table's key range. Nothing returned identifies a response.
 */
type Row = { n: number; key: number };
const none: Count = { n: 0, key: 0 };

/**
 * Everything an inspector can see about one survey at one snapshot: every question, and every question
 * broken down by every about-you question. Columns are in the order each question lists its answers.
 */
export async function surveyCounts(
  surveyId: string,
  snapshot: number,
  questions: Question[],
  keyRange: number,
): Promise<Omit<SurveyCounts, "late"> & { late: Count }> {
  const counted = questions.filter((question) => question.kind !== "text");
  const ids = counted.map((question) => question.id);
  const multiIds = counted.filter((question) => question.kind === "multi").map((question) => question.id);
  const textIds = questions.filter((question) => question.kind === "text").map((question) => question.id);
  const aboutIds = counted.filter((question) => question.kind === "about-you").map((question) => question.id);
  const key = (column: string) => sql`(coalesce(sum(${sql(column)}), 0) % ${keyRange})::int`;

  const [totals] = await sql<Array<{ n: number; key: number; lateN: number; lateKey: number }>>`
    select count(*)::int as n, ${key("record_key")} as key,
      count(*) filter (where late)::int as late_n,
      (coalesce(sum(record_key) filter (where late), 0) % ${keyRange})::int as late_key
    from responses where survey_id = ${surveyId} and snapshot <= ${snapshot}`;
  const cells = await sql<Array<Row & { questionId: string; choice: string }>>`
    select a.question_id, a.choice, count(*)::int as n, ${key("r.record_key")} as key
    from answers a join responses r on r.id = a.response_id
    where a.question_id = any(${ids}::bigint[]) and a.choice is not null and r.snapshot <= ${snapshot}
    group by a.question_id, a.choice`;
  // "Choose any" has a row per choice: how many answered is how many distinct responses.
  const multiAnswered = multiIds.length
    ? await sql<Array<Row & { questionId: string }>>`
        select a.question_id, count(*)::int as n, ${key("r.record_key")} as key
        from (select distinct question_id, response_id from answers where question_id = any(${multiIds}::bigint[])) a
        join responses r on r.id = a.response_id
        where r.snapshot <= ${snapshot}
        group by a.question_id`
    : [];
  const comments = textIds.length
    ? await sql<Array<{ questionId: string; n: number }>>`
        select a.question_id, count(*)::int as n
        from answers a join responses r on r.id = a.response_id
        where a.question_id = any(${textIds}::bigint[]) and a.text is not null and r.snapshot <= ${snapshot}
        group by a.question_id`
    : [];
  // Every breakdown at once: each about-you answer (the group) against every other question's answers.
  const grouped = aboutIds.length
    ? await sql<Array<Row & { by: string; grp: string; questionId: string; choice: string }>>`
        select g.question_id as by, g.choice as grp, a.question_id, a.choice, count(*)::int as n,
          ${key("r.record_key")} as key
        from answers g
          join answers a on a.response_id = g.response_id
          join responses r on r.id = g.response_id
        where g.question_id = any(${aboutIds}::bigint[]) and g.choice is not null and a.choice is not null
          and a.question_id = any(${ids}::bigint[]) and a.question_id <> g.question_id and r.snapshot <= ${snapshot}
        group by g.question_id, g.choice, a.question_id, a.choice`
    : [];
  const groupedMulti =
    aboutIds.length && multiIds.length
      ? await sql<Array<Row & { by: string; grp: string; questionId: string }>>`
          select g.question_id as by, g.choice as grp, a.question_id, count(*)::int as n, ${key("r.record_key")} as key
          from answers g
            join (select distinct question_id, response_id from answers where question_id = any(${multiIds}::bigint[])) a
              on a.response_id = g.response_id
            join responses r on r.id = g.response_id
          where g.question_id = any(${aboutIds}::bigint[]) and g.choice is not null
            and a.question_id <> g.question_id and r.snapshot <= ${snapshot}
          group by g.question_id, g.choice, a.question_id`
      : [];

  const cellMap = new Map(cells.map((row) => [`${row.questionId}\u0000${row.choice}`, row]));
  const multiMap = new Map(multiAnswered.map((row) => [row.questionId, row]));
  const commentMap = new Map(comments.map((row) => [row.questionId, row.n]));
  const groupedMap = new Map(grouped.map((row) => [`${row.by}\u0000${row.grp}\u0000${row.questionId}\u0000${row.choice}`, row]));
  const groupedMultiMap = new Map(groupedMulti.map((row) => [`${row.by}\u0000${row.grp}\u0000${row.questionId}`, row]));
  const count = (row: Row | undefined): Count => (row ? { n: row.n, key: row.key } : none);
  /** Single answers: those who answered are the cells together, and so is their key. */
  const sum = (parts: Count[]): Count => ({
    n: parts.reduce((total, part) => total + part.n, 0),
    key: parts.reduce((total, part) => (total + part.key) % keyRange, 0),
  });

  const questionCounts = questions.map((question): QuestionCounts => {
    if (question.kind === "text") {
      return { id: question.id, answers: "text", cells: [], answered: { n: commentMap.get(question.id) ?? 0, key: 0 } };
    }
    const row = choiceValues(question).map((value) => count(cellMap.get(`${question.id}\u0000${value}`)));
    const multi = question.kind === "multi";
    return {
      id: question.id,
      answers: multi ? "any" : "one",
      cells: row,
      answered: multi ? count(multiMap.get(question.id)) : sum(row),
    };
  });
  const breakdowns = counted
    .filter((by) => by.kind === "about-you")
    .map((by): BreakdownCounts => {
      const groups = choiceValues(by);
      return {
        by: by.id,
        questions: new Map(
          counted
            .filter((question) => question.id !== by.id)
            .map((question) => [
              question.id,
              groups.map((group) => {
                const row = choiceValues(question).map((value) =>
                  count(groupedMap.get(`${by.id}\u0000${group}\u0000${question.id}\u0000${value}`)),
                );
                return {
                  cells: row,
                  answered:
                    question.kind === "multi"
                      ? count(groupedMultiMap.get(`${by.id}\u0000${group}\u0000${question.id}`))
                      : sum(row),
                };
              }),
            ]),
        ),
      };
    });
  return {
    responses: { n: totals!.n, key: totals!.key },
    late: { n: totals!.lateN, key: totals!.lateKey },
    questions: questionCounts,
    breakdowns,
  };
}

export interface Comment {
  /** A key for ordering and paging: a hash of a random seed and the answer, never the response's id. */
  key: string;
  questionId: string;
  text: string;
}

type CommentFilter = { questionIds: string[]; pattern?: string };

const commentsWhere = (snapshot: number, { questionIds, pattern }: CommentFilter) => sql`
  a.text is not null and r.snapshot <= ${snapshot} and a.question_id = any(${questionIds}::bigint[])
  ${pattern ? sql`and a.text ~* ${pattern}` : sql``}`;

/**
 * Free-text answers of a published snapshot, in an order fixed by `seed` (so pages of comments do not
 * overlap) but otherwise random, and with nothing about when they were written. Optionally only those
 * matching a pattern.
 */
export async function comments(
  snapshot: number,
  { seed, limit, offset, ...filter }: CommentFilter & { seed: string; limit: number; offset: number },
): Promise<{ total: number; comments: Comment[] }> {
  // The parts of the ordering key are separated, so no two answers' parts can run together into one.
  const rows = await sql<Array<Comment & { total: number }>>`
    select md5(${seed} || ':' || a.response_id::text || ':' || a.question_id::text) as key, a.question_id, a.text,
      count(*) over ()::int as total
    from answers a join responses r on r.id = a.response_id
    where ${commentsWhere(snapshot, filter)}
    order by key limit ${limit} offset ${offset}`;
  // Past the last page no row carries the count: then count alone.
  const total =
    rows[0]?.total ??
    (offset > 0
      ? (
          await sql<[{ total: number }]>`
            select count(*)::int as total from answers a join responses r on r.id = a.response_id
            where ${commentsWhere(snapshot, filter)}`
        )[0].total
      : 0);
  return { total, comments: rows.map(({ key, questionId, text }) => ({ key, questionId, text })) };
}
