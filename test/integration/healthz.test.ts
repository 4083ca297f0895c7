import postgres from "postgres";
import { expect, inject, test } from "vitest";
import { loader } from "~/routes/healthz";

test("/healthz answers 200 while the database answers, and 503 once it does not", async () => {
  expect((await loader()).status).toBe(200);

  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database ${database} with (force)`);
  await admin.end();

  const response = await loader();
  expect(response.status).toBe(503);
  expect(await response.text()).toBe("database unavailable");
});
