import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { INSPECTION_KINDS } from "./inspections/inspection";
import { buildTimeline, Day1Error } from "./inspections/timeline.server";

/**
 * The operator CLI: `npm run portal -- <command>`. Bad arguments print a clear message and exit with
 * code 2; a failure while running exits with 1. Modules that touch the database are imported only by the
 * commands that need them, so `timeline` works without one.
 */
const USAGE = `Usage: npm run portal -- <command> [options]

Commands:
  build                                build the app for production (as npm start does)
  migrate                              apply database migrations
  seed-demo                            create the demo inspection at /s/demo, or move its dates so its survey is open now
  create-inspection --area NAME --kind revisit|full --day1 YYYY-MM-DD [--slug S]
                                       create an inspection
  timeline --kind revisit|full --day1 YYYY-MM-DD
                                       print an inspection's milestones as JSON
  add-staff --email E --role admin|inspector|lano|pcf [--inspection SLUG]
                                       give someone staff access (admin: every inspection; inspector
                                       without --inspection: may create inspections)
  mail-worker                          send queued emails until stopped with Ctrl+C
  retention [--dry-run]                delete personal data past its retention period (the app also
                                       does this every hour); --dry-run only counts what would go`;

class UsageError extends Error {}

type Options = Record<string, string | undefined>;

function options(args: string[], names: string[]): Options {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Options;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Options, name: string): string {
  const value = values[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required.`);
  return value;
}

function kindOf(values: Options) {
  const kind = required(values, "kind");
  if (!(INSPECTION_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of: ${INSPECTION_KINDS.join(", ")} (got "${kind}").`);
  }
  return kind as (typeof INSPECTION_KINDS)[number];
}

function timelineOrUsageError(kind: (typeof INSPECTION_KINDS)[number], day1: string) {
  try {
    return buildTimeline(kind, day1);
  } catch (error) {
    if (error instanceof Day1Error) throw new UsageError(error.message);
    throw error;
  }
}

/** The schemas' messages are translation keys; operators read them in English. */
async function inEnglish(keys: string[]) {
  const { translations } = await import("./i18n/i18next.server");
  const t = translations.getFixedT("en-GB");
  return keys.map((key) => t(key)).join(" ");
}

/** Runs `work` with the database up and migrated (safe at any time: migrations are idempotent). */
async function withDatabase(work: () => Promise<void>) {
  const { closeDatabase, sql } = await import("./db.server");
  const { migrate } = await import("../db/migrate");
  try {
    const applied = await migrate(sql);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    await work();
  } finally {
    await closeDatabase();
  }
}

/**
 * `remix build`, without two things that alarm newcomers. The Remix CLI exits with esbuild's build
 * contexts still open, and esbuild's service then sometimes dies printing a Go deadlock trace; here the
 * contexts are disposed of first. And Remix's notices about React Router v7 flags are left out: this
 * app stays on Remix v2 with the classic compiler on purpose. Uses the compiler of the pinned
 * @remix-run/dev as its own CLI does.
 */
