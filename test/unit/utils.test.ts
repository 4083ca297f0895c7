import { describe, expect, test } from "vitest";
import { slugify } from "~/inspections/schema";
import { safeRedirect } from "~/utils";

describe("safeRedirect", () => {
  test.each(["/s/demo", "/s/demo?src=pcf", "/"])("keeps the path %s", (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  test.each(["https://evil.example", "//evil.example", "/\\evil.example", "s/demo", "", null, "/\nLocation: x"])(
    "refuses %s",
    (path) => {
      expect(safeRedirect(path)).toBe("/");
    },
  );
});

describe("slugify", () => {
  test.each([
    ["Northshire", "northshire"],
    ["Brighton & Hove", "brighton-hove"],
    ["  St. Helens ", "st-helens"],
    ["Bournemouth, Christchurch and Poole", "bournemouth-christchurch-and-poole"],
    ["Ynys Môn", "ynys-mon"],
  ])("%s becomes %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
