import { randomInt, randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { publicUrl } from "~/auth/secret.server";
import { randomToken, sha256 } from "~/auth/sessions.server";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Answer, Answers } from "./answers";
import type { Question } from "./questions";
import type { Survey } from "./survey";
import { draftExpiry, GRACE_MINUTES } from "./window";

/**
 * Answers in progress and their submission. A draft is found by a random id the respondent's device
 * keeps (only its hash is stored); submitting turns it into an anonymous response.
 */
export interface PublicSurvey {
  inspection: Inspection;
  survey: Survey;
  questions: Question[];
}

export interface Draft {
  idHash: Buffer;
  answers: Answers;
  channel: string | null;
  startedAt: Date;
}

/** The draft a device's id opens: its own id or, on a device opened from an emailed link, its resume token. */
export async function findDraft(draftId: string, survey: Survey): Promise<Draft | null> {
  const key = sha256(draftId);
  const [draft] = await sql<Draft[]>`
    select id_hash, answers, channel, started_at from survey_drafts
    where (id_hash = ${key} or resume_hash = ${key}) and survey_id = ${survey.id} and expires_at > now()`;
  return draft ?? null;
}

async function isKnownChannel(inspectionId: string, code: string | null | undefined): Promise<boolean> {
  if (!code) return false;
  const [known] = await sql`select 1 from channels where inspection_id = ${inspectionId} and code = ${code}`;
  return Boolean(known);
}

/**
 * Saves one answer (or clears it, for null), starting a draft if there is none; then returns the new
 * draft's id for the device to keep. The channel is kept only when it is one of the inspection's codes.
 */
export async function saveAnswer(
  open: PublicSurvey,
  draft: Draft | null,
  questionId: string,
  answer: Answer | null,
  channel: string | null,
): Promise<{ draftId: string; expires: Date } | undefined> {
  const change = answer === null ? {} : { [questionId]: answer };
  if (draft) {
    await sql`
      update survey_drafts set answers = (answers - ${questionId}::text) || ${sql.json(change)}
      where id_hash = ${draft.idHash}`;
    return undefined;
  }
  const draftId = randomToken();
  const expires = draftExpiry(open.inspection);
  const knownChannel = (await isKnownChannel(open.inspection.id, channel)) ? channel : null;
  await sql`
    insert into survey_drafts (id_hash, survey_id, answers, channel, expires_at)
    values (${sha256(draftId)}, ${open.survey.id}, ${sql.json(change)}, ${knownChannel}, ${expires})`;
  return { draftId, expires };
}

/**
 * Turns the draft into an anonymous response, in one transaction: the draft is deleted as the response
 * is written, so a second submission of the same draft (a double tap, a refresh, a retried request)
 * finds nothing to submit and records nothing. False when there was no draft left to submit.
 *
 * The response waits in `pending_responses` (no time, nothing that orders it) until a batch of at least
 * PENDING_BATCH has gathered; the submission that completes a batch moves it into `responses`.
 */
export async function submitDraft(
  draftId: string,
  open: PublicSurvey,
  { locale, late }: { locale: string; late: boolean },
): Promise<boolean> {
  return sql.begin(async (tx) => {
    const key = sha256(draftId);
    const [draft] = await tx<Array<Pick<Draft, "answers" | "channel">>>`
      delete from survey_drafts where (id_hash = ${key} or resume_hash = ${key}) and survey_id = ${open.survey.id}
      returning answers, channel`;
    if (!draft) return false;
    await tx`
      insert into pending_responses (survey_id, submitted_on, locale, channel, late, answers)
      values (${open.survey.id}, (now() at time zone 'Europe/London')::date, ${locale}, ${draft.channel}, ${late},
              ${sql.json(answerRows(open.questions, draft.answers))})`;
    await moveBatch(tx, open.survey.id, false);
    return true;
  });
}

/** Responses move from pending into `responses` in batches of at least this many (or all, at the close). */
export const PENDING_BATCH = 10;
const MOVE_LOCK = 724_311_014;

type PendingRow = {
  submittedOn: string;
  locale: string;
  channel: string | null;
  late: boolean;
  answers: Array<{ questionId: string; choice: string | null; text: string | null }>;
};

/**
 * Moves a survey's pending responses into `responses` when there are at least PENDING_BATCH of them (or
 * any, with `all`), in a random order, with new random ids and record keys (nothing in common with the
 * pending row), in the transaction that deletes them from pending. One mover per survey at a time; a
 * submission that finds another moving leaves its response for the next batch. Returns how many moved.
 */
