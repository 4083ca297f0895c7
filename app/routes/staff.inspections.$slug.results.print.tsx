import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/format";
import { textDirection } from "~/i18n/languages";
import { QuestionResultView, ResponseCount } from "~/results/QuestionResultView";
import { readResults } from "~/results/results.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["results", "survey"] };

/** The results as a document to print or save as PDF from the browser: the same content, no controls. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, locale, t, ...results } = await readResults(request, params.slug, "print");
  return json(
    {
      title: t("printTitle", { area: inspection.localAreaName }),
      area: inspection.localAreaName,
      audience: results.survey.audience,
      generated: formatDateTime(t, locale, new Date()),
      report: results.report,
      dir: textDirection(locale),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function PrintableReport() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("results");
  return (
    <article className="report">
      <h1>{data.title}</h1>
      <p>{t("printSurvey", { audience: t(`questions:audiences.${data.audience}`) })}</p>
      <ResponseCount report={data.report} />
      <p>{t("printGenerated", { when: data.generated })}</p>
      <p className="hint no-print">{t("printHint")}</p>
      {data.report.questions.map((question) => (
        <QuestionResultView
          key={question.id}
          question={question}
          dir={data.dir}
          rules={data.report.rules}
          headingLevel={2}
        />
      ))}
    </article>
  );
}
