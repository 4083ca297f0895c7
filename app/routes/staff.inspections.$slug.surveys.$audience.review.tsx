import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { idParam } from "~/http/params";
import { translatorFor } from "~/i18n/i18next.server";
import { CommentList } from "~/surveys/CommentList";
import { displayQuestion } from "~/surveys/questions";
import { QuestionField } from "~/surveys/QuestionField";
import { CommentSchema } from "~/surveys/schemas";
import { loadSurvey } from "~/surveys/staff-survey.server";
import { findQuestion, questionsOf } from "~/surveys/authoring.server";
import { addComment, commentsByQuestion } from "~/surveys/review.server";
import { CsrfField, ErrorSummary, TextareaField, type Field } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["survey", "easyread"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, survey, user } = await loadSurvey(request, params, "questions.review");
  const { locale, t } = await translatorFor(request, "questions");
  // The forum sees questions once they are shared; inspectors can preview their drafts.
  const shared = survey.status !== "draft" || can(user, "questions.edit", inspection.id);
  const commentsOn = await commentsByQuestion(survey.id);
  return json({
    title: t("review.title", { audience: t(`audiences.${survey.audience}`) }),
    area: inspection.localAreaName,
    status: survey.status,
    questions: shared
      ? (await questionsOf(survey.id)).map((question) => ({
          ...displayQuestion(question, locale),
          comments: commentsOn(question.id),
        }))
      : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { survey, user, ...session } = await loadSurvey(request, params, "questions.review");
  const formData = await request.formData();
  requireCsrf({ user, ...session }, formData);
  // Comments are taken while the questions are out for review, not on drafts or finished surveys.
  if (survey.status !== "in-review") return redirect(new URL(request.url).pathname);
  const submission = parseWithZod(formData, { schema: CommentSchema });
  const questionId = String(formData.get("questionId") ?? "");
  if (submission.status !== "success") {
    return json(
      { questionId, errors: submission.error?.body ?? [], body: String(formData.get("body") ?? "") },
      { status: 400 },
    );
  }
  const question = await findQuestion(survey.id, idParam(submission.value.questionId));
  if (!question) throw new Response("Not Found", { status: 404 });
  await addComment(question, user.id, submission.value.body);
  return redirect(`${new URL(request.url).pathname}#question-${question.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Review() {
  const { title, area, status, questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("questions");

  const commentField = (questionId: string): Field => ({
    id: `comment-${questionId}`,
    name: "body",
    descriptionId: `comment-${questionId}-hint`,
    errorId: `comment-${questionId}-error`,
    errors: actionData?.questionId === questionId ? actionData.errors : undefined,
    initialValue: actionData?.questionId === questionId ? actionData.body : undefined,
  });

  return (
    <>
      <ErrorSummary
        errors={
          actionData?.errors.length
            ? [{ href: `#comment-${actionData.questionId}`, message: actionData.errors[0]! }]
            : []
        }
      />
      <span className="caption">{area}</span>
      <h1>{title}</h1>
      {questions.length === 0 ? <p>{t("review.notShared")}</p> : <p>{t(`review.intro.${status}`)}</p>}
      {questions.length > 0 ? <p className="hint">{t("review.languageNote")}</p> : null}

      {questions.map((question, index) => (
        <section key={question.id} id={`question-${question.id}`} aria-labelledby={`question-${question.id}-heading`}>
          <h2 id={`question-${question.id}-heading`}>
            {t("review.questionOf", { number: index + 1, total: questions.length })}
          </h2>
          <div className="question-preview">
            <QuestionField
              question={question}
              field={{
                id: `preview-${question.id}`,
                name: `preview-${question.id}`,
                descriptionId: `preview-${question.id}-hint`,
                errorId: `preview-${question.id}-error`,
              }}
            />
          </div>

          {question.comments.length > 0 ? (
            <>
              <h3>{t("review.commentsHeading")}</h3>
              <CommentList comments={question.comments} />
            </>
          ) : null}

          {status === "in-review" ? (
            <Form method="post">
              <CsrfField token={csrf} />
              <input type="hidden" name="questionId" value={question.id} />
              <TextareaField
                field={commentField(question.id)}
                label={t("review.commentLabel", { number: index + 1 })}
                rows={3}
              />
              <button type="submit" className="button button--secondary">
                {t("review.addComment")}
                <span className="visually-hidden">
                  {" "}
                  {t("review.questionOf", { number: index + 1, total: questions.length })}
                </span>
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
