import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { londonTime } from "~/inspections/calendar";
import {
  channelLink,
  CODE_ALPHABET,
  CODE_LENGTH,
  codeFromBytes,
  labelProblem,
  parseChannelCode,
} from "~/promotion/channels";
import { againstPrevious, buildReach, protectCounts, quietFrom, reachDays, type Shown } from "~/promotion/reach";
import { dueReachEmail, REACH_EMAILS, reachEmailTimes, type ReachEmail } from "~/promotion/reach-emails";
import { NewChannelForm, PreviousTotalForm } from "~/promotion/schemas";
import { surveyStanding } from "~/promotion/standing";

const DB_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("channel codes", () => {
  test("well-formed codes are kept (lower-cased); anything else is dropped without an error", () => {
    expect(parseChannelCode("forum")).toBe("forum");
    expect(parseChannelCode("social-media")).toBe("social-media");
    expect(parseChannelCode(" K3X9QA ")).toBe("k3x9qa");
    for (const bad of [null, undefined, "", "-forum", "forum-", "a--b", "<script>", "a b", "é", "x".repeat(31), 42]) {
      expect(parseChannelCode(bad)).toBeNull();
    }
  });

  test("whatever arrives in ?src=, the result is null or a code the database accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const code = parseChannelCode(value);
        expect(code === null || (DB_CODE.test(code) && code.length <= 30)).toBe(true);
      }),
    );
  });

  test("new codes are six characters from an alphabet without look-alikes, and fit the database's rule", () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ilo]/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = codeFromBytes(bytes);
        expect(code).toHaveLength(CODE_LENGTH);
        expect(DB_CODE.test(code)).toBe(true);
        expect([...code].every((char) => CODE_ALPHABET.includes(char))).toBe(true);
      }),
    );
    // No default channel's code can ever be drawn (they contain letters the alphabet leaves out).
    for (const code of ["forum", "school", "council", "health", "social-media"]) {
      expect([...code].every((char) => CODE_ALPHABET.includes(char))).toBe(false);
    }
  });

  test("links carry the code as ?src= on the public survey page", () => {
    expect(channelLink("https://send.example.org", "northshire", "k3x9qa")).toBe(
      "https://send.example.org/s/northshire?src=k3x9qa",
    );
    expect(channelLink("https://send.example.org", "northshire", null)).toBe("https://send.example.org/s/northshire");
  });
});

describe("channel labels", () => {
  test.each([
    "PCF Facebook",
    "school newsletter",
    "GP surgery poster",
    "SENDIASS",
    "WhatsApp groups",
    "Year 7 (St Anne's)",
    "Gazetka szkolna",
    "واٹس ایپ گروپ",
    "Drama club",
  ])("%s is a good label", (label) => expect(labelProblem(label)).toBeNull());

  test.each([
    ["", "required"],
    ["   ", "required"],
    ["a", "too-short"],
    ["x".repeat(61), "too-long"],
    ["jo@example.org", "characters"],
    ["Facebook 👍", "characters"],
    ["<b>poster</b>", "characters"],
    ["Call 07700 900123", "personal"],
    ["Mrs Khan's group", "personal"],
    ["Dr. Patel surgery", "personal"],
  ])("%j is refused as %s", (label, problem) => expect(labelProblem(label)).toBe(problem));

  test("the form trims and tidies spaces, and names the field's error", () => {
    expect(NewChannelForm.parse({ label: "  GP   surgery poster " })).toEqual({ label: "GP surgery poster" });
    const result = NewChannelForm.safeParse({ label: "Mr Smith" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["label"], message: "promotion:errors.labelPersonal" });
  });
});

