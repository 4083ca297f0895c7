import { sql } from "~/db.server";

/** For load balancers and uptime checks: 200 only when the database answers. */
export async function loader() {
  try {
    await sql`select 1`;
    return new Response("ok", { headers: { "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
