import { randomBytes } from "node:crypto";
import { sql } from "~/db.server";
import { codeFromBytes, DEFAULT_CHANNELS, isDefaultChannel, MAX_CHANNELS } from "./channels";

export interface Channel {
  code: string;
  /** What staff called it; null for the default channels, whose names are translated. */
  label: string | null;
  /** Made by staff (rather than one of the defaults every inspection starts with). */
  custom: boolean;
}

/** The inspection's channels: the defaults in their usual order, then the ones staff made, oldest first. */
export async function channelsOf(inspectionId: string): Promise<Channel[]> {
  const rows = await sql<Array<{ code: string; label: string | null }>>`
    select code, label from channels where inspection_id = ${inspectionId} order by created_at, code`;
  const order = (code: string) => (isDefaultChannel(code) ? DEFAULT_CHANNELS.indexOf(code) : DEFAULT_CHANNELS.length);
  return rows
    .map((row) => ({ code: row.code, label: row.label, custom: row.label !== null }))
    .sort((a, b) => order(a.code) - order(b.code));
}

export async function findChannel(inspectionId: string, code: string | undefined): Promise<Channel | undefined> {
  if (!code) return undefined;
  const [row] = await sql<Array<{ code: string; label: string | null }>>`
    select code, label from channels where inspection_id = ${inspectionId} and code = ${code}`;
  return row ? { code: row.code, label: row.label, custom: row.label !== null } : undefined;
}

export type NewChannelOutcome = { created: Channel } | { problem: "too-many" | "label-taken" };

/**
 * A new channel with a random code. The inspection's row is locked while counting, so two people
 * adding channels at once cannot go past the limit; a clash of random codes (rare) just draws again.
 */
export async function createChannel(inspectionId: string, label: string): Promise<NewChannelOutcome> {
  return sql.begin(async (tx) => {
    await tx`select 1 from inspections where id = ${inspectionId} for update`;
    const [existing] = await tx<Array<{ count: number; taken: boolean }>>`
      select count(*)::int as count, coalesce(bool_or(lower(label) = lower(${label})), false) as taken
      from channels where inspection_id = ${inspectionId}`;
    const { count, taken } = existing!;
    if (taken) return { problem: "label-taken" as const };
    if (count >= MAX_CHANNELS) return { problem: "too-many" as const };
    for (;;) {
      const code = codeFromBytes(randomBytes(8));
      const [row] = await tx`
        insert into channels (inspection_id, code, label) values (${inspectionId}, ${code}, ${label})
        on conflict do nothing returning code`;
      if (row) return { created: { code, label, custom: true } };
    }
  });
}
