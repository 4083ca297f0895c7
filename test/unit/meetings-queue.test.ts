import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  accept,
  changePlaces,
  differences,
  join,
  leave,
  offerEnds,
  placesHeld,
  settle,
  waitingInOrder,
  waitingPosition,
  type Entry,
  type QueueRules,
} from "~/meetings/queue";

const HOUR = 60 * 60_000;
const T0 = new Date("2027-03-01T09:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const rules = (capacity: number, closesInHours = 240): QueueRules => ({
  capacity,
  holdMs: 24 * HOUR,
  signUpClosesAt: at(closesInHours),
});

/** Adds people one after another, settling after each, as the server does. */
function signUps(capacity: number, places: number[], now = T0): Entry[] {
  let entries: Entry[] = [];
  places.forEach((count, index) => {
    entries = settle(
      join(entries, capacity, { id: `p${index + 1}`, places: count, seq: index + 1 }),
      rules(capacity),
      now,
    ).entries;
  });
  return entries;
}

const statuses = (entries: Entry[]) => Object.fromEntries(entries.map((entry) => [entry.id, entry.status]));

describe("places and the waiting list", () => {
  test("people get places until the meeting is full, then join the waiting list in order", () => {
    const entries = signUps(3, [1, 2, 1, 1]);
    expect(statuses(entries)).toEqual({ p1: "confirmed", p2: "confirmed", p3: "waiting", p4: "waiting" });
    expect(waitingPosition(entries, "p3")).toBe(1);
    expect(waitingPosition(entries, "p4")).toBe(2);
    expect(waitingPosition(entries, "p1")).toBeNull();
  });

  test("a request too big for the places left waits, and nobody behind it is seated first", () => {
    const entries = signUps(4, [2, 3, 1]);
    // Two places are free, but p2 asked for three: p3 (one place) must not overtake them.
    expect(statuses(entries)).toEqual({ p1: "confirmed", p2: "waiting", p3: "waiting" });
    expect(placesHeld(entries)).toBe(2);
  });

  test("a cancelled place is offered to the first person waiting, for 24 hours", () => {
    const now = at(5);
    const { entries, offered } = settle(leave(signUps(2, [1, 1, 1, 1]), "p1"), rules(2), now);
    expect(offered).toEqual(["p3"]);
    expect(entries.find((entry) => entry.id === "p3")).toMatchObject({ status: "offered", offerExpiresAt: at(29) });
    expect(waitingPosition(entries, "p4")).toBe(1);
  });

  test("an offer ends before sign-up closes", () => {
    expect(offerEnds(rules(2, 10), at(1))).toEqual(at(10));
    expect(offerEnds(rules(2, 240), at(1))).toEqual(at(25));
  });

  test("once sign-up has closed nobody is offered a place", () => {
    const { offered } = settle(leave(signUps(1, [1, 1]), "p1"), rules(1, 3), at(3));
    expect(offered).toEqual([]);
  });

  test("accepting confirms; declining or letting it expire passes the place on", () => {
    const start = settle(leave(signUps(1, [1, 1, 1, 1]), "p1"), rules(1), at(1)).entries; // p2 offered
    const accepted = accept(start, "p2", at(2));
    expect(accepted).not.toBeTypeOf("string");
    expect(statuses(accepted as Entry[]).p2).toBe("confirmed");

    const declined = settle(leave(start, "p2"), rules(1), at(2));
    expect(declined.offered).toEqual(["p3"]);

    const expired = settle(start, rules(1), at(25));
    expect(expired.expired).toEqual(["p2"]);
    expect(expired.offered).toEqual(["p3"]);
    expect(accept(start, "p2", at(25))).toBe("expired");
    expect(accept(start, "p3", at(2))).toBe("not-offered");
  });

  test("a new sign-up waits while anyone is waiting, even with places free", () => {
    const start = signUps(4, [2, 3]); // p2 waits for 3 places; 2 are free
    const entries = join(start, 4, { id: "p3", places: 1, seq: 3 });
    expect(statuses(entries).p3).toBe("waiting");
  });

  test("someone with a place may ask for fewer at any time, and for more only if they are free now", () => {
    const entries = signUps(4, [2, 1]);
    expect(changePlaces(entries, 4, "p1", 3)).not.toBe("unavailable");
    expect(changePlaces(entries, 4, "p1", 1)).not.toBe("unavailable");
    const full = signUps(3, [2, 1, 1]);
    expect(changePlaces(full, 3, "p1", 3)).toBe("unavailable");
    // Someone waiting keeps their position whatever they change.
    const waiting = changePlaces(full, 3, "p3", 3) as Entry[];
    expect(waitingPosition(waiting, "p3")).toBe(1);
  });

  test("differences name what was added, removed and changed", () => {
    const before = signUps(1, [1, 1]);
    const after = settle(leave(before, "p1"), rules(1), at(1)).entries;
    expect(differences(before, after).map((change) => [change.kind, change.entry.id])).toEqual([
      ["updated", "p2"],
      ["removed", "p1"],
    ]);
  });
});

