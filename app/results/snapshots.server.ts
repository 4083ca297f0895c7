import { sql } from "~/db.server";

/**
 * Results move in snapshots, never one response at a time. A snapshot is published when a survey has
 * at least `minAnswers` responses that no snapshot holds yet (once it is final, too); each response
 * records the snapshot that first published it, and results count only published responses. So any two
 * readings, at any two moments, differ by none or by at least `minAnswers` responses. Snapshots are
 * durable: the same snapshot gives the same numbers in every process and after every restart.
 *
 * When the survey is final, fewer than `minAnswers` responses left over after the last snapshot are held
 * back for good: publishing them would let a reader subtract the last snapshot and see them alone.
 */
export interface Snapshot {
  number: number;
  responses: number;
  publishedAt: Date;
}

const PUBLISH_LOCK = 724_311_015;

export async function latestSnapshot(surveyId: string): Promise<Snapshot | null> {
  const [snapshot] = await sql<Snapshot[]>`
    select number, responses, published_at from results_snapshots
    where survey_id = ${surveyId} order by number desc limit 1`;
  return snapshot ?? null;
}

/** Publishes a new snapshot if enough responses wait for one; returns the latest snapshot either way. */
export async function publishDueSnapshot(surveyId: string, minAnswers: number): Promise<Snapshot | null> {
  const [{ waiting }] = await sql<[{ waiting: number }]>`
    select count(*)::int as waiting from responses where survey_id = ${surveyId} and snapshot is null`;
  if (waiting < minAnswers) return latestSnapshot(surveyId);
  return sql.begin(async (tx) => {
    // One publisher per survey at a time; a second waits, then finds nothing left to publish.
    await tx`select pg_advisory_xact_lock(${PUBLISH_LOCK}, ${surveyId}::int)`;
    const [{ stillWaiting }] = await tx<[{ stillWaiting: number }]>`
      select count(*)::int as still_waiting from responses where survey_id = ${surveyId} and snapshot is null`;
    if (stillWaiting >= minAnswers) {
      const [{ number }] = await tx<[{ number: number }]>`
        select coalesce(max(number), 0) + 1 as number from results_snapshots where survey_id = ${surveyId}`;
      await tx`update responses set snapshot = ${number} where survey_id = ${surveyId} and snapshot is null`;
      await tx`
        insert into results_snapshots (survey_id, number, responses)
        select ${surveyId}, ${number}, count(*) from responses where survey_id = ${surveyId}`;
    }
    const [snapshot] = await tx<Snapshot[]>`
      select number, responses, published_at from results_snapshots
      where survey_id = ${surveyId} order by number desc limit 1`;
    return snapshot ?? null;
  });
}

/** How many responses are stored but in no snapshot (held back once final). */
export async function unpublishedResponses(surveyId: string): Promise<number> {
  const [{ n }] = await sql<[{ n: number }]>`
    select count(*)::int as n from responses where survey_id = ${surveyId} and snapshot is null`;
  return n;
}
