import { afterAll, afterEach, beforeAll, vi } from "vitest";

/**
 * Any console.error during a test fails that test: an error the app logs is a fault somebody should
 * see, not noise. A test that provokes one on purpose says so with `expectConsoleErrors`. The spy is
 * set once per file, so tests that run concurrently share it (an error then fails the next to finish).
 */
let logged: string[] = [];
let expected: RegExp[] = [];

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "));
  });
});

afterEach(() => {
  const unexpected = logged.filter((line) => !expected.some((pattern) => pattern.test(line)));
  logged = [];
  expected = [];
  if (unexpected.length) throw new Error(`console.error was called during the test:\n${unexpected.join("\n")}`);
});

afterAll(() => {
  vi.restoreAllMocks();
});

/** Lets this test log errors matching `patterns` (and only those). */
export function expectConsoleErrors(...patterns: RegExp[]) {
  expected.push(...patterns);
}
