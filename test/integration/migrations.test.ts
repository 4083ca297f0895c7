import { readdirSync } from "node:fs";
import postgres from "postgres";
import { afterAll, expect, test } from "vitest";
import { inject } from "vitest";
import { migrate, migrationsDir } from "../../db/migrate";
import { createTestDatabase } from "../support/databases";

const clients: postgres.Sql[] = [];
const client = (url: string) => {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  clients.push(sql);
  return sql;
};
afterAll(() => Promise.all(clients.map((sql) => sql.end())));

const files = readdirSync(migrationsDir)
  .filter((name) => name.endsWith(".sql"))
  .sort();

test("an empty database gets every migration once, in order; a second run changes nothing", async () => {
  const sql = client(await createTestDatabase(inject("pgAdminUrl"), { migrated: false }));
  expect(await migrate(sql)).toEqual(files);
  expect(await migrate(sql)).toEqual([]);
  const recorded = await sql`select name from schema_migrations order by name`;
  expect(recorded.map((row) => row.name)).toEqual(files);
  const [table] = await sql`select to_regclass('public.inspections') as name`;
  expect(table!.name).toBe("inspections");
});

test("two processes migrating the same database at once apply each file exactly once", async () => {
  const url = await createTestDatabase(inject("pgAdminUrl"), { migrated: false });
  const [first, second] = await Promise.all([migrate(client(url)), migrate(client(url))]);
  expect([...first!, ...second!].sort()).toEqual(files);
  const counts = await client(url)`select name, count(*)::int as n from schema_migrations group by name`;
  expect(counts.every((row) => row.n === 1)).toBe(true);
});
