import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadResults } from "~/easy-read/EasyReadResults";
import { faceSummary, helpedSummary } from "~/easy-read/results";
import { formatDateTime } from "~/i18n/format";
import { textDirection } from "~/i18n/languages";
import { QuestionResultView, ResponseCount } from "~/results/QuestionResultView";
import { focusAreaSummary, noiseInWords } from "~/results/report";
import { readResults } from "~/results/results.server";
import { displayQuestion } from "~/surveys/questions";
import { AUDIENCES } from "~/surveys/survey";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["results", "survey", "easyread"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, locale, t, final, rules, ...results } = await readResults(request, params.slug, "page");
  const query = new URLSearchParams({
    survey: results.survey.audience,
    ...(results.breakdownBy ? { by: results.breakdownBy.id } : {}),
  });
  return json(
    {
      title: t("title"),
      area: inspection.localAreaName,
      slug: inspection.slug,
      audience: results.survey.audience,
      final,
      when: formatDateTime(t, locale, inspection.surveyClosesAt),
      updated: results.report.snapshot
        ? formatDateTime(t, locale, new Date(results.report.snapshot.publishedAt))
        : null,
      noise: noiseInWords(rules.noise, locale),
      report: results.report,
      focusAreas: focusAreaSummary(results.report),
      // Young people: the face scales at a glance and how many answered with help (easy-read survey).
      easyRead:
        results.survey.audience === "young-people"
          ? { faces: faceSummary(results.report), helped: helpedSummary(results.report, results.report.rules) }
          : null,
      aboutYou: results.aboutYou.map((question) => ({
        id: question.id,
        text: displayQuestion(question, locale).text.text,
      })),
      by: results.breakdownBy?.id ?? "",
      query: query.toString(),
      rules: results.report.rules,
      dir: textDirection(locale),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Results() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("results");
  const base = `/staff/inspections/${data.slug}/results`;
  return (
    <>
      <span className="caption">{data.area}</span>
      <h1>{t("title")}</h1>

      <nav aria-label={t("surveysNav")}>
        <ul className="tabs">
          {AUDIENCES.map((audience) => (
            <li key={audience}>
              <Link
                to={`${base}?survey=${audience}`}
                aria-current={audience === data.audience ? "page" : undefined}
                className="tabs__link"
              >
                {t(`questions:audiences.${audience}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="panel">
        <p>
          <strong className="tag">{t(data.final ? "final" : "live")}</strong>
        </p>
        <p>{t(data.final ? "finalBody" : "liveBody", { when: data.when })}</p>
        <ResponseCount report={data.report} />
        {data.updated ? <p>{t("snapshot", { when: data.updated, minAnswers: data.rules.minAnswers })}</p> : null}
      </div>

      <details className="details">
        <summary>{t("protectionHeading")}</summary>
        <p>
          {t("protection", {
            minAnswers: data.rules.minAnswers,
            minCell: data.rules.minCell,
            minGroup: data.rules.minGroup,
          })}
        </p>
        <p>{t("noise", { average: data.noise.average, most: data.noise.most })}</p>
      </details>

      <p className="button-group">
        <Link to={`${base}/comments?survey=${data.audience}`}>{t("readComments")}</Link>
        <Link to={`${base}/print?${data.query}`}>{t("print")}</Link>
        <a href={`${base}.csv?${data.query}`} download>
          {t("downloadCsv")}
        </a>
        <a href={`${base}.json`}>{t("json")}</a>
      </p>

      {data.aboutYou.length > 0 ? (
        <Form method="get" className="breakdown-form">
          <input type="hidden" name="survey" value={data.audience} />
          <div className="form-group">
            <label className="label" htmlFor="by">
              {t("breakdownLabel")}
            </label>
            <div className="hint" id="by-hint">
              {t("breakdownHint", { minGroup: data.rules.minGroup })}
            </div>
            <select className="select" id="by" name="by" defaultValue={data.by} aria-describedby="by-hint">
              <option value="">{t("noBreakdown")}</option>
              {data.aboutYou.map((question) => (
                <option key={question.id} value={question.id}>
                  {question.text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("showBreakdown")}
          </button>
        </Form>
      ) : null}

      {data.easyRead ? (
        <EasyReadResults faces={data.easyRead.faces} helped={data.easyRead.helped} rules={data.rules} />
      ) : null}

      {data.focusAreas.length > 0 ? (
        <>
          <h2>{t("focusAreasHeading")}</h2>
          <table className="table">
            <caption className="visually-hidden">{t("focusAreasHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("focusAreaColumn")}</th>
                <th scope="col">{t("questionColumn")}</th>
                <th scope="col" className="numeric">
                  {t("positiveColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.focusAreas.flatMap((area) =>
                area.questions.map((question, index) => (
                  <tr key={`${area.area}-${question.number}`}>
                    {index === 0 ? (
                      <th scope="rowgroup" rowSpan={area.questions.length}>
                        {area.area}
                      </th>
                    ) : null}
                    <td>
                      <a href={`#question-${data.report.questions[question.number - 1]!.id}`}>
                        {t("questionNumber", { number: question.number })}
                      </a>{" "}
                      <span lang={question.text.lang}>{question.text.text}</span>
                    </td>
                    <td className="numeric">{question.positive === null ? t("noPercent") : `${question.positive}%`}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}

      <h2>{t("questionsHeading")}</h2>
      {data.report.questions.map((question) => (
        <QuestionResultView key={question.id} question={question} dir={data.dir} rules={data.rules} />
      ))}
    </>
  );
}
