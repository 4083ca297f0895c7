import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { startApp } from "../support/app";

const dataDir = mkdtempSync(path.join(tmpdir(), "portal-start-"));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * `npm start` on a fresh machine: it builds, and with no DATABASE_URL the app starts its own PostgreSQL
 * in DATA_DIR, migrates, seeds the demo and serves within 60 seconds; a restart keeps the data.
 */
test("with no DATABASE_URL the app runs on an embedded PostgreSQL that keeps its data across restarts", async () => {
  const env = { DATA_DIR: dataDir, DATABASE_URL: "" };
  const first = await startApp(env, { timeoutMs: 60_000, npmStart: true });
  expect((await fetch(`${first.url}/`)).status, first.output()).toBe(200);
  expect((await fetch(`${first.url}/s/demo`)).status).toBe(200);

  // The operator CLI joins the running embedded server rather than starting a second one.
  const created = spawnSync(
    "node_modules/.bin/tsx",
    ["app/cli.ts", "create-inspection", "--area", "Keepsake", "--kind", "revisit", "--day1", "2027-04-05"],
    { env: { ...process.env, ...env }, encoding: "utf8" },
  );
  expect(created.stdout + created.stderr).toContain("Created Keepsake at /s/keepsake.");
  expect(await (await fetch(`${first.url}/s/keepsake`)).text()).toContain("Keepsake");
  await first.stop();

  const second = await startApp(env, { timeoutMs: 60_000 });
  expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  expect(await (await fetch(`${second.url}/s/keepsake`)).text()).toContain("Keepsake");
  await second.stop();
});
