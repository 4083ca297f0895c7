import type { Sql } from "postgres";
import { allowedValues } from "~/surveys/answers";
import type { Question } from "~/surveys/questions";

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

const SAMPLE_COMMENTS = [
  "The new keyworker listened to us and things got better.",
  "My son Jack waited two years for an assessment. Call me on 07700 900123.",
  "Our EHC plan arrived late and nobody at the council answered emails to jo.parent@example.org.",
  "She is scared to go home some days and I do not know who to tell.",
  "Mrs Patel at the school was brilliant with my daughter Amira.",
];

/**
 * `n` plausible responses to every question of a survey, varied but fixed by their position, so that a
 * results page has shown counts, "fewer than 5" and hidden cells, breakdown groups and comments to redact.
 */
export async function addSampleResponses(sql: Sql<any>, surveyId: string, n: number) {
  const questions = await sql<Array<Pick<Question, "kind" | "options" | "faces" | "characterLimit"> & { id: string }>>`
    select id, kind, options, faces, character_limit from questions where survey_id = ${surveyId} order by position`;
  const responses = Array.from({ length: n }, (_, index) =>
    Object.fromEntries(
      questions.flatMap((question, position): Array<[string, string]> => {
        // Answers lean to the first options, as real ones do: some groups are large, some counts small.
        const values =
          question.kind === "text"
            ? SAMPLE_COMMENTS
            : allowedValues(question).flatMap((value, i) => Array<string>(Math.max(1, 4 - i)).fill(value));
        if (question.kind === "text" && index % 3 !== position % 3) return [];
        return [[question.id, values[(index * (position + 3) + Math.floor(index / 4)) % values.length]!]];
      }),
    ),
  );
  await addResponses(sql, surveyId, responses);
}
