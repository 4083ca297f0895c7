/**
 * Who may do what. Every staff loader and action asks `can`; nothing else decides. Pure, so the whole
 * matrix is tested without a database.
 */
export const INSPECTION_ROLES = ["inspector", "lano", "pcf"] as const;
export type InspectionRole = (typeof INSPECTION_ROLES)[number];
export type GlobalRole = "admin" | "inspector";

export interface StaffUser {
  id: string;
  email: string;
  /** Roles that hold for every inspection (admin) or for creating new ones (inspector). */
  globalRoles: GlobalRole[];
  /** Role on each inspection, by inspection id. */
  inspectionRoles: Record<string, InspectionRole>;
}

export const ACTIONS = {
  /** Create a new inspection (the creator becomes its inspector). */
  "inspection.create": "global",
  /** Grant or remove global roles (admins and inspectors who may create inspections). */
  "people.manage": "global",
  /** Read the append-only audit log. */
  "audit.view": "global",
  /** See the inspection's set-up pages: timeline, surveys and their status. */
  "inspection.view": ["inspector", "lano", "pcf"],
  /** Move the survey window, with a reason. */
  "inspection.schedule": ["inspector"],
  /** Add, edit, reorder, translate and remove questions; share for review; resolve comments; mark ready. */
  "questions.edit": ["inspector"],
  /** Read questions as respondents will see them and comment on their wording. */
  "questions.review": ["inspector", "pcf"],
  /** Invite people to this inspection and remove them. */
  "staff.manage": ["inspector"],
  /** Keep the list of schools and settings whose names are redacted from comments. */
  "settings.manage": ["inspector", "lano"],
  /** See anonymised results (never the LANO or the forum). */
  "results.view": ["inspector"],
  /** Use the promotion kit: links for each channel, QR codes, posters and messages to share. */
  "promotion.use": ["inspector", "lano", "pcf"],
  /** See live reach (counts of responses by audience, channel and day, never answers); enter the previous total. */
  "promotion.reach": ["inspector", "lano", "pcf"],
  /** Set up open meetings, see and export who signed up, mark attendance, message those booked. */
  "meetings.manage": ["inspector", "lano"],
  /** Tracked cases: add them, send consent requests and letters, record a decision from a call or paper form; see statuses. */
  "consent.manage": ["inspector", "lano"],
  /** See the contact details the local area entered for a case (to check them before sending a request). */
  "consent.contacts": ["lano"],
  /** The consent board with contact details and preferences (only while consent to contact stands), and the
   * "call planned" marker. */
  "consent.view": ["inspector"],
  /** Read the "happy to talk to an inspector" requests. */
  "talk.view": ["inspector"],
} as const satisfies Record<string, "global" | readonly InspectionRole[]>;

export type Action = keyof typeof ACTIONS;

export function isAdmin(user: StaffUser): boolean {
  return user.globalRoles.includes("admin");
}

export function can(user: StaffUser, action: Action, inspectionId?: string): boolean {
  if (isAdmin(user)) return true;
  const rule: "global" | readonly InspectionRole[] = ACTIONS[action];
  if (rule === "global") return action === "inspection.create" && user.globalRoles.includes("inspector");
  if (inspectionId === undefined) return false;
  const role = user.inspectionRoles[inspectionId];
  return role !== undefined && rule.includes(role);
}
