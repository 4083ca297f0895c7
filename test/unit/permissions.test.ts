import { describe, expect, test } from "vitest";
import { ACTIONS, can, type Action, type StaffUser } from "~/auth/permissions";

const user = (roles: Partial<StaffUser>): StaffUser => ({
  id: "1",
  email: "a@b.c",
  globalRoles: [],
  inspectionRoles: {},
  ...roles,
});
const actions = Object.keys(ACTIONS) as Action[];

describe("can", () => {
  test("an admin may do everything, on every inspection", () => {
    const admin = user({ globalRoles: ["admin"] });
    expect(actions.every((action) => can(admin, action, "99"))).toBe(true);
  });

  test("a role on one inspection gives nothing on another", () => {
    const inspector = user({ inspectionRoles: { "1": "inspector" } });
    expect(actions.filter((action) => can(inspector, action, "2"))).toEqual([]);
  });

  test.each([
    [
      "inspector",
      [
        "inspection.view",
        "inspection.schedule",
        "questions.edit",
        "questions.review",
        "staff.manage",
        "settings.manage",
        "results.view",
        "promotion.use",
        "promotion.reach",
        "meetings.manage",
        "consent.manage",
        "consent.view",
        "talk.view",
      ],
    ],
    [
      "lano",
      [
        "inspection.view",
        "settings.manage",
        "promotion.use",
        "promotion.reach",
        "meetings.manage",
        "consent.manage",
        "consent.contacts",
      ],
    ],
    ["pcf", ["inspection.view", "questions.review", "promotion.use", "promotion.reach"]],
  ] as const)("a %s may do exactly %j on their inspection", (role, allowed) => {
    const member = user({ inspectionRoles: { "1": role } });
    expect(actions.filter((action) => can(member, action, "1"))).toEqual(allowed);
  });

  test("the LANO and the forum never see results", () => {
    for (const role of ["lano", "pcf"] as const)
      expect(can(user({ inspectionRoles: { "1": role } }), "results.view", "1")).toBe(false);
  });

  test("an inspector without an inspection may only create one", () => {
    const creator = user({ globalRoles: ["inspector"] });
    expect(actions.filter((action) => can(creator, action, "1"))).toEqual(["inspection.create"]);
  });
});
