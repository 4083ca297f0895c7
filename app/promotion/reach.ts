import type { Shown } from "~/results/disclosure";
import { addCalendarDays, londonParts, londonTime, type IsoDate } from "~/inspections/calendar";
import { nearestWorkingDay } from "~/inspections/working-days.server";

/**
 * Live reach: how many responses have come in, by audience, by channel and by day, as counts that
 * protect people. Pure: counts in, what may be shown out. Nothing about answers is ever counted here.
 *
 * Each breakdown is a set of counts that add up to the same total (every response has one audience,
 * one channel or none, and one day). A reader sees all three at once, but they split the total in
 * different ways, so none helps to work out a count hidden in another: each is protected on its own
 * (any count from 1 to 4 shows as "fewer than 5", and further counts are hidden wherever a small one
 * could be worked out by subtraction). Counts of responses say nothing about answers, so they carry no
 * noise; they move only as responses are moved in batches (app/surveys/drafts.server.ts).
 */
export type { Shown };

export interface ProtectedCounts {
  total: Shown;
  cells: Shown[];
}

const shown = (count: number): Shown => ({ state: "shown", count });

/** One breakdown of the total, protected. Zeros are shown as they are: a zero hides nobody. */
export function protectCounts(cells: number[], minCell: number): ProtectedCounts {
  const total = cells.reduce((sum, count) => sum + count, 0);
  const small = (count: number): Shown => (count === 0 ? shown(0) : { state: "fewer" });
  // The total is itself "fewer than 5" (or 0), so no count can be worked out from it.
  if (total < minCell) return { total: small(total), cells: cells.map(small) };
  const display: Shown[] = cells.map((count) => (count >= minCell ? shown(count) : small(count)));
  for (;;) {
    const pinned = cells.findIndex(
      (count, cell) => display[cell]!.state === "fewer" && isPinned(display, total, cell, minCell),
    );
    if (pinned < 0) return { total: shown(total), cells: display };
    const candidates = cells.flatMap((count, cell) => (display[cell]!.state === "shown" && count > 0 ? [cell] : []));
    if (candidates.length === 0) {
      // No way to show some counts without a small one being worked out (as with 5 and 1 of 6):
      // withhold them all, zeros too. Only the total is known then.
      return { total: shown(total), cells: cells.map((): Shown => ({ state: "hidden" })) };
    }
    const smallest = candidates.reduce((best, cell) => (cells[cell]! < cells[best]! ? cell : best));
    display[smallest] = { state: "hidden" };
  }
}

/**
 * Whether an observer who knows the rule can work out a "fewer than 5" cell exactly: the cells add up to
 * the total; a "fewer" cell is 1 to minCell - 1 and a hidden one minCell or more (only those are hidden).
 */
function isPinned(display: Shown[], total: number, cell: number, minCell: number): boolean {
  const bounds = display.map((one): [number, number] =>
    one.state === "shown" ? [one.count, one.count] : one.state === "fewer" ? [1, minCell - 1] : [minCell, total],
  );
  const others = bounds.filter((_, index) => index !== cell);
  const low = Math.max(bounds[cell]![0], total - others.reduce((sum, [, high]) => sum + high, 0));
  const high = Math.min(bounds[cell]![1], total - others.reduce((sum, [lowest]) => sum + lowest, 0));
  return low === high;
}

export interface RawCounts {
  byAudience: Record<string, number>;
  /** By channel code; null for responses that came without a known code. */
  byChannel: Array<{ channel: string | null; count: number }>;
  byDay: Array<{ day: IsoDate; count: number }>;
}

export interface ReachInput {
  counts: RawCounts;
  audiences: readonly string[];
  /** Every channel of the inspection, in the order they are listed. */
  channels: Array<{ code: string; custom: boolean }>;
  window: { surveyOpensAt: Date; surveyClosesAt: Date };
  now: Date;
  minCell: number;
}

export interface Reach {
  total: Shown;
  audiences: Array<{ audience: string; count: Shown }>;
  /** Each channel, then `null` for responses through the plain link. */
  channels: Array<{ code: string | null; count: Shown; quiet: boolean }>;
  days: Array<{ day: IsoDate; count: Shown }>;
}

/** The London calendar days of the window so far (all of it once it has closed), with any day that has responses. */
export function reachDays(window: ReachInput["window"], now: Date, withResponses: IsoDate[]): IsoDate[] {
  const days = new Set<IsoDate>(withResponses);
  if (now >= window.surveyOpensAt) {
    const first = londonParts(window.surveyOpensAt).date;
    const last = londonParts(now < window.surveyClosesAt ? now : window.surveyClosesAt).date;
    for (let day = first; day <= last; day = addCalendarDays(day, 1)) days.add(day);
  }
  return [...days].sort();
}

/**
 * From the start of the window's second working day (London time) until it closes, a channel that has
 * brought fewer than `minCell` responses is worth another push. Judged on what the page shows (0 or
 * "fewer than 5"), so the hint tells a reader nothing the counts do not.
 */
export function quietFrom(window: ReachInput["window"]): Date {
  const opened = londonParts(window.surveyOpensAt).date;
  return londonTime(nearestWorkingDay(addCalendarDays(opened, 1), "forward"), "00:00");
}

export function isQuiet(count: Shown, window: ReachInput["window"], now: Date): boolean {
  const few = count.state === "fewer" || (count.state === "shown" && count.count === 0);
  return few && now >= quietFrom(window) && now < window.surveyClosesAt;
}

export function buildReach({ counts, audiences, channels, window, now, minCell }: ReachInput): Reach {
  const audienceRow = protectCounts(
    audiences.map((audience) => counts.byAudience[audience] ?? 0),
    minCell,
  );
  const channelCount = (code: string | null) =>
    counts.byChannel.filter((row) => row.channel === code).reduce((sum, row) => sum + row.count, 0);
  // A code no longer among the inspection's channels cannot occur (codes are checked when saved), but
  // if one did, its responses count with the plain link's rather than vanishing from the total.
  const known = new Set(channels.map((channel) => channel.code));
  const unknown = counts.byChannel.filter((row) => row.channel !== null && !known.has(row.channel));
  const plain = channelCount(null) + unknown.reduce((sum, row) => sum + row.count, 0);
  const channelRow = protectCounts([...channels.map((channel) => channelCount(channel.code)), plain], minCell);
  const days = reachDays(
    window,
    now,
    counts.byDay.map((row) => row.day),
  );
  const dayRow = protectCounts(
    days.map((day) => counts.byDay.find((row) => row.day === day)?.count ?? 0),
    minCell,
  );
  return {
    total: audienceRow.total,
    audiences: audiences.map((audience, index) => ({ audience, count: audienceRow.cells[index]! })),
    channels: [
      ...channels.map((channel, index) => {
        const count = channelRow.cells[index]!;
        // Unused default channels (nothing through them at all) are not nagged about; links staff made are.
        const used = channel.custom || count.state !== "shown" || count.count > 0;
        return { code: channel.code, count, quiet: used && isQuiet(count, window, now) };
      }),
      { code: null, count: channelRow.cells[channels.length]!, quiet: false },
    ],
    days: days.map((day, index) => ({ day, count: dayRow.cells[index]! })),
  };
}

/** Parents' and carers' responses so far against the previous inspection's total (a share only when shown). */
export function againstPrevious(parents: Shown, previous: number) {
  const percent = parents.state === "shown" && previous > 0 ? Math.round((parents.count / previous) * 100) : null;
  return { parents, previous, percent };
}
