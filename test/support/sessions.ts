import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import type postgres from "postgres";

/**
 * A staff session for the running app, made as the app makes one (a random id in a cookie signed with
 * the app's secret from DATA_DIR, its hash in staff_sessions), for tests that need many signed-in
 * visitors without going through the emailed link each time.
 */
export function sessionMaker(sql: postgres.Sql, dataDir: string) {
  const secret = readFileSync(path.join(dataDir, "session-secret"), "utf8").trim();
  const cookie = createCookie("staff_session", { secrets: [secret], path: "/", httpOnly: true, sameSite: "lax" });
  return async (userId: string) => {
    const id = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    const hash = createHash("sha256").update(id).digest();
    await sql`insert into staff_sessions (id_hash, user_id, csrf_token) values (${hash}, ${userId}, ${csrf})`;
    return { cookie: (await cookie.serialize(id)).split(";")[0]!, csrf };
  };
}
