import { sql } from "~/db.server";
import { describeForLog, log } from "~/http/log.server";
import * as rules from "./rules.server";
import type { RetentionRule } from "./rules.server";

const isRule = (value: unknown): value is RetentionRule =>
  typeof value === "object" && value !== null && "apply" in value && "keptFor" in value && "name" in value;

/** Every rule exported by rules.server.ts, in the order written there. */
export const retentionRules: RetentionRule[] = Object.values(rules).filter(isRule);

export interface RetentionOutcome {
  name: string;
  keptFor: string;
  /** Rows deleted, or in a dry run the rows that would be. */
  count: number;
  /** The rule failed (its transaction was rolled back); the others still ran. */
  failed?: true;
}

class DryRun extends Error {}

// Any fixed number: several app instances may run the job at once, and only one needs to.
const RETENTION_LOCK = 724_311_016;

/**
 * Runs every retention rule, each in its own transaction, so one failing rule neither stops nor undoes
 * the others. A dry run counts what would go and then rolls back, whatever a rule did. Returns counts
 * per kind only: never a row's contents. Undefined when another process is running the job right now.
 */
export async function runRetention({
  dryRun = false,
  now = new Date(),
}: { dryRun?: boolean; now?: Date } = {}): Promise<RetentionOutcome[] | undefined> {
  // A transaction-scoped lock, held by a transaction kept open while the rules run: it is released
  // however the job ends, and works through PgBouncer's transaction pooling (a session lock would not).
  return sql.begin(async (lock) => {
    const [{ locked }] = await lock<
      [{ locked: boolean }]
    >`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`;
    if (!locked) return undefined;
    const outcomes: RetentionOutcome[] = [];
    for (const rule of retentionRules) {
      let count = 0;
      try {
        await sql.begin(async (tx) => {
          count = await rule.apply(tx, { dryRun, now });
          if (dryRun) throw new DryRun();
        });
      } catch (error) {
        if (!(error instanceof DryRun)) {
          log.warn({ rule: rule.name, err: describeForLog(error) }, "retention rule failed");
          outcomes.push({ name: rule.name, keptFor: rule.keptFor, count: 0, failed: true });
          continue;
        }
      }
      outcomes.push({ name: rule.name, keptFor: rule.keptFor, count });
    }
    return outcomes;
  });
}

/** Runs the job now and then every `everyMs` (hourly: drafts and sessions expire by the half hour). */
export function scheduleRetention(everyMs = 60 * 60_000) {
  const run = async () => {
    try {
      const outcomes = await runRetention();
      for (const outcome of outcomes ?? []) {
        if (outcome.count > 0) log.info({ rule: outcome.name, deleted: outcome.count }, "retention");
      }
    } catch (error) {
      log.warn({ err: describeForLog(error) }, "retention job failed; the next run tries again");
    }
  };
  void run();
  return setInterval(run, everyMs).unref();
}
