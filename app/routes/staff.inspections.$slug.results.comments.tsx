import { randomBytes } from "node:crypto";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { comments, surveyTotals } from "~/results/aggregate.server";
import { addRedactedPhrase, recordAudit, redactionLists } from "~/results/audit.server";
import { redact, type Segment } from "~/results/redaction";
import { SAFEGUARDING_SQL_PATTERN } from "~/results/safeguarding";
import { disclosureRules } from "~/results/results.server";
import { displayQuestion, isAudience } from "~/surveys/questions";
import { findSurvey, questionsOf } from "~/surveys/surveys.server";
import { CsrfField, ErrorSummary, plainField, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { pageParam } from "~/http/params.server";

export const handle = { i18n: ["results"] };

const PAGE_SIZE = 25;

/**
 * Free-text comments, redacted, in a random order with no times. Those that may describe a risk to a
 * child come first, for the lead inspector. Nothing is shown until the survey has enough responses.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "results.view", params.slug);
  const { locale, t } = await translatorFor(request, "results");
  const url = new URL(request.url);
  const audience = isAudience(url.searchParams.get("survey")) ? url.searchParams.get("survey")! : "parents";
  const survey = (await findSurvey(inspection.id, audience))!;
  const questions = (await questionsOf(survey.id)).filter((question) => question.kind === "text");
  const focus = url.searchParams.get("focus") ?? "";
  const questionFilter = url.searchParams.get("question") ?? "";
  const chosen = questions.filter(
    (question) => (!questionFilter || question.id === questionFilter) && (!focus || question.focusArea === focus),
  );
  // A fresh random order for each reading, kept while paging through it.
  const seed = url.searchParams.get("order") ?? randomBytes(6).toString("hex");
  const page = pageParam(url.searchParams.get("page"));
  const enough = (await surveyTotals(survey.id)).responses >= disclosureRules.minAnswers;
  const lists = await redactionLists(inspection.id);
  const read = (options: { pattern?: string; limit: number; offset: number }) =>
    enough && chosen.length
      ? comments(survey.id, { seed, questionIds: chosen.map((question) => question.id), ...options })
      : Promise.resolve({ total: 0, comments: [] });
  const [flagged, all] = await Promise.all([
    read({ pattern: SAFEGUARDING_SQL_PATTERN, limit: 200, offset: 0 }),
    read({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  await recordAudit(user, inspection.id, "results.comments", { survey: audience, page });
  const questionText = new Map(questions.map((question) => [question.id, displayQuestion(question, locale).text.text]));
  const shown = (list: typeof all.comments) =>
    list.map((comment) => ({
      key: comment.key,
      question: questionText.get(comment.questionId) ?? "",
      segments: redact(comment.text, lists),
    }));
  const query = (changes: Record<string, string>) =>
    `?${new URLSearchParams({ survey: audience, order: seed, ...(questionFilter ? { question: questionFilter } : {}), ...(focus ? { focus } : {}), ...changes })}`;
  return json(
    {
      title: t("comments.title"),
      area: inspection.localAreaName,
      slug: inspection.slug,
      audience,
      enough,
      minAnswers: disclosureRules.minAnswers,
      flagged: shown(flagged.comments),
      comments: shown(all.comments),
      total: all.total,
      page,
      pages: Math.max(1, Math.ceil(all.total / PAGE_SIZE)),
      previous: page > 1 ? query({ page: String(page - 1) }) : null,
      next: page * PAGE_SIZE < all.total ? query({ page: String(page + 1) }) : null,
      questions: questions.map((question) => ({ id: question.id, text: questionText.get(question.id)! })),
      focusAreas: [...new Set(questions.flatMap((question) => (question.focusArea ? [question.focusArea] : [])))],
      questionFilter,
      focus,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "results.view", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const phrase = String(formData.get("phrase") ?? "").trim();
  if (phrase.length < 2 || phrase.length > 200)
    return json({ error: "results:comments.errors.phrase" }, { status: 400 });
  await addRedactedPhrase(session.inspection.id, phrase, session.user);
  return redirect(new URL(request.url).pathname + new URL(request.url).search);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

function CommentText({ segments }: { segments: Segment[] }) {
  const { t } = useTranslation("results");
  return (
    <p className="comment__text">
      {segments.map((segment, index) =>
        typeof segment === "string" ? (
          segment
        ) : (
          <mark key={index} className="redacted">
            [{t(`tags.${segment.tag}`)}]
          </mark>
        ),
      )}
    </p>
  );
}

function CommentList({ comments }: { comments: Array<{ key: string; question: string; segments: Segment[] }> }) {
  return (
    <ul className="comment-list">
      {comments.map((comment) => (
        <li key={comment.key} className="comment">
          <p className="hint">{comment.question}</p>
          <CommentText segments={comment.segments} />
        </li>
      ))}
    </ul>
  );
}

export default function Comments() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const phraseErrors = actionData?.error ? [actionData.error] : undefined;
  const { csrf } = useStaff();
  const { t } = useTranslation("results");
  const results = `/staff/inspections/${data.slug}/results?survey=${data.audience}`;
  return (
    <>
      <Link to={results} className="back-link">
        {t("comments.back")}
      </Link>
      <ErrorSummary errors={phraseErrors ? [{ href: "#phrase", message: phraseErrors[0]! }] : []} />
      <span className="caption">{data.area}</span>
      <h1>{t("comments.title")}</h1>
      {!data.enough ? (
        <p className="inset">{t("comments.tooFew", { minAnswers: data.minAnswers })}</p>
      ) : (
        <>
          <p>{t("comments.intro")}</p>
          <Form method="get" className="filters">
            <input type="hidden" name="survey" value={data.audience} />
            <div className="form-group">
              <label className="label" htmlFor="question">
                {t("comments.question")}
              </label>
              <select className="select" id="question" name="question" defaultValue={data.questionFilter}>
                <option value="">{t("comments.allQuestions")}</option>
                {data.questions.map((question) => (
                  <option key={question.id} value={question.id}>
                    {question.text}
                  </option>
                ))}
              </select>
            </div>
            {data.focusAreas.length > 0 ? (
              <div className="form-group">
                <label className="label" htmlFor="focus">
                  {t("comments.focusArea")}
                </label>
                <select className="select" id="focus" name="focus" defaultValue={data.focus}>
                  <option value="">{t("comments.allFocusAreas")}</option>
                  {data.focusAreas.map((area) => (
                    <option key={area} value={area}>
                      {area}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="submit" className="button button--secondary">
              {t("comments.filter")}
            </button>
          </Form>

          {data.flagged.length > 0 ? (
            <section className="flagged" aria-labelledby="flagged-heading">
              <h2 id="flagged-heading">{t("comments.flaggedHeading", { count: data.flagged.length })}</h2>
              <p>{t("comments.flaggedIntro")}</p>
              <CommentList comments={data.flagged} />
            </section>
          ) : null}

          <h2>{t("comments.allHeading", { count: data.total })}</h2>
          {data.comments.length === 0 ? <p>{t("comments.none")}</p> : null}
          <CommentList comments={data.comments} />
          {data.pages > 1 ? (
            <nav className="pagination" aria-label={t("comments.pages")}>
              {data.previous ? <Link to={data.previous}>{t("comments.previous")}</Link> : null}
              <span>{t("comments.pageOf", { page: data.page, pages: data.pages })}</span>
              {data.next ? <Link to={data.next}>{t("comments.next")}</Link> : null}
            </nav>
          ) : null}

          <h2>{t("comments.redactHeading")}</h2>
          <p>{t("comments.redactIntro")}</p>
          <Form method="post" id="redact">
            <CsrfField token={csrf} />
            <TextField
              field={plainField("phrase", undefined, phraseErrors)}
              label={t("comments.phrase")}
              hint={t("comments.phraseHint")}
              width="medium"
            />
            <button type="submit" className="button button--secondary">
              {t("comments.redact")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
