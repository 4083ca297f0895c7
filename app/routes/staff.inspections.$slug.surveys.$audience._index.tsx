import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/i18n/languages";
import { AuthoredQuestionSummary } from "~/surveys/AuthoredQuestionSummary";
import { CommentList } from "~/surveys/CommentList";
import { kindsFor, missingTranslations } from "~/surveys/questions";
import { moveQuestion, questionsOf } from "~/surveys/authoring.server";
import { commentsByQuestion, markReady, resolveComment, shareForReview } from "~/surveys/review.server";
import { addQuestionSchema } from "~/surveys/schemas";
import { loadSurvey } from "~/surveys/staff-survey.server";
import { isLocked } from "~/surveys/window";
import { ChoicesField, CsrfField, ErrorSummary, PostButton, summaryErrors } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { idParam } from "~/http/params";
import { surveyLocked } from "~/http/params.server";

const languageName = (code: string) => LANGUAGES.find((language) => language.code === code)?.name ?? code;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, survey } = await loadSurvey(request, params, "questions.edit");
  const { t } = await translatorFor(request, "questions");
  const commentsOn = await commentsByQuestion(survey.id);
  const questions = await questionsOf(survey.id);
  return json({
    title: t("authoring.title", { audience: t(`audiences.${survey.audience}`) }),
    area: inspection.localAreaName,
    slug: inspection.slug,
    audience: survey.audience,
    status: survey.status,
    locked: isLocked(inspection),
    kinds: kindsFor(survey.audience),
    questions: questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text[DEFAULT_LANGUAGE] ?? "",
      hint: question.hint[DEFAULT_LANGUAGE] ?? "",
      options: question.options.map((option) => option.label[DEFAULT_LANGUAGE] ?? ""),
      focusArea: question.focusArea,
      characterLimit: question.characterLimit,
      missing: missingTranslations(question).map(languageName),
      comments: commentsOn(question.id),
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { inspection, survey, ...session } = await loadSurvey(request, params, "questions.edit");
  const formData = await request.formData();
  requireCsrf(session, formData);
  const { locale } = await translatorFor(request, "questions");
  const here = `/staff/inspections/${inspection.slug}/surveys/${survey.audience}`;
  const intent = String(formData.get("intent"));
  const questionId = String(formData.get("questionId") ?? "");

  switch (intent) {
    case "add": {
      const submission = parseWithZod(formData, { schema: addQuestionSchema(survey.audience) });
      if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
      return redirect(`${here}/questions/new?kind=${submission.value.kind}`);
    }
    case "move-up":
    case "move-down":
      await moveQuestion(inspection, survey, idParam(questionId), intent === "move-up" ? "up" : "down").catch(
        surveyLocked,
      );
      return redirect(`${here}#question-${questionId}`);
    case "resolve":
      await resolveComment(survey, idParam(formData.get("commentId")), session.user.id);
      return redirect(`${here}#question-${idParam(questionId)}`);
    case "share":
      await shareForReview(inspection, survey, locale);
      return redirect(here);
    case "ready":
      if ((await markReady(survey)) === "open-comments") {
        return json({ error: "questions:authoring.errors.openComments" as const }, { status: 400 });
      }
      return redirect(here);
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Authoring() {
  const { title, area, slug, audience, status, locked, kinds, questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("questions");
  const here = `/staff/inspections/${slug}/surveys/${audience}`;
  const [form, fields] = useForm({
    id: "add-question",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addQuestionSchema(audience) }),
  });
  const readyError = actionData && "error" in actionData ? actionData.error : null;
  const openComments = questions.reduce(
    (sum, question) => sum + question.comments.filter((comment) => !comment.resolved).length,
    0,
  );

  return (
    <>
      <ErrorSummary
        errors={[...summaryErrors([fields.kind]), ...(readyError ? [{ href: "#status", message: readyError }] : [])]}
      />
      <span className="caption">{area}</span>
      <h1>{title}</h1>

      <div className="panel" id="status" tabIndex={-1}>
        <p>
          <strong className="tag">{t(`status.${status}`)}</strong>
        </p>
        <p>{locked ? t("authoring.locked") : t(`authoring.statusHelp.${status}`)}</p>
        {!locked && status === "draft" ? (
          <PostButton csrf={csrf} intent="share">
            {t("authoring.share")}
          </PostButton>
        ) : null}
        {status === "in-review" && openComments > 0 ? (
          <p>{t("authoring.openComments", { count: openComments })}</p>
        ) : null}
        {status === "in-review" ? (
          <PostButton csrf={csrf} intent="ready" className="button">
            {t("authoring.markReady")}
          </PostButton>
        ) : null}
        <p>
          <Link to={`${here}/review`}>{t("authoring.preview")}</Link>
        </p>
      </div>

      <h2>{t("authoring.questionsHeading", { count: questions.length })}</h2>
      <ol className="question-list">
        {questions.map((question, index) => (
          <li key={question.id} id={`question-${question.id}`} className="question-list__item">
            <AuthoredQuestionSummary question={question} number={index + 1} />

            {question.comments.length > 0 ? (
              <div className="comments">
                <h4 className="heading-s">{t("authoring.commentsHeading", { count: question.comments.length })}</h4>
                <CommentList
                  comments={question.comments}
                  action={(comment) => (
                    <PostButton
                      csrf={csrf}
                      intent="resolve"
                      values={{ questionId: question.id, commentId: comment.id }}
                    >
                      {t("authoring.resolve")}
                    </PostButton>
                  )}
                />
              </div>
            ) : null}

            {locked ? null : (
              <div className="button-group">
                <Link to={`${here}/questions/${question.id}`}>
                  {t("authoring.edit")}
                  <span className="visually-hidden"> {t("authoring.questionNumber", { number: index + 1 })}</span>
                </Link>
                <Link to={`${here}/questions/${question.id}/translations`}>
                  {t("authoring.translate")}
                  <span className="visually-hidden"> {t("authoring.questionNumber", { number: index + 1 })}</span>
                </Link>
                <Form method="post" className="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="questionId" value={question.id} />
                  {index > 0 ? (
                    <button type="submit" name="intent" value="move-up" className="link-button">
                      {t("authoring.moveUp")}
                      <span className="visually-hidden"> {t("authoring.questionNumber", { number: index + 1 })}</span>
                    </button>
                  ) : null}{" "}
                  {index < questions.length - 1 ? (
                    <button type="submit" name="intent" value="move-down" className="link-button">
                      {t("authoring.moveDown")}
                      <span className="visually-hidden"> {t("authoring.questionNumber", { number: index + 1 })}</span>
                    </button>
                  ) : null}
                </Form>
              </div>
            )}
          </li>
        ))}
      </ol>

      {locked ? null : (
        <>
          <h2>{t("authoring.addHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <CsrfField token={csrf} />
            <ChoicesField
              field={fields.kind}
              type="radio"
              legend={t("authoring.kindLegend")}
              choices={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`), hint: t(`kindHints.${kind}`) }))}
            />
            <button type="submit" name="intent" value="add" className="button">
              {t("authoring.add")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
