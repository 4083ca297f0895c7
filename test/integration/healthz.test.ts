import postgres from "postgres";
import { expect, inject, test } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { loader as readyz } from "~/routes/readyz";
import { sql } from "~/db.server";

test("/readyz answers 503 while a migration is missing, and /healthz still 200", async () => {
  expect((await readyz()).status).toBe(200);
  const [last] = await sql<{ name: string }[]>`select name from schema_migrations order by name desc limit 1`;
  await sql`delete from schema_migrations where name = ${last!.name}`;
  const response = await readyz();
  expect(response.status).toBe(503);
  expect(await response.text()).toBe("migrations pending: 1");
  expect(healthz().status).toBe(200);
  await sql`insert into schema_migrations (name) values (${last!.name})`;
  expect((await readyz()).status).toBe(200);
});

test("/readyz answers 200 while the database answers, and 503 once it does not; /healthz stays 200", async () => {
  expect((await readyz()).status).toBe(200);

  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database ${database} with (force)`);
  await admin.end();

  const response = await readyz();
  expect(response.status).toBe(503);
  expect(await response.text()).toBe("database unavailable");
  // Liveness does not depend on the database: an outage must not get every app process restarted.
  expect(healthz().status).toBe(200);
});
