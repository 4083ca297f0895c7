import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/i18n/languages";
import { CommentList } from "~/surveys/CommentList";
import { kindsFor, missingTranslations } from "~/surveys/questions";
import { loadSurvey } from "~/surveys/survey-route.server";
import {
  commentsByQuestion,
  isLocked,
  markReady,
  moveQuestion,
  questionsOf,
  resolveComment,
  shareForReview,
} from "~/surveys/surveys.server";
import { ChoicesField, CsrfField, ErrorSummary, plainField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { idParam, surveyLocked } from "~/http/params.server";

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
      text: question.text[DEFAULT_LANGUAGE],
      hint: question.hint[DEFAULT_LANGUAGE],
      options: question.options.map((option) => option.label[DEFAULT_LANGUAGE]),
      focusArea: question.focusArea,
      characterLimit: question.characterLimit,
      faces: question.faces,
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
      const kind = String(formData.get("kind") ?? "");
      if (!(kindsFor(survey.audience) as string[]).includes(kind)) {
        return json({ error: "questions:authoring.errors.kindRequired" }, { status: 400 });
      }
      return redirect(`${here}/questions/new?kind=${kind}`);
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
        return json({ error: "questions:authoring.errors.openComments" }, { status: 400 });
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
  const kindError = actionData?.error === "questions:authoring.errors.kindRequired" ? [actionData.error] : undefined;
  const openComments = questions.reduce(
    (sum, question) => sum + question.comments.filter((comment) => !comment.resolved).length,
    0,
  );

  return (
    <>
      <ErrorSummary
        errors={actionData?.error ? [{ href: kindError ? "#kind" : "#status", message: actionData.error }] : []}
      />
      <span className="caption">{area}</span>
      <h1>{title}</h1>

      <div className="panel" id="status" tabIndex={-1}>
        <p>
          <strong className="tag">{t(`status.${status}`)}</strong>
        </p>
        <p>{locked ? t("authoring.locked") : t(`authoring.statusHelp.${status}`)}</p>
        {!locked && status === "draft" ? (
          <Form method="post">
            <CsrfField token={csrf} />
            <button type="submit" name="intent" value="share" className="button button--secondary">
              {t("authoring.share")}
            </button>
          </Form>
        ) : null}
        {status === "in-review" ? (
          <Form method="post">
            <CsrfField token={csrf} />
            {openComments > 0 ? <p>{t("authoring.openComments", { count: openComments })}</p> : null}
            <button type="submit" name="intent" value="ready" className="button">
              {t("authoring.markReady")}
            </button>
          </Form>
        ) : null}
        <p>
          <Link to={`${here}/review`}>{t("authoring.preview")}</Link>
        </p>
      </div>

      <h2>{t("authoring.questionsHeading", { count: questions.length })}</h2>
      <ol className="question-list">
        {questions.map((question, index) => (
          <li key={question.id} id={`question-${question.id}`} className="question-list__item">
            <h3 className="heading-s">
              {t("authoring.questionNumber", { number: index + 1 })}{" "}
              <span className="caption caption--inline">{t(`kinds.${question.kind}`)}</span>
            </h3>
            <p className="question-list__text">{question.text}</p>
            {question.hint ? <p className="hint">{question.hint}</p> : null}
            {question.options.length > 0 ? (
              <ul>
                {question.options.map((option) => (
                  <li key={option}>{option}</li>
                ))}
              </ul>
            ) : null}
            <dl className="question-list__facts">
              {question.focusArea ? (
                <div>
                  <dt>{t("authoring.focusArea")}</dt>
                  <dd>{question.focusArea}</dd>
                </div>
              ) : null}
              {question.characterLimit ? (
                <div>
                  <dt>{t("authoring.characterLimit")}</dt>
                  <dd>{question.characterLimit}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("authoring.translations")}</dt>
                <dd>
                  {question.missing.length
                    ? t("authoring.missing", { languages: question.missing.join(", ") })
                    : t("authoring.complete")}
                </dd>
              </div>
            </dl>

            {question.comments.length > 0 ? (
              <div className="comments">
                <h4 className="heading-s">{t("authoring.commentsHeading", { count: question.comments.length })}</h4>
                <CommentList
                  comments={question.comments}
                  action={(comment) => (
                    <Form method="post">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="questionId" value={question.id} />
                      <input type="hidden" name="commentId" value={comment.id} />
                      <button type="submit" name="intent" value="resolve" className="button button--secondary">
                        {t("authoring.resolve")}
                      </button>
                    </Form>
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
          <Form method="post">
            <CsrfField token={csrf} />
            <ChoicesField
              field={plainField("kind", undefined, kindError)}
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