describe("the previous inspection's total", () => {
  test("a whole number (commas and spaces allowed), or blank to remove it", () => {
    expect(PreviousTotalForm.parse({ previousTotal: "1,240" })).toEqual({ previousTotal: 1240 });
    expect(PreviousTotalForm.parse({})).toEqual({ previousTotal: null });
    expect(PreviousTotalForm.safeParse({ previousTotal: "about 100" }).error?.issues[0]?.message).toBe(
      "promotion:errors.previousTotalNumber",
    );
    expect(PreviousTotalForm.safeParse({ previousTotal: "2000000" }).error?.issues[0]?.message).toBe(
      "promotion:errors.previousTotalTooLarge",
    );
  });

  test("a share of it is given only when the count so far is shown as a number", () => {
    expect(againstPrevious({ state: "shown", count: 60 }, 120)).toEqual({
      parents: { state: "shown", count: 60 },
      previous: 120,
      percent: 50,
    });
    expect(againstPrevious({ state: "fewer" }, 120).percent).toBeNull();
    expect(againstPrevious({ state: "shown", count: 6 }, 0).percent).toBeNull();
  });
});

const shown = (count: number): Shown => ({ state: "shown", count });
const read = (cells: Shown[]) => cells.map((cell) => (cell.state === "shown" ? cell.count : cell.state));

