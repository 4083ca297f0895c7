import type { TransactionSql } from "postgres";
import { sql } from "~/db.server";
import type { GlobalRole, InspectionRole, StaffUser } from "./permissions";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

type Db = typeof sql | TransactionSql;

/** The staff user with this id and all their roles, or undefined. */
export async function findStaffUser(id: string, db: Db = sql): Promise<StaffUser | undefined> {
  const rows = await db<{ id: string; email: string; role: string | null; inspectionId: string | null }[]>`
    select u.id, u.email, r.role, r.inspection_id
    from staff_users u left join staff_roles r on r.user_id = u.id
    where u.id = ${id}`;
  if (rows.length === 0) return undefined;
  const user: StaffUser = { id: rows[0]!.id, email: rows[0]!.email, globalRoles: [], inspectionRoles: {} };
  for (const row of rows) {
    if (!row.role) continue;
    if (row.inspectionId) user.inspectionRoles[row.inspectionId] = row.role as InspectionRole;
    else user.globalRoles.push(row.role as GlobalRole);
  }
  return user;
}

export async function findStaffIdByEmail(email: string, db: Db = sql): Promise<string | undefined> {
  const [row] = await db<{ id: string }[]>`select id from staff_users where email = ${normaliseEmail(email)}`;
  return row?.id;
}

/** Creates the staff user if new; returns their id either way. */
export async function ensureStaffUser(email: string, db: Db = sql): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into staff_users (email) values (${normaliseEmail(email)})
    on conflict (email) do update set email = excluded.email
    returning id`;
  return row!.id;
}

export async function grantGlobalRole(userId: string, role: GlobalRole, db: Db = sql) {
  await db`insert into staff_roles (user_id, role) values (${userId}, ${role}) on conflict do nothing`;
}

/** Gives a person their role on an inspection, replacing any role they had there. */
export async function grantInspectionRole(userId: string, inspectionId: string, role: InspectionRole, db: Db = sql) {
  await db`
    insert into staff_roles (user_id, inspection_id, role) values (${userId}, ${inspectionId}, ${role})
    on conflict (user_id, inspection_id) where inspection_id is not null do update set role = excluded.role`;
}

export async function removeInspectionRole(userId: string, inspectionId: string) {
  await sql`delete from staff_roles where user_id = ${userId} and inspection_id = ${inspectionId}`;
}

export interface TeamMember {
  userId: string;
  email: string;
  role: InspectionRole;
}

export async function inspectionTeam(inspectionId: string): Promise<TeamMember[]> {
  return sql<TeamMember[]>`
    select u.id as user_id, u.email, r.role
    from staff_roles r join staff_users u on u.id = r.user_id
    where r.inspection_id = ${inspectionId}
    order by r.role, u.email`;
}

export async function globalTeam(): Promise<Array<{ userId: string; email: string; role: GlobalRole }>> {
  return sql`
    select u.id as user_id, u.email, r.role
    from staff_roles r join staff_users u on u.id = r.user_id
    where r.inspection_id is null order by r.role, u.email`;
}

export async function removeGlobalRole(userId: string, role: GlobalRole) {
  await sql`delete from staff_roles where user_id = ${userId} and role = ${role} and inspection_id is null`;
}
