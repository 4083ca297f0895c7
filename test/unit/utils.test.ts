import fc from "fast-check";
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

  // Each of these passed a check on the raw string, and URL resolution then turned it into "//evil.example".
  test.each(["/.//evil.example", "/..//evil.example", "/./\\evil.example", "/.\\/evil.example", "/%2e//evil.example"])(
    "refuses %s, which resolves to another site",
    (path) => {
      expect(safeRedirect(path)).toBe("/");
    },
  );

  test("whatever it is given, the result is a path on this site", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((tail) => `/${tail}`),
        ),
        (input) => {
          const result = safeRedirect(input);
          const resolved = new URL(result, "https://portal.example");
          expect(resolved.origin).toBe("https://portal.example");
          expect(result).toMatch(/^\/(?![/\\])/);
        },
      ),
    );
  });
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
