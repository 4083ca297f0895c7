import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startApp } from "./app";
import { chromiumPath } from "./chromium";
import { createTestDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    appDataDir: string;
    appDatabaseUrl: string;
    chromium: string;
  }
}

/** Builds the app once and starts it, against its own fresh database, for all browser tests. */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  // Built as `npm start` builds it.
  execFileSync("npm", ["run", "build"], { stdio: "pipe" });

  const databaseUrl = await createTestDatabase(project.getProvidedContext().pgAdminUrl);
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-app-"));
  const app = await startApp({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SEED_DEMO: "true", TRUST_PROXY: "1" });

  project.provide("baseURL", app.url);
  project.provide("appDataDir", dataDir);
  project.provide("appDatabaseUrl", databaseUrl);
  project.provide("chromium", chromium);
  return async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
