import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

/**
 * One runner, three groups run one after another: pure unit tests, integration tests against a real
 * PostgreSQL, then browser tests that build and start the real app and drive Chromium. Files within a
 * group run in parallel: each creates its own inspections, so none depends on another's data.
 */
export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    // Browser test files mostly wait on the app and Chromium, so three at once keep two cores busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Property tests and every-language sweeps take seconds, more on a busy 2-core machine.
          testTimeout: 20_000,
          setupFiles: ["test/support/console.setup.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/postgres.global.ts"],
          setupFiles: ["test/support/console.setup.ts", "test/support/database.setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/support/postgres.global.ts", "test/support/app.global.ts"],
          setupFiles: ["test/support/console.setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
