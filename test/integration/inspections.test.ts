import { describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import {
  createInspection,
  findInspection,
  inspectionsWithOpenSurveys,
  NewInspectionOnServer,
  SlugTakenError,
} from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { demoDay1, seedDemo } from "../../db/seed-demo";

describe("inspections", () => {
  test("a new inspection gets its timeline's survey window", async () => {
    const created = await createInspection(
      NewInspection.parse({ localAreaName: "Easterby", kind: "revisit", day1: "2027-04-05" }),
    );
    expect(created.slug).toBe("easterby");
    const found = await findInspection("easterby");
    expect(found).toMatchObject({ localAreaName: "Easterby", kind: "revisit", day1: "2027-04-05" });
    expect(found!.surveyOpensAt.toISOString()).toBe("2027-03-25T12:00:00.000Z");
    expect(found!.surveyClosesAt.toISOString()).toBe("2027-04-02T11:00:00.000Z");
  });

  test("a web address can only be used once", async () => {
    const input = NewInspection.parse({ localAreaName: "Twice", kind: "full", day1: "2027-06-28" });
    await createInspection(input);
    await expect(createInspection(input)).rejects.toThrow(SlugTakenError);
  });

  test("the form refuses a day 1 that is not a working day, naming the reason", () => {
    const result = NewInspectionOnServer.safeParse({ localAreaName: "X area", kind: "revisit", day1: "2027-03-29" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ["day1"],
      message: "staff:newInspection.errors.day1BankHoliday",
    });
  });

  test("only inspections whose survey is open now are listed as open", async () => {
    const now = new Date("2027-03-30T10:00:00Z");
    await createInspection(
      NewInspection.parse({ localAreaName: "Open Area", kind: "revisit", day1: "2027-04-05", slug: "open-area" }),
    );
    await createInspection(NewInspection.parse({ localAreaName: "Later Area", kind: "revisit", day1: "2027-06-21" }));
    const open = await inspectionsWithOpenSurveys(now);
    expect(open.map((inspection) => inspection.slug)).toContain("open-area");
    expect(open.map((inspection) => inspection.slug)).not.toContain("later-area");
  });

  test("the demo's survey is open whenever it is seeded, and re-seeding keeps its data", async () => {
    for (const now of [
      new Date("2027-03-27T10:00:00Z"),
      new Date("2027-04-02T11:30:00Z"),
      new Date("2026-12-25T12:00:00Z"),
    ]) {
      const day1 = demoDay1(now);
      const demo = await seedDemo({ refresh: true }, now);
      expect(demo.day1).toBe(day1);
      expect(demo.surveyOpensAt <= now && now < demo.surveyClosesAt).toBe(true);
    }
    const [{ count }] = await sql<
      [{ count: number }]
    >`select count(*)::int as count from inspections where slug = 'demo'`;
    expect(count).toBe(1);
  });
});
