import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { recordAudit } from "~/results/audit.server";
import { reportJson } from "~/results/export";
import { disclosureRules, resultsAreFinal, surveyResults } from "~/results/results.server";
import { AUDIENCES } from "~/surveys/questions";

/** Every survey's results as JSON, after disclosure control (schema in the README). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "results.view", params.slug);
  const { locale, t } = await translatorFor(request, "results");
  const surveys = await Promise.all(
    AUDIENCES.map(async (audience) => ({
      audience,
      ...reportJson((await surveyResults(inspection, audience, { locale, t })).report),
    })),
  );
  await recordAudit(user, inspection.id, "results.export", { format: "json" });
  const body = {
    inspection: {
      slug: inspection.slug,
      localArea: inspection.localAreaName,
      kind: inspection.kind,
      day1: inspection.day1,
    },
    status: resultsAreFinal(inspection) ? "final" : "live",
    language: locale,
    rules: disclosureRules,
    surveys,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
