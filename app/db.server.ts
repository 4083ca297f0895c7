import cluster from "node:cluster";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { env } from "./env.server";

/**
 * The one database client for the whole process. With no DATABASE_URL, the embedded PostgreSQL in
 * DATA_DIR is started (or joined) first, hence the top-level await: nothing can query before it is up.
 * Only a primary process (the app's primary, or the CLI) may do that. The app's workers are given the
 * primary's DATABASE_URL when they are forked and only ever connect: a worker restarted while the
 * database is down waits for it (requests get 503 meanwhile) and never starts a second server.
 */
async function openDatabase(): Promise<Pick<EmbeddedDatabase, "url" | "stop"> & Partial<EmbeddedDatabase>> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  if (cluster.isWorker)
    throw new Error("A worker process was started without DATABASE_URL; only the primary starts the database.");
  return startEmbeddedPostgres(path.join(env.DATA_DIR, "postgres"));
}

export const database = await openDatabase();

export const sql = postgres(database.url, {
  max: 20,
  onnotice: () => {},
  // Fail fast while the database is away (the page says so with a 503) rather than hold requests for 30 s.
  connect_timeout: 5,
  // snake_case columns arrive as camelCase properties, and camelCase keys go back as snake_case.
  transform: postgres.camel,
  // A `date` is a calendar day, not an instant: keep it as the 'YYYY-MM-DD' string Postgres sends.
  types: {
    date: { to: 1082, from: [1082], serialize: (value: string) => value, parse: (value: string) => value },
  },
});

export async function closeDatabase() {
  await sql.end({ timeout: 5 });
  await database.stop();
}
