import { createSession } from "~/auth/sessions.server";
import { ensureStaffUser, grantGlobalRole, grantInspectionRole } from "~/auth/staff.server";
import type { GlobalRole, InspectionRole } from "~/auth/permissions";
import { sql } from "~/db.server";

/** A staff member with the given roles and a live session: returns their id, Cookie header and CSRF token. */
export async function signedInStaff(
  email: string,
  roles: { global?: GlobalRole[]; inspections?: Array<[inspectionId: string, role: InspectionRole]> } = {},
) {
  const id = await ensureStaffUser(email);
  for (const role of roles.global ?? []) await grantGlobalRole(id, role);
  for (const [inspectionId, role] of roles.inspections ?? []) await grantInspectionRole(id, inspectionId, role);
  const cookie = (await createSession(id)).split(";")[0]!;
  const [session] = await sql<{ csrfToken: string }[]>`
    select csrf_token from staff_sessions where user_id = ${id} order by created_at desc limit 1`;
  return { id, cookie, csrf: session!.csrfToken };
}
