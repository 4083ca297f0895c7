import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CAPACITIES,
  capacityProblem,
  caseStatuses,
  contactStands,
  decide,
  DECIDERS,
  PARTIES,
  partiesOf,
  PURPOSES,
  withdraw,
  type Answers,
  type Statuses,
} from "~/consent/rules";
import { DecisionSchema, NewCaseSchema, RecordSchema, TalkSchema } from "~/consent/schemas";
import { parseEnv } from "~/env.server";

const answers = fc.record(
  Object.fromEntries(PURPOSES.map((purpose) => [purpose, fc.boolean()])) as Record<
    (typeof PURPOSES)[number],
    fc.Arbitrary<boolean>
  >,
) as fc.Arbitrary<Answers>;
const history = fc.array(fc.oneof(answers, fc.constant("withdraw" as const)), { maxLength: 8 });

/** Replays a person's records, as the database would hold them, and returns the latest statuses. */
const replay = (steps: Array<Answers | "withdraw">): Statuses | undefined =>
  steps.reduce<Statuses | undefined>(
    (previous, step) => (step === "withdraw" ? withdraw(previous) : decide(previous, step)),
    undefined,
  );

describe("a person's decisions", () => {
  test("yes gives; no after yes withdraws; no without an earlier yes refuses", () => {
    fc.assert(
      fc.property(history, answers, (steps, next) => {
        const before = replay(steps);
        const after = decide(before, next);
        for (const purpose of PURPOSES) {
          const everGiven = before?.[purpose] === "given" || before?.[purpose] === "withdrawn";
          expect(after[purpose]).toBe(next[purpose] ? "given" : everGiven ? "withdrawn" : "refused");
        }
      }),
    );
  });

  test("withdrawal leaves nothing given, keeps refusals, and changes nothing else", () => {
    fc.assert(
      fc.property(history, (steps) => {
        const before = replay(steps);
        const after = withdraw(before);
        for (const purpose of PURPOSES) {
          expect(after[purpose]).not.toBe("given");
          if (before?.[purpose] === "refused" || before === undefined) expect(after[purpose]).toBe("refused");
          else expect(after[purpose]).toBe("withdrawn");
        }
      }),
    );
  });
});

describe("a case's status", () => {
  const latest = fc.record({
    parent: fc.option(history.map(replay), { nil: undefined }),
    "young-person": fc.option(history.map(replay), { nil: undefined }),
  });

  test("a purpose is given only when every person who decides has given it; withdrawn shows over refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECIDERS), latest, (decides, records) => {
        const statuses = caseStatuses(decides, records);
        for (const purpose of PURPOSES) {
          const each = partiesOf(decides).map((party) => records[party]?.[purpose] ?? "not-answered");
          expect(statuses[purpose] === "given").toBe(each.every((status) => status === "given"));
          if (each.includes("withdrawn")) expect(statuses[purpose]).toBe("withdrawn");
          else if (each.includes("refused")) expect(statuses[purpose]).toBe("refused");
          else if (each.includes("not-answered")) expect(statuses[purpose]).toBe("not-answered");
        }
        expect(contactStands(statuses)).toBe(statuses.contact === "given");
      }),
    );
  });

  test("records of someone who does not decide change nothing", () => {
    const given = decide(undefined, { contact: true, meet: true, records: true, quote: true });
    expect(caseStatuses("young-person", { parent: given }).contact).toBe("not-answered");
    expect(caseStatuses("parent", { parent: given, "young-person": withdraw(given) }).contact).toBe("given");
    expect(caseStatuses("both", { parent: given, "young-person": withdraw(given) }).contact).toBe("withdrawn");
  });

  test("who may answer for whom", () => {
    const table = PARTIES.flatMap((party) =>
      CAPACITIES.map((capacity) => [party, capacity, capacityProblem(party, capacity)]),
    );
    expect(table).toEqual([
      ["parent", "parent", null],
      ["parent", "carer", null],
      ["parent", "young-person", "parent-link"],
      ["parent", "legal-authority", null],
      ["young-person", "parent", "young-person-decides"],
      ["young-person", "carer", "young-person-decides"],
      ["young-person", "young-person", null],
      ["young-person", "legal-authority", null],
    ]);
  });
});

