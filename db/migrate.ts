import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "postgres";

// Resolved from the working directory (the project root) because this file is also bundled into build/.
export const migrationsDir = path.resolve("db/migrations");

// Any fixed number works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 724_311_001;

/**
 * Applies the numbered plain-SQL files in order. Each file runs in its own transaction that first takes a
 * transaction-scoped advisory lock, so two processes migrating at once apply every file exactly once.
 * Returns the names of the files this call applied.
 */
export async function migrate(sql: Sql<any>, dir = migrationsDir): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    const body = readFileSync(path.join(dir, name), "utf8");
    const didApply = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      await tx`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`;
      const [done] = await tx`select 1 from schema_migrations where name = ${name}`;
      if (done) return false;
      await tx.unsafe(body);
      await tx`insert into schema_migrations (name) values (${name})`;
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}
