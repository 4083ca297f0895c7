import { publicUrl } from "~/auth/secret.server";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Question } from "./questions";
import type { Survey } from "./survey";

/**
 * The parent carer forum's review of a survey's wording: sharing it with them (by email), their comments
 * on each question, and marking the survey ready once every comment is resolved.
 */

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
