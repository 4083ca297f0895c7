import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { findInspection } from "~/inspections/inspections.server";

/** Runs the operator CLI as an operator would, against this test file's database. */
function portal(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("node_modules/.bin/tsx", ["app/cli.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("portal CLI", () => {
  test("timeline prints the milestones as JSON", () => {
    const { code, stdout } = portal(["timeline", "--kind", "revisit", "--day1", "2027-04-05"]);
    expect(code).toBe(0);
    const milestones = JSON.parse(stdout) as Array<{ key: string; day: number; at: string }>;
    expect(milestones.map((entry) => entry.key)).toEqual(
      expect.arrayContaining(["notification", "survey_opens", "survey_closes", "onsite_day_1"]),
    );
    expect(milestones.find((entry) => entry.key === "survey_opens")).toMatchObject({
      day: -5,
      at: "2027-03-25T12:00:00.000Z",
    });
    expect(milestones.find((entry) => entry.key === "survey_closes")).toMatchObject({
      day: -1,
      at: "2027-04-02T11:00:00.000Z",
    });
  });

  test.each([
    [["timeline", "--kind", "revisit", "--day1", "2027-03-29"], /Easter Monday, a bank holiday/],
    [["timeline", "--kind", "revisit", "--day1", "2027-04-03"], /weekend day/],
    [["timeline", "--kind", "monthly", "--day1", "2027-04-05"], /--kind must be one of: revisit, full/],
    [["timeline", "--kind", "revisit"], /--day1 is required/],
    [["timeline", "--kind", "revisit", "--day1", "2027-04-05", "--colour", "red"], /Unknown option '--colour'/],
    [["frobnicate"], /Unknown command "frobnicate"/],
    [[], /Usage: npm run portal/],
  ])("%j is refused with exit code 2 and says why", (args, message) => {
    const { code, stderr, stdout } = portal(args);
    expect(code).toBe(2);
    expect(stderr + stdout).toMatch(message);
  });

  test("create-inspection stores an inspection and refuses a second with the same web address", async () => {
    const args = ["create-inspection", "--area", "Westvale", "--kind", "full", "--day1", "2027-06-28"];
    const first = portal(args);
    expect(first.stdout).toContain("Created Westvale at /s/westvale.");
    expect(first.code).toBe(0);
    expect(await findInspection("westvale")).toMatchObject({ kind: "full", day1: "2027-06-28" });

    const second = portal(args);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already used by another inspection\. Choose another with --slug/);
  });

  test("retention lists what it deletes by kind, and a dry run deletes nothing", async () => {
    const { sql } = await import("~/db.server");
    await sql`insert into rate_limits (key_hash, window_ends_at, attempts) values ('\\x99', now() - interval '1 second', 1)`;
    const dry = portal(["retention", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run: nothing deleted. Would delete:");
    expect(dry.stdout).toMatch(/rate-limit counters\s+1\s+\(kept until their window/);
    expect(dry.stdout).toMatch(/survey drafts\s+\d+/);
    const [kept] = await sql`select count(*)::int as count from rate_limits where key_hash = '\\x99'`;
    expect(kept!.count).toBe(1);

    const real = portal(["retention"]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/Deleted:[\s\S]*rate-limit counters\s+1/);
    const [gone] = await sql`select count(*)::int as count from rate_limits where key_hash = '\\x99'`;
    expect(gone!.count).toBe(0);
    expect(portal(["retention", "--now"]).code).toBe(2);
  });

  test("seed-demo makes /s/demo with an open survey", async () => {
    const { code } = portal(["seed-demo"]);
    expect(code).toBe(0);
    const demo = await findInspection("demo");
    expect(demo!.surveyOpensAt <= new Date() && new Date() < demo!.surveyClosesAt).toBe(true);
  });

  test("a bad configuration variable stops it with a one-line message naming the variable", () => {
    const { code, stderr } = portal(["migrate"], { DATABASE_URL: "mysql://admin:secret@db/portal" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("Configuration error: DATABASE_URL must be a postgres:// connection URL.");
  });
});
