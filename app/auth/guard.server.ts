import { redirect } from "@remix-run/node";
import type { Inspection } from "~/inspections/inspection";
import { findInspection } from "~/inspections/inspections.server";
import { can, isAdmin, type Action } from "./permissions";
import { csrfTokenMatches, getStaffSession, type StaffSession } from "./sessions.server";

/**
 * The gate in front of every staff loader and action: no session means the sign-in page (coming back
 * here afterwards); a session without the right role means 403, before any inspection data is read.
 */
export async function requireStaff(request: Request): Promise<StaffSession> {
  const session = await getStaffSession(request);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/staff/sign-in?${new URLSearchParams({ next: url.pathname + url.search })}`);
  }
  return session;
}

export const forbidden = () => new Response("Forbidden", { status: 403 });

export async function requirePermission(request: Request, action: Action): Promise<StaffSession> {
  const session = await requireStaff(request);
  if (!can(session.user, action)) throw forbidden();
  return session;
}

export async function requireInspectionPermission(
  request: Request,
  action: Action,
  slug: string | undefined,
): Promise<StaffSession & { inspection: Inspection }> {
  const session = await requireStaff(request);
  const inspection = slug ? await findInspection(slug) : undefined;
  // The same answer for "no such inspection" and "not yours": a role on one inspection reveals nothing
  // about another. Only admins, who may see every inspection, are told that one does not exist.
  if (!inspection) throw isAdmin(session.user) ? new Response("Not Found", { status: 404 }) : forbidden();
  if (!can(session.user, action, inspection.id)) throw forbidden();
  return { ...session, inspection };
}

/** Every state-changing staff form carries the session's anti-forgery token in a hidden `csrf` field. */
export function requireCsrf(session: StaffSession, formData: FormData) {
  if (!csrfTokenMatches(session, formData.get("csrf"))) throw forbidden();
}
