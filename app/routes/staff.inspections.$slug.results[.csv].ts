import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsv } from "~/results/export";
import { readResults } from "~/results/results.server";

/** The results page as a CSV file: the same survey, breakdown and suppression as on screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, t, ...results } = await readResults(request, params.slug, "csv");
  const csv = reportCsv(results.report, {
    headers: ["number", "question", "focusArea", "group", "answer", "count", "percent"].map((key) => t(`csv.${key}`)),
    fewer: t("fewer", { minCell: results.report.rules.minCell }),
    hidden: t("hidden"),
    tooFew: t("tooFew", { minAnswers: results.report.rules.minAnswers }),
    withheld: t("withheldShort"),
    comments: t("csv.comments"),
    responses: t("csv.responses"),
    late: t("csv.late"),
    answered: t("csv.answered"),
    noResults: t("noSnapshot", { minAnswers: results.report.rules.minAnswers }),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${inspection.slug}-${results.survey.audience}-results.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
