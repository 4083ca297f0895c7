import { sql } from "~/db.server";
import type { StaffUser } from "~/auth/permissions";

/** Appends to the audit log: who looked at or exported which results, or what they redacted. */
export async function recordAudit(
  user: StaffUser,
  inspectionId: string | null,
  action:
    "results.view" | "results.comments" | "results.export" | "results.redact" | "meetings.view" | "meetings.export",
  detail: Record<string, string | number | null> = {},
) {
  await sql`
    insert into audit_log (staff_user_id, staff_email, inspection_id, action, detail)
    values (${user.id}, ${user.email}, ${inspectionId}, ${action}, ${sql.json(detail)})`;
}

export interface AuditEntry {
  id: string;
  at: Date;
  staffEmail: string;
  inspectionSlug: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export async function auditEntries({ limit, before }: { limit: number; before?: string }): Promise<AuditEntry[]> {
  return sql<AuditEntry[]>`
    select l.id, l.at, l.staff_email, i.slug as inspection_slug, l.action, l.detail
    from audit_log l left join inspections i on i.id = l.inspection_id
    ${before ? sql`where l.id < ${before}` : sql``}
    order by l.id desc limit ${limit}`;
}

export async function redactionLists(inspectionId: string) {
  const [settings, phrases] = await Promise.all([
    sql<{ name: string }[]>`select name from setting_names where inspection_id = ${inspectionId} order by name`,
    sql<
      { phrase: string }[]
    >`select phrase from redacted_phrases where inspection_id = ${inspectionId} order by phrase`,
  ]);
  return { settings: settings.map((row) => row.name), phrases: phrases.map((row) => row.phrase) };
}

/** Adds a phrase to redact, and records that a redaction was made (not the phrase: it may be personal). */
export async function addRedactedPhrase(inspectionId: string, phrase: string, user: StaffUser) {
  await sql.begin(async (tx) => {
    await tx`
      insert into redacted_phrases (inspection_id, phrase, added_by) values (${inspectionId}, ${phrase}, ${user.id})
      on conflict do nothing`;
    await tx`
      insert into audit_log (staff_user_id, staff_email, inspection_id, action, detail)
      values (${user.id}, ${user.email}, ${inspectionId}, 'results.redact', '{}')`;
  });
}

export async function addSettingName(inspectionId: string, name: string) {
  await sql`insert into setting_names (inspection_id, name) values (${inspectionId}, ${name}) on conflict do nothing`;
}

export async function removeSettingName(inspectionId: string, name: string) {
  await sql`delete from setting_names where inspection_id = ${inspectionId} and name = ${name}`;
}
