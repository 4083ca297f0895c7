import { sql } from "~/db.server";
import { NewInspection } from "./schema";
import { buildTimeline, milestone, type InspectionKind } from "./timeline";

export interface Inspection {
  id: string;
  slug: string;
  localAreaName: string;
  kind: InspectionKind;
  day1: string;
  surveyOpensAt: Date;
  surveyClosesAt: Date;
}

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`The web address /s/${slug} is already used by another inspection.`);
  }
}

/** Creates an inspection with the survey window its timeline gives by default. */
export async function createInspection(input: NewInspection): Promise<Inspection> {
  const timeline = buildTimeline(input.kind, input.day1);
  try {
    const [inspection] = await sql<Inspection[]>`
      insert into inspections (slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at)
      values (${input.slug}, ${input.localAreaName}, ${input.kind}, ${input.day1},
              ${milestone(timeline, "survey_opens")!.at}, ${milestone(timeline, "survey_closes")!.at})
      returning id, slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at`;
    return inspection!;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new SlugTakenError(input.slug);
    throw error;
  }
}

export async function findInspection(slug: string): Promise<Inspection | undefined> {
  const [inspection] = await sql<Inspection[]>`
    select id, slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at
    from inspections where slug = ${slug}`;
  return inspection;
}

/** Inspections whose parent survey is open at `now`, for the start page. */
export async function inspectionsWithOpenSurveys(now = new Date()): Promise<Inspection[]> {
  return sql<Inspection[]>`
    select id, slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at
    from inspections
    where survey_opens_at <= ${now} and survey_closes_at > ${now}
    order by local_area_name`;
}

/** Moves an inspection to a new day 1, resetting the survey window to the timeline's default. */
export async function rescheduleInspection(slug: string, kind: InspectionKind, day1: string) {
  const timeline = buildTimeline(kind, day1);
  await sql`
    update inspections
    set kind = ${kind}, day1 = ${day1},
        survey_opens_at = ${milestone(timeline, "survey_opens")!.at},
        survey_closes_at = ${milestone(timeline, "survey_closes")!.at},
        updated_at = now()
    where slug = ${slug}`;
}
