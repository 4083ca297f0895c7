import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportJson } from "~/results/export";
import { readResults } from "~/results/results.server";

/** Every survey's results as JSON, after disclosure control (schema in the README). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, locale, rules, final, surveys } = await readResults(request, params.slug, "json");
  const body = {
    inspection: {
      slug: inspection.slug,
      localArea: inspection.localAreaName,
      kind: inspection.kind,
      day1: inspection.day1,
    },
    status: final ? "final" : "live",
    language: locale,
    rules,
    surveys: surveys.map(({ survey, report }) => ({ audience: survey.audience, ...reportJson(report) })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
