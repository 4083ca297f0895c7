import type { PendingQuery, Sql, TransactionSql } from "postgres";
import { env } from "~/env.server";
import type { InspectionKind } from "~/inspections/inspection";
import { linkExpiry } from "./requests.server";

/**
 * Retention rules for the shared retention job (one registry of rules for all personal data). Each rule
 * deletes what has been kept long enough after its inspection ended and returns how many rows it deleted
 * (with `dryRun`, how many it would delete, deleting nothing). Decision records are never touched: they
 * hold no contact details, and prove what was agreed.
 */
type Db = Sql<any> | TransactionSql<any>;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Inspections with rows in `table` (reached through `join`) that ended at least `days` days before `now`. */
async function endedInspections(db: Db, days: number, now: Date, withRows: PendingQuery<any>): Promise<string[]> {
  // Plain column names (no case transform assumed), so any postgres.js client may run the rule.
  const rows = await db<{ id: string; kind: InspectionKind; day1: string }[]>`
    select i.id::text as id, i.kind as kind, to_char(i.day1, 'YYYY-MM-DD') as day1
    from inspections i where exists (${withRows})`;
  return rows.filter((row) => linkExpiry(row).getTime() + days * DAY_MS <= now.getTime()).map((row) => row.id);
}

/** Runs `work` in one transaction: its own, or the caller's when given one. */
const inOneTransaction = <T>(db: Db, work: (tx: TransactionSql<any>) => Promise<T>): Promise<T> =>
  "begin" in db ? ((db as Sql<any>).begin(work) as Promise<T>) : work(db as TransactionSql<any>);

export const consentContactsRetention = {
  name: "consent contact details",
  keptFor: `${env.CONSENT_CONTACT_RETENTION_DAYS} days after the inspection`,
  /** Contact details, contact preferences and the links sent, for every case of an inspection long over. */
  async apply(sql: Db, { dryRun, now }: { dryRun: boolean; now: Date }): Promise<number> {
    const due = await endedInspections(
      sql,
      env.CONSENT_CONTACT_RETENTION_DAYS,
      now,
      sql`select 1 from consent_cases c where c.inspection_id = i.id`,
    );
    if (due.length === 0) return 0;
    const cases = sql`select id from consent_cases where inspection_id in ${sql(due)}`;
    return inOneTransaction(sql, async (tx) => {
      if (dryRun) {
        const [row] = await tx<{ n: number }[]>`
          select (select count(*) from consent_contacts where case_id in (${cases}))
               + (select count(*) from consent_preferences where case_id in (${cases}))
               + (select count(*) from consent_requests where case_id in (${cases})) as n`;
        return Number(row!.n);
      }
      const contacts = await tx`delete from consent_contacts where case_id in (${cases})`;
      const preferences = await tx`delete from consent_preferences where case_id in (${cases})`;
      const links = await tx`delete from consent_requests where case_id in (${cases})`;
      return contacts.count + preferences.count + links.count;
    });
  },
};

export const talkRequestsRetention = {
  name: "'happy to talk' contact details",
  keptFor: `${env.TALK_REQUEST_RETENTION_DAYS} days after the inspection`,
  async apply(sql: Db, { dryRun, now }: { dryRun: boolean; now: Date }): Promise<number> {
    const due = await endedInspections(
      sql,
      env.TALK_REQUEST_RETENTION_DAYS,
      now,
      sql`select 1 from talk_requests t where t.inspection_id = i.id`,
    );
    if (due.length === 0) return 0;
    if (dryRun) {
      const [row] = await sql<
        { n: number }[]
      >`select count(*)::int as n from talk_requests where inspection_id in ${sql(due)}`;
      return row!.n;
    }
    return (await sql`delete from talk_requests where inspection_id in ${sql(due)}`).count;
  },
};
