import { spawnSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freshCopy, startApp, type RunningApp } from "../support/app";
import { latestEmailTo, staffLinkIn } from "../support/outbox";

// A fresh copy of the project, where `npm start` keeps its data in the default place, .data/.
const clone = freshCopy();
chmodSync(clone, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach .data
const dataDir = path.join(clone, ".data");
let running: RunningApp | undefined;
afterAll(async () => {
  await running?.stop(); // if the test failed half-way
  rmSync(clone, { recursive: true, force: true });
});

const cli = (env: Record<string, string>, ...args: string[]) => {
  const run = spawnSync("node_modules/.bin/tsx", ["app/cli.ts", ...args], {
    cwd: clone,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return run.stdout + run.stderr;
};

/** Signs in as `email` over HTTP, as a browser without JavaScript would: returns the session cookie. */
async function signIn(url: string, email: string): Promise<string> {
  const requested = Date.now() - 1_000;
  const asked = await fetch(`${url}/staff/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email, next: "/staff" }),
    redirect: "manual",
  });
  expect(asked.status).toBe(302);
  const link = staffLinkIn((await latestEmailTo(dataDir, email, { after: requested })).text);
  const signedIn = await fetch(link, {
    method: "POST",
    body: new URLSearchParams({ next: "/staff" }),
    redirect: "manual",
  });
  return signedIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * `npm start` on a fresh machine: it builds, and with no DATABASE_URL the app starts its own PostgreSQL
 * in DATA_DIR, migrates, seeds the demo (with sample responses) and serves within 60 seconds, saying in
 * a few plain lines where things are; a restart keeps the data.
 */
test("with no DATABASE_URL the app runs on an embedded PostgreSQL that keeps its data across restarts", async () => {
  const env = { DATABASE_URL: "" };
  const first = (running = await startApp(env, { timeoutMs: 60_000, npmStart: true, cwd: clone }));
  expect((await fetch(`${first.url}/`)).status, first.output()).toBe(200);
  expect((await fetch(`${first.url}/s/demo`)).status).toBe(200);
  expect(first.output()).toMatch(/Built the portal in [\d.]+ s\./);
  expect(first.output()).toContain(`Database: embedded PostgreSQL, data in ${path.join(dataDir, "postgres")}`);
  expect(first.output()).toContain(`Demo:     ${first.url}/s/demo`);
  // Nothing a newcomer would read as a failure: no warnings, no stack traces (esbuild's Go one included).
  // (npm's own notices about this machine's npm configuration are npm's, not the portal's.)
  const ours = first.output().replace(/^npm warn .*$/gm, "");
  expect(ours).not.toMatch(/warn|error|goroutine|\n\s+at /i);

  // An admin sees the demo's results and its redacted comments on the very first start.
  expect(cli(env, "add-staff", "--email", "first.admin@example.org", "--role", "admin")).toContain("is now admin");
  const cookie = await signIn(first.url, "first.admin@example.org");
  const results = await (await fetch(`${first.url}/staff/inspections/demo/results`, { headers: { cookie } })).text();
  expect(results).toMatch(/<td class="numeric">\d+%<\/td>/);
  const comments = await (
    await fetch(`${first.url}/staff/inspections/demo/results/comments`, { headers: { cookie } })
  ).text();
  expect(comments).toContain("[name]");
  expect(comments).toContain("1 comment that may describe a risk to a child");

  // The operator CLI joins the running embedded server rather than starting a second one.
  const created = cli(env, "create-inspection", "--area", "Keepsake", "--kind", "revisit", "--day1", "2027-04-05");
  expect(created).toContain("Created Keepsake at /s/keepsake.");
  expect(await (await fetch(`${first.url}/s/keepsake`)).text()).toContain("Keepsake");
  await first.stop();
  running = undefined;

  const second = (running = await startApp(env, { timeoutMs: 60_000, cwd: clone }));
  expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  expect(await (await fetch(`${second.url}/s/keepsake`)).text()).toContain("Keepsake");
  await second.stop();
});
