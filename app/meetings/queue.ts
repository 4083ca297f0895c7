/**
 * The rules of a meeting's places and waiting list. Pure: the database code locks the meeting's row,
 * loads its bookings, asks these functions what happens, and writes the difference (bookings.server.ts).
 *
 * - A booking holds places while it is confirmed or has an open offer; together they never exceed capacity.
 * - Strict order: nobody gets a place while someone who joined earlier is still waiting, so a new sign-up
 *   joins the waiting list whenever anyone is waiting, even if places are free.
 * - When places free up, the first person waiting is offered them if they fit (all the places they asked
 *   for), for a set time that always ends before sign-up closes; nobody behind them is offered first.
 * - An offer that expires, or is declined, ends their booking; a cancelled booking leaves completely.
 */
export type BookingStatus = "confirmed" | "offered" | "waiting";

export interface Entry {
  id: string;
  places: number;
  status: BookingStatus;
  /** Joining order: lower joined earlier. */
  seq: number;
  offerExpiresAt: Date | null;
}

export interface QueueRules {
  capacity: number;
  /** How long an offer holds its places. */
  holdMs: number;
  signUpClosesAt: Date;
}

export const holdsPlaces = (entry: Entry) => entry.status !== "waiting";

export const placesHeld = (entries: readonly Entry[]) =>
  entries.reduce((sum, entry) => sum + (holdsPlaces(entry) ? entry.places : 0), 0);

export const placesLeft = (entries: readonly Entry[], capacity: number) => Math.max(0, capacity - placesHeld(entries));

export const waitingInOrder = (entries: readonly Entry[]) =>
  entries.filter((entry) => entry.status === "waiting").sort((a, b) => a.seq - b.seq);

/** 1 for the first person waiting; null for someone not waiting. */
export function waitingPosition(entries: readonly Entry[], id: string): number | null {
  const index = waitingInOrder(entries).findIndex((entry) => entry.id === id);
  return index < 0 ? null : index + 1;
}

/** Whether `places` more can be given straight away: they fit and nobody is waiting to be passed over. */
export function canSeatNow(entries: readonly Entry[], capacity: number, places: number): boolean {
  return waitingInOrder(entries).length === 0 && placesHeld(entries) + places <= capacity;
}

/** A new booking: confirmed when it can be seated now, otherwise at the end of the waiting list. */
export function join(entries: readonly Entry[], capacity: number, entry: Omit<Entry, "status" | "offerExpiresAt">) {
  const status: BookingStatus = canSeatNow(entries, capacity, entry.places) ? "confirmed" : "waiting";
  return [...entries, { ...entry, status, offerExpiresAt: null }];
}

/**
 * Someone signing up again with a different number of places. Waiting: they keep their place in the
 * list. Holding places: fewer is always fine; more only when the extra places can be seated now.
 */
export function changePlaces(
  entries: readonly Entry[],
  capacity: number,
  id: string,
  places: number,
): Entry[] | "unavailable" {
  const current = entries.find((entry) => entry.id === id);
  if (!current) throw new Error(`No booking ${id}`);
  const extra = places - current.places;
  if (holdsPlaces(current) && extra > 0 && !canSeatNow(entries, capacity, extra)) return "unavailable";
  return entries.map((entry) => (entry.id === id ? { ...entry, places } : entry));
}

/** Cancelling (or declining an offer): the booking leaves completely. */
export function leave(entries: readonly Entry[], id: string): Entry[] {
  return entries.filter((entry) => entry.id !== id);
}

/** Accepting an offer still open at `now` confirms the places it holds. */
export function accept(entries: readonly Entry[], id: string, now: Date): Entry[] | "not-offered" | "expired" {
  const current = entries.find((entry) => entry.id === id);
  if (!current || current.status !== "offered") return "not-offered";
  if (current.offerExpiresAt! <= now) return "expired";
  return entries.map((entry) => (entry.id === id ? { ...entry, status: "confirmed", offerExpiresAt: null } : entry));
}

/** When an offer made at `now` ends: after the hold time, or when sign-up closes if that is sooner. */
export function offerEnds(rules: QueueRules, now: Date): Date {
  return new Date(Math.min(now.getTime() + rules.holdMs, rules.signUpClosesAt.getTime()));
}

/**
 * Brings the list up to date at `now`: offers that have run out end (their places come back), then the
 * people at the front of the waiting list are offered places, in order, while their places fit. Run
 * after every change.
 */
export function settle(entries: readonly Entry[], rules: QueueRules, now: Date) {
  const expired = entries.filter((entry) => entry.status === "offered" && entry.offerExpiresAt! <= now);
  let next = entries.filter((entry) => !expired.includes(entry));
  const offered: Entry[] = [];
  const ends = offerEnds(rules, now);
  // No offer that could not be taken up: once sign-up has closed, people stay where they are.
  if (ends > now) {
    let free = rules.capacity - placesHeld(next);
    for (const entry of waitingInOrder(next)) {
      // Strict order: if the first in line needs more places than are free, nobody behind them jumps ahead.
      if (entry.places > free) break;
      free -= entry.places;
      offered.push({ ...entry, status: "offered", offerExpiresAt: ends });
    }
    next = next.map((entry) => offered.find((offer) => offer.id === entry.id) ?? entry);
  }
  return { entries: next, expired: expired.map((entry) => entry.id), offered: offered.map((entry) => entry.id) };
}

export type Change =
  | { kind: "added"; entry: Entry }
  | { kind: "removed"; entry: Entry }
  | { kind: "updated"; before: Entry; entry: Entry };

/** What differs between two versions of a meeting's list: the rows to write and the emails to send. */
export function differences(before: readonly Entry[], after: readonly Entry[]): Change[] {
  const old = new Map(before.map((entry) => [entry.id, entry]));
  const changes: Change[] = [];
  for (const entry of after) {
    const previous = old.get(entry.id);
    if (!previous) changes.push({ kind: "added", entry });
    else if (
      previous.status !== entry.status ||
      previous.places !== entry.places ||
      previous.offerExpiresAt?.getTime() !== entry.offerExpiresAt?.getTime()
    ) {
      changes.push({ kind: "updated", before: previous, entry });
    }
    old.delete(entry.id);
  }
  for (const entry of old.values()) changes.push({ kind: "removed", entry });
  return changes;
}
