import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { choiceValues, type Question } from "~/surveys/questions";

/**
 * Clearly fictional responses, written straight to the database as submissions would leave them: for
 * the demo inspection (so a first `npm start` shows real results, breakdowns and comments) and for tests.
 * Nothing here is anyone's answer: the comments are made up, with the details redaction must remove
 * (names, a phone number in Ofcom's drama range, example.org addresses, a postcode, an NHS number, a date
 * of birth, school names) and one that must be flagged for the lead inspector.
 */
export const SAMPLE_COMMENTS = {
  parents: [
    "The new keyworker listened to us and things got better.",
    "My son Jack waited two years for an assessment. Call me on 07700 900123.",
    "Our EHC plan arrived late and nobody at the council answered emails to jo.parent@example.org.",
    "He told his teacher he is scared to go home some evenings and nobody followed it up.",
    "Mrs Patel at Northshire Primary Academy was brilliant with my daughter Amira.",
    "Speech therapy stopped when we moved to NE99 1AA and never started again.",
    "The short breaks scheme gave us our weekends back.",
    "The local offer website is hard to use on a phone.",
    "CAMHS lost his records (NHS number 943 476 5919) twice.",
    "Riverside Special School understands her. Her birthday is 14/03/2012 and they always remember.",
    "Transport to college was sorted within a week of asking.",
    "We had to fight for everything, and I am tired.",
  ],
  "young-people": [
    "My teacher helps me when I get stuck.",
    "I want to do a job with animals when I am older.",
    "The bus to college is too noisy for me.",
    "I like my speech therapist. She listens to me.",
    "Nobody asked me what I wanted at my review.",
    "I go to the youth club on Fridays with my friends.",
    "The doctor talks to my mum, not to me.",
  ],
  practitioners: [
    "Joint panels between health and education have improved a lot this year.",
    "Waiting lists for occupational therapy are far too long.",
    "Annual reviews are often late because reports come in late.",
    "The SENCo network is a real strength.",
    "Information sharing with social care still depends on who you know.",
  ],
};

export interface SampleOptions {
  /** Free-text answers to draw from. */
  comments?: string[];
  /** Calendar days ('YYYY-MM-DD') to spread submissions over; today when not given. */
  days?: string[];
  /** Channel codes to spread responses over (null: none). */
  channels?: Array<string | null>;
  locales?: string[];
}

type Counted = Pick<Question, "kind" | "options" | "faces"> & { id: string };

/**
 * `n` plausible responses to every question of a survey, varied but fixed by their position, so that the
 * results have shown counts, "fewer than 5" and hidden cells, breakdown groups and comments to redact
 * (each of `comments` once, while there are free-text answers to give).
 * Two inserts, however many responses.
 */
export async function addSampleResponses(sql: Sql<any>, surveyId: string, n: number, options: SampleOptions = {}) {
  const { comments = SAMPLE_COMMENTS.parents, channels = [null], locales = ["en-GB"] } = options;
  const days = options.days?.length ? options.days : [new Date().toISOString().slice(0, 10)];
  const questions = await sql<Counted[]>`
    select id, kind, options, faces from questions where survey_id = ${surveyId} order by position`;
  let written = 0; // each comment is written once, as real ones are
  const responses = Array.from({ length: n }, (_, index) => ({
    id: randomUUID(),
    day: days[index % days.length]!,
    channel: channels[index % channels.length] ?? null,
    locale: locales[index % locales.length]!,
    answers: questions.flatMap((question, position): Array<{ questionId: string; value: string }> => {
      if (question.kind === "text") {
        if (index % 3 !== position % 3 || written >= comments.length) return [];
        return [{ questionId: question.id, value: comments[written++]! }];
      }
      // Answers lean to the first options, as real ones do: some groups are large, some counts small.
      const values = choiceValues(question).flatMap((value, i) => Array<string>(Math.max(1, 4 - i)).fill(value));
      return [{ questionId: question.id, value: values[(index * (position + 3) + Math.floor(index / 4)) % values.length]! }];
    }),
  }));
  await sql`
    insert into responses (id, survey_id, submitted_on, locale, channel)
    select id, ${surveyId}, day, locale, channel
    from unnest(${responses.map((r) => r.id)}::uuid[], ${responses.map((r) => r.day)}::date[],
                ${responses.map((r) => r.locale)}::text[], ${responses.map((r) => r.channel)}::text[])
         as r(id, day, locale, channel)`;
  const free = new Set(questions.filter((question) => question.kind === "text").map((question) => question.id));
  const rows = responses.flatMap((response) =>
    response.answers.map(({ questionId, value }) => ({
      responseId: response.id,
      questionId,
      choice: free.has(questionId) ? null : value,
      text: free.has(questionId) ? value : null,
    })),
  );
  await sql`
    insert into answers (response_id, question_id, choice, text)
    select * from unnest(${rows.map((row) => row.responseId)}::uuid[], ${rows.map((row) => row.questionId)}::bigint[],
                         ${rows.map((row) => row.choice)}::text[], ${rows.map((row) => row.text)}::text[])`;
}
