import { afterEach, beforeEach, vi } from "vitest";

/**
 * Any console.error during a test fails that test: an error the app logs is a fault somebody should
 * see, not noise. A test that provokes one on purpose says so with `expectConsoleErrors`.
 */
let logged: string[] = [];
let expected: RegExp[] = [];

beforeEach(() => {
  logged = [];
  expected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "));
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  const unexpected = logged.filter((line) => !expected.some((pattern) => pattern.test(line)));
  if (unexpected.length) throw new Error(`console.error was called during the test:\n${unexpected.join("\n")}`);
});

/** Lets this test log errors matching `patterns` (and only those). */
export function expectConsoleErrors(...patterns: RegExp[]) {
  expected.push(...patterns);
}
