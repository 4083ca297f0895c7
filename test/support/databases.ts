import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const TEMPLATE_DATABASE = "portal_template";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new database on the test server: migrated (from the template) or empty. Returns its URL. */
export async function createTestDatabase(adminUrl: string, { migrated = true } = {}): Promise<string> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}${migrated ? ` template ${TEMPLATE_DATABASE}` : ""}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}