describe("the consent form", () => {
  const errorsOf = (schema: ReturnType<typeof DecisionSchema>, input: Record<string, string>) => {
    const result = schema.safeParse(input);
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  test("nothing is assumed: every purpose needs its own yes or no, and who is answering", () => {
    expect(errorsOf(DecisionSchema("parent"), {})).toEqual({
      capacity: "consent:form.plain.errors.capacity",
      contact: "consent:form.plain.errors.contact",
      meet: "consent:form.plain.errors.meet",
      records: "consent:form.plain.errors.records",
      quote: "consent:form.plain.errors.quote",
    });
    expect(
      errorsOf(DecisionSchema("young-person"), { capacity: "young-person", contact: "yes", meet: "maybe" }),
    ).toEqual({
      meet: "consent:form.easy.errors.meet",
      records: "consent:form.easy.errors.records",
      quote: "consent:form.easy.errors.quote",
    });
  });

  test("a parent cannot answer on a young person's link, nor a young person on the parent's", () => {
    const all = { contact: "yes", meet: "no", records: "no", quote: "yes" };
    expect(errorsOf(DecisionSchema("young-person"), { ...all, capacity: "carer" })).toEqual({
      capacity: "consent:form.easy.errors.youngPersonDecides",
    });
    expect(errorsOf(DecisionSchema("parent"), { ...all, capacity: "young-person" })).toEqual({
      capacity: "consent:form.plain.errors.parentLink",
    });
    expect(errorsOf(DecisionSchema("young-person"), { ...all, capacity: "legal-authority" })).toEqual({});
  });

  test("answers and preferences come out as a decision; long text is refused, not cut", () => {
    const parsed = DecisionSchema("parent").parse({
      capacity: "carer",
      contact: "yes",
      meet: "no",
      records: "yes",
      quote: "no",
      contactWay: "video",
      bsl: "yes",
      bestTimes: " after 3pm ",
    });
    expect(parsed.answers).toEqual({ contact: true, meet: false, records: true, quote: false });
    expect(parsed.preferences).toEqual({
      contactWay: "video",
      bestTimes: "after 3pm",
      interpreter: null,
      bsl: true,
      accessNeeds: null,
      note: null,
    });
    expect(
      errorsOf(DecisionSchema("parent"), {
        capacity: "parent",
        contact: "no",
        meet: "no",
        records: "no",
        quote: "no",
        note: "x".repeat(1001),
      }),
    ).toEqual({
      note: "consent:form.plain.errors.note",
    });
  });
});

describe("the local area's forms", () => {
  test("a case needs the contact of each person who decides, and only theirs", () => {
    const young = NewCaseSchema.safeParse({
      reference: "A-1",
      decides: "young-person",
      youngPersonName: "Sam",
      youngPersonPhone: "07700 900 982",
    });
    expect(young.success && young.data.contacts).toEqual([
      { party: "young-person", name: "Sam", email: null, phone: "07700 900 982", language: "en-GB" },
    ]);
    const both = NewCaseSchema.safeParse({
      reference: "A-2",
      decides: "both",
      parentName: "Pat",
      parentEmail: "not-an-email",
    });
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((issue) => issue.message)).toEqual([
      "consent:newCase.errors.parentEmail",
      "consent:newCase.errors.youngPersonName",
      "consent:newCase.errors.youngPersonContact",
    ]);
  });

  test("a decision recorded by staff says how, whose and in which language", () => {
    const missing = RecordSchema("both").safeParse({
      capacity: "parent",
      contact: "yes",
      meet: "yes",
      records: "yes",
      quote: "yes",
    });
    expect(missing.error?.issues.map((issue) => issue.path[0])).toEqual(["method", "party", "language"]);
    const single = RecordSchema("young-person").parse({
      method: "paper",
      capacity: "young-person",
      language: "ar",
      contact: "no",
      meet: "yes",
      records: "no",
      quote: "no",
    });
    expect(single).toMatchObject({ method: "paper", party: "young-person", language: "ar", answers: { meet: true } });
  });

  test("'happy to talk' takes how, in which language, and access needs", () => {
    const parsed = TalkSchema.parse({
      name: "Robin",
      phone: "07700 900 982",
      contactWay: "email",
      language: "Polish",
      agree: "yes",
    });
    expect(parsed).toMatchObject({ contactWay: "email", language: "Polish", accessNeeds: null });
    expect(
      TalkSchema.safeParse({ name: "Robin", phone: "07700 900 982", contactWay: "pigeon", agree: "yes" }).success,
    ).toBe(false);
  });
});

test("retention periods: 90 and 30 days by default, set in days", () => {
  expect(parseEnv({})).toMatchObject({ CONSENT_CONTACT_RETENTION_DAYS: 90, TALK_REQUEST_RETENTION_DAYS: 30 });
  expect(parseEnv({ CONSENT_CONTACT_RETENTION_DAYS: "180" }).CONSENT_CONTACT_RETENTION_DAYS).toBe(180);
  expect(() => parseEnv({ TALK_REQUEST_RETENTION_DAYS: "0" })).toThrow(
    /^Configuration error: TALK_REQUEST_RETENTION_DAYS must be at least 1\.$/,
  );
});
