import type { Sql } from "postgres";

/** Survey responses written straight to the database, as submissions would leave them. */
export async function addResponses(
  sql: Sql<any>,
  surveyId: string,
  responses: Array<Record<string, string | string[]>>,
  { late = false, locale = "en-GB" } = {},
) {
  const free = new Set(
    (await sql<{ id: string }[]>`select id from questions where survey_id = ${surveyId} and kind = 'text'`).map(
      (row) => row.id,
    ),
  );
  for (const answers of responses) {
    const [response] = await sql<{ id: string }[]>`
      insert into responses (survey_id, submitted_on, locale, late)
      values (${surveyId}, current_date, ${locale}, ${late}) returning id`;
    for (const [questionId, answer] of Object.entries(answers)) {
      const text = free.has(questionId);
      for (const value of [answer].flat()) {
        await sql`
          insert into answers (response_id, question_id, choice, text)
          values (${response!.id}, ${questionId}, ${text ? null : value}, ${text ? value : null})`;
      }
    }
  }
}

/** `n` copies of the same answers. */
export const times = <T>(n: number, answers: T): T[] => Array.from({ length: n }, () => answers);
