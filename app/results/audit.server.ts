import type { TransactionSql } from "postgres";
import type { StaffUser } from "~/auth/permissions";
import { sql } from "~/db.server";

export type AuditAction =
  | "results.view"
  | "results.comments"
  | "results.export"
  | "results.redact"
  | "meetings.view"
  | "meetings.export"
  | "consent.board"
  | "consent.case"
  | "talk.view"
  | "results.setting-names";

/**
 * Appends to the audit log: who looked at or exported which results, or what they redacted. Within `tx`,
 * the record is written if and only if the change it records is.
 */
export async function recordAudit(
  user: StaffUser,
  inspectionId: string | null,
  action: AuditAction,
  detail: Record<string, string | number | null> = {},
  tx: TransactionSql | typeof sql = sql,
) {
  await tx`
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
