import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { surveyStanding, type SurveyStanding } from "./standing";

/** Each survey's standing (live or not, and the forum's review at opening), by audience. */
export async function surveyStandings(
  inspection: Inspection,
  now = new Date(),
): Promise<Record<string, SurveyStanding>> {
  const surveys = await sql<Array<{ audience: string; status: string; sharedAt: Date | null; readyAt: Date | null }>>`
    select audience, status, shared_at, ready_at from surveys where inspection_id = ${inspection.id}`;
  return Object.fromEntries(surveys.map((survey) => [survey.audience, surveyStanding(inspection, survey, now)]));
}
