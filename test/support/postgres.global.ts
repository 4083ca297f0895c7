import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { databaseUrl, TEMPLATE_DATABASE } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * A real PostgreSQL for the run: the server in DATABASE_URL when set (it must allow CREATE DATABASE),
 * otherwise an embedded one in a temporary directory. A migrated template database lets every test
 * file get its own fresh database in milliseconds.
 */
export default async function setup(project: TestProject) {
  let teardown = async () => {};
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "portal-test-"));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach its files
    // Durability does not matter for a throw-away test cluster; speed does.
    const database = await startEmbeddedPostgres(path.join(dir, "pg"), {
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    });
    adminUrl = database.url;
    teardown = async () => {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  const template = postgres(databaseUrl(adminUrl, TEMPLATE_DATABASE), { max: 1, onnotice: () => {} });
  await migrate(template);
  await template.end();
  await admin.end();

  project.provide("pgAdminUrl", adminUrl);
  return teardown;
}
