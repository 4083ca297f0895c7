import type { Sql, TransactionSql } from "postgres";
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES } from "~/auth/sessions.server";
import { env } from "~/env.server";

/**
 * What the portal keeps about people, and for how long: one rule per kind of personal data. Each rule
 * deletes (or, in a dry run, counts) what has outlived its use and returns how many rows that was. The
 * job in retention.server.ts runs every rule in its own transaction. A feature with personal data of
 * its own adds its rule here, with one line (`export { meetingBookings } from "~/meetings/retention.server";`):
 * every RetentionRule exported by this module is run. The README's "Retention" table lists them all.
 */
export interface RetentionRule {
  name: string;
  keptFor: string;
  apply(sql: Sql | TransactionSql, options: { dryRun: boolean; now: Date }): Promise<number>;
}

/** Deletes the rows of `table` matching `where`, or only counts them in a dry run. */
async function removeWhere(
  sql: Sql | TransactionSql,
  dryRun: boolean,
  table: string,
  where: ReturnType<Sql["unsafe"]> | ReturnType<Sql>,
): Promise<number> {
  if (dryRun) {
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from ${sql(table)} where ${where}`;
    return row!.count;
  }
  return (await sql`delete from ${sql(table)} where ${where}`).count;
}

export const surveyDrafts: RetentionRule = {
  name: "survey drafts",
  keptFor: "until the survey closes, plus the 30 minutes' grace to finish",
  apply: (sql, { dryRun, now }) => removeWhere(sql, dryRun, "survey_drafts", sql`expires_at <= ${now}`),
};

export const signInLinks: RetentionRule = {
  name: "sign-in links",
  keptFor: "until used, and at most 15 minutes",
  apply: (sql, { dryRun, now }) =>
    removeWhere(sql, dryRun, "sign_in_tokens", sql`expires_at <= ${now} or used_at is not null`),
};

export const staffSessions: RetentionRule = {
  name: "staff sessions",
  keptFor: `until ${IDLE_TIMEOUT_MINUTES} idle minutes or ${ABSOLUTE_TIMEOUT_HOURS} hours have passed, or sign-out`,
  apply: (sql, { dryRun, now }) =>
    removeWhere(
      sql,
      dryRun,
      "staff_sessions",
      sql`created_at <= ${now}::timestamptz - make_interval(hours => ${ABSOLUTE_TIMEOUT_HOURS})
          or last_seen_at <= ${now}::timestamptz - make_interval(mins => ${IDLE_TIMEOUT_MINUTES})`,
    ),
};

export const freeTextAnswers: RetentionRule = {
  name: "free-text answers",
  keptFor: `${env.RETENTION_FREE_TEXT_DAYS} days after on-site day 1, after the report (RETENTION_FREE_TEXT_DAYS)`,
  apply: (sql, { dryRun, now }) =>
    removeWhere(
      sql,
      dryRun,
      "answers",
      sql`text is not null and question_id in (
            select q.id from questions q join surveys s on s.id = q.survey_id join inspections i on i.id = s.inspection_id
            where i.day1 + ${env.RETENTION_FREE_TEXT_DAYS}::int <= (${now}::timestamptz at time zone 'Europe/London')::date)`,
    ),
};

export const rateLimits: RetentionRule = {
  name: "rate-limit counters",
  keptFor: "until their window (at most 15 minutes) ends",
  apply: (sql, { dryRun, now }) => removeWhere(sql, dryRun, "rate_limits", sql`window_ends_at <= ${now}`),
};

export { meetingBookingsRetention } from "~/meetings/retention.server";
export { consentContactsRetention, talkRequestsRetention } from "~/consent/retention.server";
