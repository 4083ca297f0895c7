import type { Sql, TransactionSql } from "postgres";
import { env } from "~/env.server";

/**
 * How long bookings are kept: everyone signed up for a meeting (names, contact details, access needs,
 * attendance, the waiting list) is deleted this many days after the meeting ends, with the links emailed
 * to them. The meeting itself (no personal data) stays. Run by the portal's retention job
 * (`npm run portal -- retention [--dry-run]`), which lists what each rule deletes.
 */
const days = env.MEETING_RETENTION_DAYS;

export const meetingBookingsRetention = {
  name: "meeting bookings",
  keptFor: `${days} days after the meeting`,
  /** Deletes (or with `dryRun`, only counts) the bookings past their time; returns how many. */
  async apply(sql: Sql<any> | TransactionSql<any>, { dryRun, now }: { dryRun: boolean; now: Date }): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60_000);
    if (dryRun) {
      const [row] = await sql<{ count: number }[]>`
        select count(*)::int as count from meeting_bookings b join meetings m on m.id = b.meeting_id
        where m.ends_at < ${cutoff}`;
      return row!.count;
    }
    // The links first: deleting a booking would otherwise update its links (on delete set null) first.
    await sql`
      delete from meeting_links l using meetings m
      where m.id = l.meeting_id and m.ends_at < ${cutoff}`;
    const deleted = await sql`
      delete from meeting_bookings b using meetings m
      where m.id = b.meeting_id and m.ends_at < ${cutoff}
      returning b.id`;
    return deleted.length;
  },
};
