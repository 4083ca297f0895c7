import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../db/embedded";
import { env } from "./env.server";

/**
 * The one database client for the whole process. With no DATABASE_URL we start (or join) the embedded
 * PostgreSQL in DATA_DIR first, hence the top-level await: nothing can query before the server is up.
 */
const database = env.DATABASE_URL
  ? { url: env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres(path.join(env.DATA_DIR, "postgres"));

export const sql = postgres(database.url, {
  max: 20,
  onnotice: () => {},
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
