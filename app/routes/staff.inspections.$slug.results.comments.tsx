import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import type { ShownComment } from "~/results/comments.server";
import { addRedactedPhrase } from "~/results/redaction-lists.server";
import type { Segment } from "~/results/redaction";
import { readResults } from "~/results/results.server";
import { RedactPhraseSchema } from "~/results/schemas";
import { CsrfField, ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["results"] };

/**
 * Free-text comments, redacted, in a random order with no times. Those that may describe a risk to a
 * child come first, for the lead inspector. Nothing is shown until the survey has enough responses.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, t, rules, survey, ...comments } = await readResults(request, params.slug, "comments");
  return json(
    {
      ...comments,
      title: t("comments.title"),
      area: inspection.localAreaName,
      slug: inspection.slug,
      audience: survey.audience,
      minAnswers: rules.minAnswers,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "results.view", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: RedactPhraseSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await addRedactedPhrase(session.inspection.id, submission.value.phrase, session.user);
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

function CommentList({ comments }: { comments: ShownComment[] }) {
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
  const { csrf } = useStaff();
  const { t } = useTranslation("results");
  const [form, fields] = useForm({
    id: "redact",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RedactPhraseSchema }),
  });
  const results = `/staff/inspections/${data.slug}/results?survey=${data.audience}`;
  return (
    <>
      <Link to={results} className="back-link">
        {t("comments.back")}
      </Link>
      <ErrorSummary errors={summaryErrors([fields.phrase])} />
      <span className="caption">{data.area}</span>
      <h1>{t("comments.title")}</h1>
      {!data.shown ? (
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
          <Form method="post" {...getFormProps(form)}>
            <CsrfField token={csrf} />
            <TextField
              field={fields.phrase}
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