async function moveBatch(tx: TransactionSql, surveyId: string, all: boolean): Promise<number> {
  const [{ locked }] = await tx<[{ locked: boolean }]>`
    select pg_try_advisory_xact_lock(${MOVE_LOCK}, ${surveyId}::int) as locked`;
  if (!locked) return 0;
  const [{ waiting }] = await tx<[{ waiting: number }]>`
    select count(*)::int as waiting from pending_responses where survey_id = ${surveyId}`;
  if (waiting === 0 || (!all && waiting < PENDING_BATCH)) return 0;
  const rows = await tx<PendingRow[]>`
    delete from pending_responses where survey_id = ${surveyId}
    returning to_char(submitted_on, 'YYYY-MM-DD') as submitted_on, locale, channel, late, answers`;
  // A Fisher–Yates shuffle with a cryptographic generator: the stored order is the order of this array.
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const ids = rows.map(() => randomUUID());
  await tx`
    insert into responses (id, survey_id, submitted_on, locale, channel, late, record_key)
    select id::uuid, ${surveyId}, submitted_on::date, locale, channel, late::boolean, record_key::integer
    from unnest(${ids}::text[], ${rows.map((row) => row.submittedOn)}::text[], ${rows.map((row) => row.locale)}::text[],
                ${rows.map((row) => row.channel) as string[]}::text[], ${rows.map((row) => String(row.late))}::text[],
                ${rows.map(() => String(randomInt(2 ** 31)))}::text[])
      as moved(id, submitted_on, locale, channel, late, record_key)`;
  const answers = rows.flatMap((row, index) => row.answers.map((answer) => ({ ...answer, responseId: ids[index]! })));
  if (answers.length > 0) {
    await tx`
      insert into answers (response_id, question_id, choice, text)
      select response_id::uuid, question_id::bigint, choice, text
      from unnest(${answers.map((a) => a.responseId)}::text[], ${answers.map((a) => a.questionId)}::text[],
                  ${answers.map((a) => a.choice) as string[]}::text[], ${answers.map((a) => a.text) as string[]}::text[])
        as answer(response_id, question_id, choice, text)`;
  }
  return rows.length;
}

/**
 * The periodic job: moves every full batch a busy moment left behind, and everything still pending for
 * surveys whose window and grace period have passed (nothing more can join them). Then vacuums the pending
 * table, so the deleted rows, which were written in the order they were sent, do not linger in its pages.
 */
export async function movePendingResponses(): Promise<number> {
  const surveys = await sql<Array<{ surveyId: string; closed: boolean }>>`
    select p.survey_id, bool_or(i.survey_closes_at + make_interval(mins => ${GRACE_MINUTES}) <= now()) as closed
    from pending_responses p join surveys s on s.id = p.survey_id join inspections i on i.id = s.inspection_id
    group by p.survey_id`;
  let moved = 0;
  for (const { surveyId, closed } of surveys) moved += await sql.begin((tx) => moveBatch(tx, surveyId, closed));
  if (moved > 0) await sql`vacuum pending_responses`;
  return moved;
}

/** Moves one survey's pending responses once it has closed (results call this before reading final ones). */
export async function movePendingAtClose(surveyId: string): Promise<number> {
  return sql.begin((tx) => moveBatch(tx, surveyId, true));
}

/** One row per answer, one per choice for "choose any"; answers to questions no longer there are dropped. */
function answerRows(questions: Question[], answers: Answers) {
  return questions.flatMap((question): Array<{ questionId: string; choice: string | null; text: string | null }> => {
    const answer = answers[question.id];
    if (answer === undefined) return [];
    if (question.kind === "text") return [{ questionId: question.id, choice: null, text: String(answer) }];
    const choices = Array.isArray(answer) ? answer : [answer];
    return choices.map((choice) => ({ questionId: question.id, choice, text: null }));
  });
}

/**
 * Emails a link to come back to the draft. The address is used for this one email (it is removed from
 * the outbox once sent) and is never stored with the draft.
 */
export async function emailResumeLink(open: PublicSurvey, draft: Draft, email: string, locale: string) {
  const token = randomToken();
  await sql.begin(async (tx) => {
    await tx`update survey_drafts set resume_hash = ${sha256(token)} where id_hash = ${draft.idHash}`;
    await enqueueEmail(
      tx,
      composeEmail({
        to: email,
        locale,
        namespace: "survey",
        subject: "resumeEmail.subject",
        paragraphs: ["resumeEmail.body", "resumeEmail.anonymous"],
        link: {
          text: "resumeEmail.link",
          url: `${publicUrl}/s/${open.inspection.slug}/${open.survey.audience}/resume/${token}`,
        },
        values: { area: open.inspection.localAreaName },
      }),
    );
  });
}

/**
 * When the draft an emailed resume token opens expires, or null when it opens none (any more). Opening
 * the link changes nothing, so a mail scanner following it does no harm.
 */
export async function resumableUntil(open: PublicSurvey, token: string): Promise<Date | null> {
  const [draft] = await sql<{ expiresAt: Date }[]>`
    select expires_at from survey_drafts
    where resume_hash = ${sha256(token)} and survey_id = ${open.survey.id} and expires_at > now()`;
  return draft?.expiresAt ?? null;
}