async function buildApp() {
  process.env.NODE_ENV = "production";
  const require = createRequire(import.meta.url);
  const dev = (module: string) => require(`@remix-run/dev/dist/${module}`);
  const { logger } = dev("tux/logger.js");
  const warn = logger.warn;
  logger.warn = (message: string, options?: unknown) => {
    if (!/React Router v7/.test(message)) warn(message, options);
  };
  const config = await dev("config.js").readConfig(process.cwd(), "production");
  rmSync(config.assetsBuildDirectory, { recursive: true, force: true });
  mkdirSync(config.assetsBuildDirectory, { recursive: true });
  const compiler = await dev("compiler/compiler.js").create({
    config,
    options: { mode: "production", sourcemap: false },
    fileWatchCache: dev("compiler/fileWatchCache.js").createFileWatchCache(),
    logger,
  });
  try {
    await compiler.compile();
  } finally {
    await compiler.dispose();
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async build(args) {
    options(args, []);
    const started = performance.now();
    await buildApp();
    console.log(`Built the portal in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  },

  async timeline(args) {
    const values = options(args, ["kind", "day1"]);
    const timeline = timelineOrUsageError(kindOf(values), required(values, "day1"));
    console.log(JSON.stringify(timeline, null, 2));
  },

  async migrate(args) {
    options(args, []);
    await withDatabase(async () => console.log("Database is up to date."));
  },

  async "seed-demo"(args) {
    options(args, []);
    await withDatabase(async () => {
      const { seedDemo } = await import("../db/seed-demo");
      const demo = await seedDemo({ refresh: true });
      console.log(`Demo inspection ready at /s/${demo.slug} (day 1: ${demo.day1}).`);
    });
  },

  async "create-inspection"(args) {
    const values = options(args, ["area", "kind", "day1", "slug"]);
    const kind = kindOf(values);
    const day1 = required(values, "day1");
    timelineOrUsageError(kind, day1);
    const { NewInspection } = await import("./inspections/schema");
    const parsed = NewInspection.safeParse({ localAreaName: required(values, "area"), kind, day1, slug: values.slug });
    if (!parsed.success) throw new UsageError(await inEnglish(parsed.error.issues.map((issue) => issue.message)));
    await withDatabase(async () => {
      const { createInspection, SlugTakenError } = await import("./inspections/inspections.server");
      try {
        const inspection = await createInspection(parsed.data);
        console.log(`Created ${inspection.localAreaName} at /s/${inspection.slug}.`);
      } catch (error) {
        if (error instanceof SlugTakenError) throw new UsageError(`${error.message} Choose another with --slug.`);
        throw error;
      }
    });
  },

  async "add-staff"(args) {
    const values = options(args, ["email", "role", "inspection"]);
    const email = required(values, "email");
    const role = required(values, "role");
    const slug = values.inspection?.trim();
    if (!["admin", "inspector", "lano", "pcf"].includes(role)) {
      throw new UsageError(`--role must be one of: admin, inspector, lano, pcf (got "${role}").`);
    }
    if (role === "admin" && slug) throw new UsageError("An admin has every inspection: leave out --inspection.");
    if ((role === "lano" || role === "pcf") && !slug)
      throw new UsageError(`--inspection is required for --role ${role}.`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError(`"${email}" is not an email address.`);
    await withDatabase(async () => {
      const { ensureStaffUser, grantGlobalRole, grantInspectionRole } = await import("./auth/staff.server");
      const { findInspection } = await import("./inspections/inspections.server");
      const inspection = slug ? await findInspection(slug) : undefined;
      if (slug && !inspection) throw new UsageError(`There is no inspection at /s/${slug}.`);
      const userId = await ensureStaffUser(email);
      if (inspection) await grantInspectionRole(userId, inspection.id, role as "inspector" | "lano" | "pcf");
      else await grantGlobalRole(userId, role as "admin" | "inspector");
      const scope = inspection
        ? `on ${inspection.localAreaName}`
        : role === "admin"
          ? "for every inspection"
          : "who may create inspections";
      console.log(`${email} is now ${role} ${scope}. They sign in at /staff/sign-in.`);
    });
  },

  async retention(args) {
    let dryRun = false;
    try {
      dryRun =
        parseArgs({ args, options: { "dry-run": { type: "boolean" } }, strict: true }).values["dry-run"] === true;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    await withDatabase(async () => {
      const { runRetention } = await import("./retention/retention.server");
      const outcomes = await runRetention({ dryRun });
      if (!outcomes) throw new Error("The retention job is running in another process right now; try again shortly.");
      // Counts per kind only: never anything from the rows themselves.
      const width = Math.max(...outcomes.map((outcome) => outcome.name.length));
      console.log(dryRun ? "Dry run: nothing deleted. Would delete:" : "Deleted:");
      for (const outcome of outcomes) {
        const count = outcome.failed ? "FAILED" : String(outcome.count);
        console.log(`  ${outcome.name.padEnd(width)}  ${count.padStart(7)}  (kept ${outcome.keptFor})`);
      }
      if (outcomes.some((outcome) => outcome.failed)) throw new Error("A retention rule failed; see the log above.");
    });
  },

  async "mail-worker"(args) {
    options(args, []);
    await withDatabase(async () => {
      const { startMailWorker } = await import("./mail/outbox.server");
      const worker = await startMailWorker();
      console.log("Mail worker running. Stop it with Ctrl+C.");
      await new Promise((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, resolve);
      });
      await worker.stop();
    });
  },
};

async function main(argv: string[]) {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  await command(args);
  return 0;
}

let exitCode: number;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  exitCode = error instanceof UsageError ? 2 : 1;
  console.error(
    error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.message : error,
  );
}
process.exit(exitCode);
