import { grantInspectionRole } from "~/auth/staff.server";
import { isAdmin, type StaffUser } from "~/auth/permissions";
import { sql } from "~/db.server";
import { DEFAULT_CHANNELS } from "~/promotion/channels";
import { createSurveys } from "~/surveys/authoring.server";
import type { Inspection, InspectionKind } from "./inspection";
import { newInspectionForm, newInspectionSchema, type NewInspection } from "./schema";
import { buildTimeline, milestone } from "./timeline.server";
import { bankHoliday } from "./working-days.server";

/** The forms' schemas with England's bank holidays checked as well (the browser checks the rest). */
export const NewInspectionOnServer = newInspectionSchema(bankHoliday);
export const NewInspectionFormOnServer = newInspectionForm(bankHoliday);

/** An inspection's columns, for every query that reads one (through the alias `i`). */
export const INSPECTION_COLUMNS = sql`
  i.id, i.slug, i.local_area_name, i.kind, i.day1, i.survey_opens_at, i.survey_closes_at, i.safeguarding_contact`;

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`The web address /s/${slug} is already used by another inspection.`);
  }
}

/**
 * Creates an inspection with the survey window its timeline gives by default and its three surveys with
 * their default questions; the staff member who creates it becomes its inspector.
 */
export async function createInspection(input: NewInspection, createdBy?: string): Promise<Inspection> {
  const timeline = buildTimeline(input.kind, input.day1);
  try {
    return await sql.begin(async (tx) => {
      const [inspection] = await tx<Inspection[]>`
        insert into inspections as i (slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at)
        values (${input.slug}, ${input.localAreaName}, ${input.kind}, ${input.day1},
                ${milestone(timeline, "survey_opens")!.at}, ${milestone(timeline, "survey_closes")!.at})
        returning ${INSPECTION_COLUMNS}`;
      await createSurveys(tx, inspection!.id);
      await tx`insert into channels (inspection_id, code) select ${inspection!.id}, unnest(${[...DEFAULT_CHANNELS]}::text[])`;
      if (createdBy) await grantInspectionRole(createdBy, inspection!.id, "inspector", tx);
      return inspection!;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new SlugTakenError(input.slug);
    throw error;
  }
}

export async function findInspection(slug: string): Promise<Inspection | undefined> {
  const [inspection] = await sql<Inspection[]>`select ${INSPECTION_COLUMNS} from inspections i where slug = ${slug}`;
  return inspection;
}

/** Inspections whose parent survey is open at `now`, for the start page. */
export async function inspectionsWithOpenSurveys(now = new Date()): Promise<Inspection[]> {
  return sql<Inspection[]>`
    select ${INSPECTION_COLUMNS} from inspections i
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

/** The inspections a staff member works on (every inspection for an admin), soonest first. */
export async function inspectionsFor(user: StaffUser): Promise<Array<Inspection & { role: string | null }>> {
  return sql<Array<Inspection & { role: string | null }>>`
    select ${INSPECTION_COLUMNS}, r.role
    from inspections i
    left join staff_roles r on r.inspection_id = i.id and r.user_id = ${user.id}
    where ${isAdmin(user)} or r.role is not null
    order by i.day1 desc, i.local_area_name`;
}

export interface WindowChange {
  changedByEmail: string | null;
  previousOpensAt: Date;
  previousClosesAt: Date;
  opensAt: Date;
  closesAt: Date;
  reason: string;
  changedAt: Date;
}

/** Moves the survey window and records who did it and why, in one transaction. */
export async function changeSurveyWindow(
  inspection: Inspection,
  change: { opensAt: Date; closesAt: Date; reason: string; changedBy: string },
) {
  await sql.begin(async (tx) => {
    await tx`
      insert into survey_window_changes
        (inspection_id, changed_by, previous_opens_at, previous_closes_at, opens_at, closes_at, reason)
      values (${inspection.id}, ${change.changedBy}, ${inspection.surveyOpensAt}, ${inspection.surveyClosesAt},
              ${change.opensAt}, ${change.closesAt}, ${change.reason})`;
    await tx`
      update inspections set survey_opens_at = ${change.opensAt}, survey_closes_at = ${change.closesAt}, updated_at = now()
      where id = ${inspection.id}`;
  });
}

export async function windowChanges(inspectionId: string): Promise<WindowChange[]> {
  return sql<WindowChange[]>`
    select u.email as changed_by_email, c.previous_opens_at, c.previous_closes_at, c.opens_at, c.closes_at,
           c.reason, c.changed_at
    from survey_window_changes c left join staff_users u on u.id = c.changed_by
    where c.inspection_id = ${inspectionId} order by c.changed_at desc`;
}

/** The children's services contact shown to respondents worried about a child's safety (null: none set). */
export async function setSafeguardingContact(inspectionId: string, contact: string | null) {
  await sql`update inspections set safeguarding_contact = ${contact}, updated_at = now() where id = ${inspectionId}`;
}
