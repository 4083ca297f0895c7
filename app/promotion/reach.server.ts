import { sql } from "~/db.server";
import { env } from "~/env.server";
import type { Inspection } from "~/inspections/inspection";
import { AUDIENCES } from "~/surveys/survey";
import { channelsOf } from "./channels.server";
import { buildReach, type RawCounts, type Reach } from "./reach";

/**
 * Every count of responses that promotion shows (the reach page and the reach emails) comes from this
 * one function, so that changes to how counts are read (noise, snapshots) happen in one place. It reads
 * the responses table only: the survey, the channel code and the date, never an answer.
 */
export async function countResponses(inspectionId: string): Promise<RawCounts> {
  // One pass over the inspection's responses, counted three ways at once.
  const rows = await sql<
    Array<{ audience: string | null; channel: string | null; day: string | null; count: number; by: number }>
  >`
    select s.audience, r.channel, to_char(r.submitted_on, 'YYYY-MM-DD') as day, count(*)::int as count,
           grouping(s.audience, r.channel, r.submitted_on)::int as by
    from responses r join surveys s on s.id = r.survey_id
    where s.inspection_id = ${inspectionId}
    group by grouping sets ((s.audience), (r.channel), (r.submitted_on))`;
  // grouping() sets a bit for each column left out: 0b011 = by audience, 0b101 = by channel, 0b110 = by day.
  return {
    byAudience: Object.fromEntries(rows.filter((row) => row.by === 0b011).map((row) => [row.audience!, row.count])),
    byChannel: rows.filter((row) => row.by === 0b101).map((row) => ({ channel: row.channel, count: row.count })),
    byDay: rows.filter((row) => row.by === 0b110).map((row) => ({ day: row.day!, count: row.count })),
  };
}

/** The smallest count shown as a number (as for results: 1 to 4 read "fewer than 5"). */
export const minCell = env.RESULTS_MIN_CELL;

export async function reachOf(inspection: Inspection, now = new Date()): Promise<Reach> {
  const [counts, channels] = await Promise.all([countResponses(inspection.id), channelsOf(inspection.id)]);
  return buildReach({ counts, audiences: AUDIENCES, channels, window: inspection, now, minCell });
}

/** The previous inspection's number of responses from parents and carers, if someone entered it. */
export async function previousTotal(inspectionId: string): Promise<number | null> {
  const [row] = await sql<Array<{ previousResponseTotal: number | null }>>`
    select previous_response_total from inspections where id = ${inspectionId}`;
  return row?.previousResponseTotal ?? null;
}

export async function setPreviousTotal(inspectionId: string, total: number | null) {
  await sql`update inspections set previous_response_total = ${total}, updated_at = now() where id = ${inspectionId}`;
}
