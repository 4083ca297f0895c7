import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { sql } from "~/db.server";
import type { StaffUser } from "./permissions";
import { secureCookies, sessionSecret } from "./secret.server";
import { findStaffUser } from "./staff.server";

export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;

/** Only a random id travels in the cookie; the session itself lives in the database. */
const sessionCookie = createCookie("staff_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies,
  path: "/",
  secrets: [sessionSecret],
});

export const sha256 = (value: string) => createHash("sha256").update(value).digest();
export const randomToken = () => randomBytes(32).toString("base64url");

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
}

/** Starts a session for a signed-in user and returns the Set-Cookie header value. */
export async function createSession(userId: string): Promise<string> {
  const id = randomToken();
  await sql`insert into staff_sessions (id_hash, user_id, csrf_token) values (${sha256(id)}, ${userId}, ${randomToken()})`;
  return sessionCookie.serialize(id);
}

/** The signed-in staff member, touching the session so that it stays alive while in use. */
export async function getStaffSession(request: Request): Promise<StaffSession | null> {
  const id: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const [row] = await sql<{ userId: string; csrfToken: string }[]>`
    update staff_sessions set last_seen_at = now()
    where id_hash = ${sha256(id)}
      and last_seen_at > now() - make_interval(mins => ${IDLE_TIMEOUT_MINUTES})
      and created_at > now() - make_interval(hours => ${ABSOLUTE_TIMEOUT_HOURS})
    returning user_id, csrf_token`;
  if (!row) return null;
  const user = await findStaffUser(row.userId);
  return user ? { user, csrfToken: row.csrfToken } : null;
}

/** Ends the session in the database and returns the Set-Cookie header value that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const id: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof id === "string") await sql`delete from staff_sessions where id_hash = ${sha256(id)}`;
  return sessionCookie.serialize("", { maxAge: 0 });
}

export function csrfTokenMatches(session: StaffSession, submitted: FormDataEntryValue | null): boolean {
  if (typeof submitted !== "string") return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
