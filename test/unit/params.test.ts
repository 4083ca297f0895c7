import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { idParam, isId, optionalId, pageParam } from "~/http/params";

const status = (run: () => unknown) => {
  try {
    run();
    return 200;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : 500;
  }
};

describe("ids from addresses and forms", () => {
  test.each(["1", "42", "9223372036854775807"])("%s is an id", (value) => {
    expect(idParam(value)).toBe(value);
  });

  test.each(["", "0", "-1", "01", "1.5", "1e3", " 1", "abc", "9223372036854775808", "99999999999999999999", "1\u0000"])(
    "%j is a 404, never a database error",
    (value) => {
      expect(status(() => idParam(value))).toBe(404);
    },
  );

  test("an id is exactly a positive decimal that fits PostgreSQL's bigint", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const fits =
          /^\d+$/.test(value) && BigInt(value) >= 1n && BigInt(value) <= 2n ** 63n - 1n && !value.startsWith("0");
        expect(isId(value)).toBe(fits);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (id) => {
        expect(isId(String(id))).toBe(true);
      }),
    );
  });

  test("an optional id may be absent", () => {
    expect(optionalId(null)).toBeUndefined();
    expect(optionalId("")).toBeUndefined();
    expect(optionalId("7")).toBe("7");
    expect(status(() => optionalId("7x"))).toBe(404);
  });
});

describe("page numbers", () => {
  test("absent is the first page", () => {
    expect(pageParam(null)).toBe(1);
    expect(pageParam("")).toBe(1);
  });

  test.each(["0", "1.5", "1e309", "-2", "Infinity", "100000", "2 "])("%j is a 404", (value) => {
    expect(status(() => pageParam(value))).toBe(404);
  });

  test("every whole page from 1 to 99,999 is itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (page) => {
        expect(pageParam(String(page))).toBe(page);
      }),
    );
  });
});