describe("protected counts", () => {
  const MIN = 5;

  test("a total under 5 is 'fewer than 5', and so is every count in it but zeros", () => {
    expect(protectCounts([3, 0, 1], MIN)).toEqual({
      total: { state: "fewer" },
      cells: [{ state: "fewer" }, shown(0), { state: "fewer" }],
    });
    expect(protectCounts([0, 0], MIN)).toEqual({ total: shown(0), cells: [shown(0), shown(0)] });
  });

  test("a channel moves from 'fewer than 5' to its number at 5", () => {
    expect(read(protectCounts([4, 0, 0], MIN).cells)).toEqual(["fewer", 0, 0]);
    expect(read(protectCounts([5, 0, 0], MIN).cells)).toEqual([5, 0, 0]);
  });

  test("a small count beside a shown total is protected by hiding another", () => {
    expect(read(protectCounts([12, 3, 0], MIN).cells)).toEqual(["hidden", "fewer", 0]);
  });

  // What a reader can work out: the shown total T and the shown counts leave R for the others. A
  // "fewer" is 1 to 4; a "hidden" is 5 or more, unless every count is withheld (then 0 or more). With one
  // sum and box bounds, the range of each is exact.
  function deducible(cells: number[], result: ReturnType<typeof protectCounts>): boolean {
    if (result.total.state !== "shown") return false;
    const rest =
      result.total.count - result.cells.reduce((sum, cell) => sum + (cell.state === "shown" ? cell.count : 0), 0);
    const withheld = result.cells.every((cell) => cell.state === "hidden");
    const bounds = result.cells.map((cell): [number, number] =>
      cell.state === "fewer" ? [1, MIN - 1] : cell.state === "hidden" ? [withheld ? 0 : MIN, rest] : [0, 0],
    );
    return cells.some((truth, index) => {
      if (result.cells[index]!.state === "shown" || truth === 0 || truth >= MIN) return false;
      const others = bounds.filter((_, other) => other !== index);
      const [ownLow, ownHigh] = bounds[index]!;
      const low = Math.max(ownLow, rest - others.reduce((sum, [, high]) => sum + high, 0));
      const high = Math.min(ownHigh, rest - others.reduce((sum, [lowest]) => sum + lowest, 0));
      return low === high;
    });
  }

  test("when no count can be shown safely, all are withheld, zeros too (5 and 1 of 6 would give the 1 away)", () => {
    expect(read(protectCounts([5, 1, 0], MIN).cells)).toEqual(["hidden", "hidden", "hidden"]);
  });

  test("for any counts: numbers shown are true, none is 1 to 4, and no small count can be worked out", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
          minLength: 1,
          maxLength: 9,
        }),
        (cells) => {
          const result = protectCounts(cells, MIN);
          const total = cells.reduce((sum, count) => sum + count, 0);
          for (const [index, cell] of [...result.cells, result.total].entries()) {
            const truth = index < cells.length ? cells[index]! : total;
            if (cell.state === "shown") {
              expect(cell.count).toBe(truth);
              expect(cell.count === 0 || cell.count >= MIN).toBe(true);
            }
            if (cell.state === "fewer") expect(truth >= 1 && truth < MIN).toBe(true);
            const withheld = result.cells.every((each) => each.state === "hidden");
            if (cell.state === "hidden" && !withheld) expect(truth).toBeGreaterThanOrEqual(MIN);
          }
          expect(deducible(cells, result)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// A five-day window: Monday 2027-03-29 12:00 to Friday 2027-04-02 12:00 (London, summer time).
const window = { surveyOpensAt: londonTime("2027-03-29", "12:00"), surveyClosesAt: londonTime("2027-04-02", "12:00") };

describe("live reach", () => {
  const channels = [
    { code: "forum", custom: false },
    { code: "school", custom: false },
    { code: "k3x9qa", custom: true },
  ];
  const counts = {
    byAudience: { parents: 14, "young-people": 3 },
    byChannel: [
      { channel: "forum", count: 9 },
      { channel: "school", count: 2 },
      { channel: null, count: 6 },
    ],
    byDay: [
      { day: "2027-03-29", count: 11 },
      { day: "2027-03-30", count: 6 },
    ],
  };
  const reach = (now: Date) =>
    buildReach({ counts, audiences: ["parents", "young-people", "practitioners"], channels, window, now, minCell: 5 });

  test("counts by audience, by channel (then the plain link) and by day, all protected, with every day of the window so far", () => {
    const result = reach(londonTime("2027-03-31", "10:00"));
    expect(result.total).toEqual(shown(17));
    expect(result.audiences.map((row) => [row.audience, row.count.state])).toEqual([
      ["parents", "hidden"],
      ["young-people", "fewer"],
      ["practitioners", "shown"],
    ]);
    expect(result.channels.map((row) => [row.code, read([row.count])[0]])).toEqual([
      ["forum", 9],
      ["school", "fewer"],
      ["k3x9qa", 0],
      [null, "hidden"],
    ]);
    expect(result.days.map((row) => [row.day, read([row.count])[0]])).toEqual([
      ["2027-03-29", 11],
      ["2027-03-30", 6],
      ["2027-03-31", 0],
    ]);
  });

  test("'quiet' from the second working day until the close: links staff made, and defaults that brought anyone", () => {
    expect(quietFrom(window)).toEqual(londonTime("2027-03-30", "00:00"));
    const quiet = (now: Date) =>
      reach(now)
        .channels.filter((row) => row.quiet)
        .map((row) => row.code);
    expect(quiet(londonTime("2027-03-29", "23:59"))).toEqual([]);
    expect(quiet(londonTime("2027-03-30", "00:00"))).toEqual(["school", "k3x9qa"]);
    expect(quiet(londonTime("2027-04-02", "12:00"))).toEqual([]);
  });

  test("the second working day skips a weekend and a bank holiday", () => {
    // Opens Thursday 2 April 2026; Good Friday and the weekend follow, then Easter Monday.
    const easter = {
      surveyOpensAt: londonTime("2026-04-02", "12:00"),
      surveyClosesAt: londonTime("2026-04-10", "12:00"),
    };
    expect(quietFrom(easter)).toEqual(londonTime("2026-04-07", "00:00"));
  });

  test("no days before the window opens; every day of it once closed", () => {
    expect(reachDays(window, londonTime("2027-03-28", "12:00"), [])).toEqual([]);
    expect(reachDays(window, londonTime("2027-05-01", "12:00"), [])).toEqual([
      "2027-03-29",
      "2027-03-30",
      "2027-03-31",
      "2027-04-01",
      "2027-04-02",
    ]);
  });
});

describe("reach emails", () => {
  test("opened at the opening, halfway at the middle, closing 24 hours before the close", () => {
    expect(reachEmailTimes(window)).toEqual({
      opened: window.surveyOpensAt,
      halfway: londonTime("2027-03-31", "12:00"),
      closing: londonTime("2027-04-01", "12:00"),
    });
  });

  test("nothing before the window opens or once it has closed", () => {
    const none = new Set<ReachEmail>();
    expect(dueReachEmail(window, new Date(window.surveyOpensAt.getTime() - 1), none)).toEqual({ send: null, skip: [] });
    expect(dueReachEmail(window, window.surveyClosesAt, none)).toEqual({ send: null, skip: [] });
    expect(dueReachEmail(window, window.surveyOpensAt, none)).toEqual({ send: "opened", skip: [] });
  });

  test("after a gap, only the latest due is sent and the earlier ones are skipped", () => {
    expect(dueReachEmail(window, londonTime("2027-04-01", "13:00"), new Set())).toEqual({
      send: "closing",
      skip: ["opened", "halfway"],
    });
  });

  test("for any window, a job every few minutes sends each email at most once, none early, in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 10, max: 20_000 }),
        fc.integer({ min: 1, max: 180 }),
        (start, lengthMinutes, everyMinutes) => {
          const opens = new Date(Date.UTC(2027, 0, 1) + start * 60_000);
          const span = { surveyOpensAt: opens, surveyClosesAt: new Date(opens.getTime() + lengthMinutes * 60_000) };
          const times = reachEmailTimes(span);
          const recorded = new Set<ReachEmail>();
          const sent: ReachEmail[] = [];
          for (
            let at = opens.getTime() - 60 * 60_000;
            at < span.surveyClosesAt.getTime() + 60 * 60_000;
            at += everyMinutes * 60_000
          ) {
            const now = new Date(at);
            const { send, skip } = dueReachEmail(span, now, recorded);
            for (const kind of skip) expect(recorded.has(kind)).toBe(false);
            skip.forEach((kind) => recorded.add(kind));
            if (send) {
              expect(recorded.has(send)).toBe(false);
              expect(now >= times[send] && now < span.surveyClosesAt).toBe(true);
              recorded.add(send);
              sent.push(send);
            }
          }
          expect(new Set(sent).size).toBe(sent.length);
          const order = sent.map((kind) => times[kind].getTime());
          expect([...order].sort((a, b) => a - b)).toEqual(order);
          // A job that runs at least hourly over a window of more than two days sends all three.
          if (everyMinutes <= 60 && lengthMinutes > 48 * 60) expect(sent).toEqual([...REACH_EMAILS]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("where a survey stands", () => {
  const opened = window.surveyOpensAt;
  const before = new Date(opened.getTime() - 60_000);
  const after = new Date(opened.getTime() + 60_000);
  const now = londonTime("2027-03-30", "09:00");

  test("before it opens, its review status says it all", () => {
    expect(surveyStanding(window, { status: "draft", sharedAt: null, readyAt: null }, before)).toEqual({
      window: "upcoming",
      review: null,
    });
  });

  test("live: whether the forum's review was finished before it opened", () => {
    expect(surveyStanding(window, { status: "ready", sharedAt: before, readyAt: before }, now)).toEqual({
      window: "open",
      review: "finished",
    });
    expect(surveyStanding(window, { status: "in-review", sharedAt: before, readyAt: null }, now).review).toBe(
      "unfinished",
    );
    expect(surveyStanding(window, { status: "ready", sharedAt: before, readyAt: after }, now).review).toBe(
      "unfinished",
    );
    expect(surveyStanding(window, { status: "draft", sharedAt: null, readyAt: null }, now).review).toBe("not-shared");
    expect(surveyStanding(window, { status: "ready", sharedAt: null, readyAt: before }, now).review).toBe("not-shared");
  });

  test("closed once the window has passed", () => {
    expect(
      surveyStanding(window, { status: "ready", sharedAt: before, readyAt: before }, window.surveyClosesAt).window,
    ).toBe("closed");
  });
});
