import { readdirSync } from "node:fs";
import { migrationsDir } from "../../db/migrate";
import { sql } from "~/db.server";

// The migrations this build expects, read once: the files shipped with it.
const expected = readdirSync(migrationsDir).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name));

/** Ready to serve: the database answers and has every migration this build expects. */
export async function readiness(): Promise<{ ready: true } | { ready: false; reason: string }> {
  let applied: Set<string>;
  try {
    applied = new Set((await sql<{ name: string }[]>`select name from schema_migrations`).map((row) => row.name));
  } catch {
    return { ready: false, reason: "database unavailable" };
  }
  const missing = expected.filter((name) => !applied.has(name));
  return missing.length ? { ready: false, reason: `migrations pending: ${missing.length}` } : { ready: true };
}