/**
 * Random sequences of sign-ups, changes, cancellations, accepts, declines and time passing, applied as
 * the server applies them (settle, change, settle). After every step: never over capacity, nobody
 * skipped, no place left idle that the first person waiting could take, nobody offered twice at once.
 */
type Command =
  | { kind: "join"; places: number }
  | { kind: "change"; pick: number; places: number }
  | { kind: "leave"; pick: number }
  | { kind: "accept"; pick: number }
  | { kind: "decline"; pick: number }
  | { kind: "wait"; hours: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("join" as const), places: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("change" as const),
      pick: fc.nat(),
      places: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("leave" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("accept" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("decline" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 30 }) }) },
);

function checkInvariants(previous: Entry[], entries: Entry[], offered: string[], rule: QueueRules, now: Date) {
  // Never over capacity.
  expect(placesHeld(entries)).toBeLessThanOrEqual(rule.capacity);
  // Nobody skipped: everyone who joined after someone still waiting is waiting too.
  for (const waiting of waitingInOrder(entries)) {
    for (const other of entries) if (other.seq > waiting.seq) expect(other.status).toBe("waiting");
  }
  // No idle places while offers can be made and the first in line fits.
  const head = waitingInOrder(entries)[0];
  if (head && offerEnds(rule, now) > now) {
    expect(head.places).toBeGreaterThan(rule.capacity - placesHeld(entries));
  }
  // Offers end in the future and before sign-up closes.
  for (const entry of entries.filter((candidate) => candidate.status === "offered")) {
    expect(entry.offerExpiresAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(entry.offerExpiresAt!.getTime()).toBeLessThanOrEqual(rule.signUpClosesAt.getTime());
  }
  // Nobody offered twice at once: a new offer only goes to someone who was waiting.
  for (const id of offered) expect(previous.find((entry) => entry.id === id)?.status).toBe("waiting");
  // Ids are unique (one booking per person).
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
}

test("property: the queue never overbooks, skips or double-offers", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 120 }),
      fc.array(command, { maxLength: 60 }),
      (capacity, closesInHours, commands) => {
        const rule = rules(capacity, closesInHours);
        let now = T0;
        let entries: Entry[] = [];
        let seq = 0;
        const pick = (index: number) => (entries.length ? entries[index % entries.length]!.id : undefined);

        for (const step of commands) {
          if (step.kind === "wait") now = new Date(now.getTime() + step.hours * HOUR);
          const before = settle(entries, rule, now);
          let changed: Entry[] = before.entries;
          entries = before.entries;
          const id = "pick" in step ? pick(step.pick) : undefined;
          if (step.kind === "join" && now < rule.signUpClosesAt) {
            seq += 1;
            changed = join(entries, capacity, { id: `p${seq}`, places: step.places, seq });
          } else if (step.kind === "change" && id) {
            const result = changePlaces(entries, capacity, id, step.places);
            if (result !== "unavailable") changed = result;
          } else if (step.kind === "leave" && id) {
            changed = leave(entries, id);
            expect(changed.some((entry) => entry.id === id)).toBe(false);
          } else if (step.kind === "accept" && id) {
            const result = accept(entries, id, now);
            if (typeof result !== "string") changed = result;
          } else if (step.kind === "decline" && id && entries.find((entry) => entry.id === id)?.status === "offered") {
            changed = leave(entries, id);
          }
          const after = settle(changed, rule, now);
          checkInvariants(changed, after.entries, after.offered, rule, now);
          entries = after.entries;
        }
      },
    ),
    { numRuns: 300 },
  );
});
