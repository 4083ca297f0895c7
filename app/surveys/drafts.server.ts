import { publicUrl } from "~/auth/secret.server";
import { randomToken, sha256 } from "~/auth/sessions.server";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Answer, Answers } from "./answers";
import type { Question } from "./questions";
import type { Survey } from "./survey";
import { draftExpiry } from "./window";

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
    const [response] = await tx<{ id: string }[]>`
      insert into responses (survey_id, submitted_on, locale, channel, late)
      values (${open.survey.id}, (now() at time zone 'Europe/London')::date, ${locale}, ${draft.channel}, ${late})
      returning id`;
    const rows = answerRows(open.questions, draft.answers);
    if (rows.length > 0) {
      await tx`
        insert into answers (response_id, question_id, choice, text)
        select ${response!.id}, question_id, choice, text
        from unnest(${rows.map((row) => row.questionId)}::bigint[], ${rows.map((row) => row.choice)}::text[],
                    ${rows.map((row) => row.text)}::text[]) as answer(question_id, choice, text)`;
    }
    return true;
  });
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
