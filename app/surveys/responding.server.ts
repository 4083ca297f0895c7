import { createCookie } from "@remix-run/node";
import { publicUrl, secureCookies } from "~/auth/secret.server";
import { randomToken, sha256 } from "~/auth/sessions.server";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspections.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Answer, Answers } from "./answers";
import { isAudience, type Question } from "./questions";
import type { Survey } from "./surveys.server";
import { draftExpiry } from "./window";

/** A survey as respondents reach it: the inspection, the survey for one audience, its questions. */
export interface PublicSurvey {
  inspection: Inspection;
  survey: Survey;
  questions: Question[];
}

const notFound = () => new Response("Not Found", { status: 404 });

export async function loadPublicSurvey(slug: string | undefined, audience: string | undefined): Promise<PublicSurvey> {
  if (!slug || !isAudience(audience)) throw notFound();
  const [row] = await sql<Array<PublicSurvey["inspection"] & { surveyId: string; status: Survey["status"] }>>`
    select i.id, i.slug, i.local_area_name, i.kind, i.day1, i.survey_opens_at, i.survey_closes_at,
           i.safeguarding_contact, s.id as survey_id, s.status
    from inspections i join surveys s on s.inspection_id = i.id and s.audience = ${audience}
    where i.slug = ${slug}`;
  if (!row) throw notFound();
  const { surveyId, status, ...inspection } = row;
  const questions = await sql<Question[]>`
    select id, position, kind, text, hint, options, focus_area, character_limit, faces
    from questions where survey_id = ${surveyId} order by position, id`;
  return { inspection, survey: { id: surveyId, inspectionId: inspection.id, audience, status }, questions };
}

/**
 * The respondent's draft is found through a random id in a cookie for this survey; only its hash is
 * stored. The cookie lives as long as the draft can still be submitted.
 */
const draftCookie = (survey: Survey) =>
  createCookie(`draft-${survey.id}`, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/" });

export interface Draft {
  idHash: Buffer;
  answers: Answers;
  channel: string | null;
  startedAt: Date;
}

export async function findDraft(request: Request, survey: Survey): Promise<Draft | null> {
  const id: unknown = await draftCookie(survey).parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  // The cookie holds either the draft's own id or, on a device opened from an emailed link, its resume token.
  const key = sha256(id);
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
 * Saves one answer (or clears it, for null), starting a draft if there is none. Returns the Set-Cookie
 * header for a new draft. The channel is kept only when it is one of the inspection's known codes.
 */
export async function saveAnswer(
  open: PublicSurvey,
  draft: Draft | null,
  questionId: string,
  answer: Answer | null,
  channel: string | null,
): Promise<string | undefined> {
  const change = answer === null ? {} : { [questionId]: answer };
  if (draft) {
    await sql`
      update survey_drafts set answers = (answers - ${questionId}::text) || ${sql.json(change)}
      where id_hash = ${draft.idHash}`;
    return undefined;
  }
  const id = randomToken();
  const expires = draftExpiry(open.inspection);
  const knownChannel = (await isKnownChannel(open.inspection.id, channel)) ? channel : null;
  await sql`
    insert into survey_drafts (id_hash, survey_id, answers, channel, expires_at)
    values (${sha256(id)}, ${open.survey.id}, ${sql.json(change)}, ${knownChannel}, ${expires})`;
  return draftCookie(open.survey).serialize(id, { expires });
}

/** Remembers (only on this device) that this browser has already sent a response to these surveys. */
const takenPartCookie = createCookie("taken_part", {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies,
  path: "/",
  maxAge: 60 * 60 * 24 * 60,
});

export async function hasTakenPart(request: Request, survey: Survey): Promise<boolean> {
  const surveys: unknown = await takenPartCookie.parse(request.headers.get("Cookie"));
  return Array.isArray(surveys) && surveys.includes(survey.id);
}

/**
 * Turns the draft into an anonymous response, in one transaction: the draft is deleted as the response
 * is written, so a second submission of the same draft (a double tap, a refresh, a retried request)
 * finds nothing to submit and records nothing. Returns the Set-Cookie headers, or null when there was
 * no draft left to submit.
 */
export async function submitDraft(
  request: Request,
  open: PublicSurvey,
  { locale, late }: { locale: string; late: boolean },
): Promise<string[] | null> {
  const id: unknown = await draftCookie(open.survey).parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const submitted = await sql.begin(async (tx) => {
    const key = sha256(id);
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
  if (!submitted) return null;
  const before: unknown = await takenPartCookie.parse(request.headers.get("Cookie"));
  const surveys = [...new Set([...(Array.isArray(before) ? before : []), open.survey.id])];
  return [await draftCookie(open.survey).serialize("", { maxAge: 0 }), await takenPartCookie.serialize(surveys)];
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
 * Opens a draft from an emailed link on whatever device it is clicked, by keeping the link's token in
 * that device's cookie. Opening the link changes nothing, so a mail scanner following it does no harm.
 */
export async function resumeDraft(open: PublicSurvey, token: string): Promise<string | null> {
  const [draft] = await sql<{ expiresAt: Date }[]>`
    select expires_at from survey_drafts
    where resume_hash = ${sha256(token)} and survey_id = ${open.survey.id} and expires_at > now()`;
  return draft ? draftCookie(open.survey).serialize(token, { expires: draft.expiresAt }) : null;
}

/** Drafts that can no longer be submitted are deleted (run periodically by the app). */
export async function deleteExpiredDrafts(): Promise<number> {
  const deleted = await sql`delete from survey_drafts where expires_at <= now()`;
  return deleted.count;
}
