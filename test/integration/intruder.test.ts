import { beforeAll, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { disclosureRules } from "~/results/results.server";
import * as commentsRoute from "~/routes/staff.inspections.$slug.results.comments";
import * as pageRoute from "~/routes/staff.inspections.$slug.results._index";
import * as csvRoute from "~/routes/staff.inspections.$slug.results[.csv]";
import * as jsonRoute from "~/routes/staff.inspections.$slug.results[.json]";
import * as printRoute from "~/routes/staff.inspections.$slug.results.print";
import * as questionRoute from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId._index";
import * as newQuestionRoute from "~/routes/staff.inspections.$slug.surveys.$audience.questions.new";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { futureDay1 } from "../support/inspections";
import { couldDiffer, ModelBuilder, type Seen } from "../support/intruder";
import { Respondent, run } from "../support/respondent";
import { signedInStaff } from "../support/staff";

/**
 * A motivated intruder with an inspector's access and the public link. Surveys are built and answered
 * through the real routes; every view an inspector has (the page, each breakdown, print, CSV, JSON,
 * comments) is read at two moments with one known response sent in between, and everything shown is fed
 * to an exact integer solver. It must not pin any true count from 1 to 4, nor the added response's
 * answers; nor can someone who sent all responses but one pin that one's answers.
 */
const M = disclosureRules.noise.maxAdjustment;
const RULES = disclosureRules;
let areas = 0;

interface Profile {
  scale?: string;
  multi?: string[];
  about?: string;
  text?: string;
}
interface Built {
  inspection: Inspection;
  inspector: Awaited<ReturnType<typeof signedInStaff>>;
  numbers: { scale: number; text: number; about: number; multi: number };
  ids: { scale: string; text: string; about: string; multi: string };
  values: { scale: string[]; about: string[]; multi: string[] };
}

/** A parents' survey cut down through the staff pages to four questions, one of them "choose any". */
async function buildSurvey(): Promise<Built> {
  areas += 1;
  const inspection = await createInspection(
    NewInspection.parse({ localAreaName: `Intrudershire ${areas}`, kind: "revisit", day1: futureDay1() }),
  );
  const inspector = await signedInStaff(`intruder-inspector${areas}@example.org`, {
    inspections: [[inspection.id, "inspector"]],
  });
  const survey = (await findSurvey(inspection.id, "parents"))!;
  const staffPost = (path: string, form: Record<string, string>) =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { Cookie: inspector.cookie, Origin: "http://localhost" },
      body: new URLSearchParams({ csrf: inspector.csrf, ...form }),
    });
  const base = `/staff/inspections/${inspection.slug}/surveys/parents/questions`;
  const defaults = await questionsOf(survey.id);
  const keep = new Set([defaults[0]!.id, defaults[8]!.id, defaults[10]!.id]); // a scale, a free text, EHC plan
  for (const question of defaults.filter((question) => !keep.has(question.id))) {
    const removed = await run(questionRoute.action, staffPost(`${base}/${question.id}`, { intent: "remove" }), {
      slug: inspection.slug,
      audience: "parents",
      questionId: question.id,
    });
    expect(removed.status).toBe(302);
  }
  const added = await run(
    newQuestionRoute.action,
    staffPost(`${base}/new?kind=multi`, {
      kind: "multi",
      text: "What has helped your child?",
      options: "Speech therapy\nA keyworker\nShort breaks",
    }),
    { slug: inspection.slug, audience: "parents" },
  );
  expect(added.status).toBe(302);
  // Open the survey now that it is written.
  await sql`
    update inspections set survey_opens_at = now() - interval '1 hour', survey_closes_at = now() + interval '1 hour'
    where id = ${inspection.id}`;
  const questions = await questionsOf(survey.id);
  const find = (kind: string) => questions.findIndex((question) => question.kind === kind);
  const numbers = { scale: find("scale") + 1, text: find("text") + 1, about: find("about-you") + 1, multi: find("multi") + 1 };
  const ids = {
    scale: questions[numbers.scale - 1]!.id,
    text: questions[numbers.text - 1]!.id,
    about: questions[numbers.about - 1]!.id,
    multi: questions[numbers.multi - 1]!.id,
  };
  const valuesOf = (number: number) => questions[number - 1]!.options.map((option) => option.value);
  return {
    inspection,
    inspector,
    numbers,
    ids,
    values: {
      scale: ["strongly-agree", "agree", "neither", "disagree", "strongly-disagree", "dont-know"],
      about: valuesOf(numbers.about),
      multi: valuesOf(numbers.multi),
    },
  };
}

async function send(built: Built, profile: Profile) {
  const answers: Record<number, string | string[]> = {};
  if (profile.scale) answers[built.numbers.scale] = profile.scale;
  if (profile.multi) answers[built.numbers.multi] = profile.multi;
  if (profile.about) answers[built.numbers.about] = profile.about;
  if (profile.text) answers[built.numbers.text] = profile.text;
  await new Respondent(built.inspection.slug).respond(answers);
}

/** Every view an inspector has of the parents' survey, read through the real loaders. */
async function readEverything(built: Built) {
  const slug = built.inspection.slug;
  const get = async (route: { loader: (args: any) => unknown }, path: string) => {
    const response = await run(
      route.loader,
      new Request(`http://localhost/staff/inspections/${slug}/${path}`, { headers: { Cookie: built.inspector.cookie } }),
      { slug },
    );
    expect(response.status).toBe(200);
    return response;
  };
  const page = await (await get(pageRoute, "results?survey=parents")).json();
  const breakdown = await (await get(pageRoute, `results?survey=parents&by=${built.ids.about}`)).json();
  const print = await (await get(printRoute, `results/print?survey=parents&by=${built.ids.about}`)).json();
  const csv = await (await get(csvRoute, `results.csv?survey=parents&by=${built.ids.about}`)).text();
  const json = await (await get(jsonRoute, "results.json")).json();
  const comments = await (await get(commentsRoute, "results/comments?survey=parents")).json();
  const parents = json.surveys.find((survey: { audience: string }) => survey.audience === "parents");
  return { page, breakdown, print, csv, json: parents, comments };
}
type Reading = Awaited<ReturnType<typeof readEverything>>;

const seenOf = (cell: { shown: string | null; count: number | null } | null): Seen | undefined =>
  !cell || cell.shown === null
    ? undefined
    : cell.shown === "count"
      ? { state: "shown", count: cell.count! }
      : cell.shown === "small"
        ? { state: "fewer" }
        : { state: "hidden" };

/** The views agree: the page, its breakdown, print and CSV say exactly what the JSON says. */
function expectViewsAgree(reading: Reading) {
  const { page, breakdown, print, csv, json } = reading;
  const numbers = (report: any) =>
    report.questions.map((question: any) => [
      question.status,
      question.answered,
      question.cells.map((cell: any) => [cell.state, cell.count, cell.percent]),
    ]);
  expect(numbers(breakdown.report)).toEqual(numbers(page.report));
  expect(print.report).toEqual(breakdown.report);
  expect(page.report.responses).toEqual({
    state: json.responses.shown === "count" ? "shown" : json.responses.shown === "small" ? "fewer" : "hidden",
    count: json.responses.count,
    percent: null,
  });
  for (const [index, question] of page.report.questions.entries()) {
    const exported = json.questions[index];
    expect(exported.status).toBe(question.status);
    if (question.status === "shown")
      expect(exported.answers.map((answer: any) => answer.count)).toEqual(question.cells.map((cell: any) => cell.count));
    else expect(exported.answers.every((answer: any) => answer.count === null)).toBe(true);
    const groups = breakdown.report.questions[index].breakdown?.groups ?? [];
    const exportedGroups = exported.breakdowns[0]?.groups ?? [];
    expect(exportedGroups.map((group: any) => [group.label, group.answered.count, group.answers.map((a: any) => a.count)])).toEqual(
      groups.map((group: any) => [group.label.text, group.total.count, group.cells.map((cell: any) => cell.count)]),
    );
  }
  // The CSV has the response count, how many answered and each group's total, as the page has them.
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  if (json.responses?.shown === "count") expect(lines[1]).toContain(`,${json.responses.count},`);
  for (const question of json.questions.filter((q: any) => q.status === "shown")) {
    if (question.answered.shown === "count")
      expect(lines.some((line) => line.startsWith(`${question.number},`) && line.includes(`,Answered,${question.answered.count},`))).toBe(true);
  }
}

/** What the intruder knows from one reading, as bounds and equations, with the unknown for each true count. */
function modelOf(json: any, built: Built) {
  const ceiling = json.responses?.shown === "count" ? json.responses.count + M : undefined;
  const b = new ModelBuilder(M, RULES.minCell, ceiling);
  const unknowns = new Map<string, number>();
  const gate = (cell: any, threshold: number) =>
    cell?.shown === "hidden" ? b.unknown(Math.max(0, threshold - M)) : b.seen(seenOf(cell), threshold);
  const responses = b.seen(seenOf(json.responses));
  unknowns.set("responses", responses);
  if (json.late) {
    const late = b.seen(seenOf(json.late));
    b.atMost([late], [responses]);
    unknowns.set("late", late);
  }
  const rows = new Map<string, { answered: number; cells: number[]; shown: boolean }>();
  for (const question of json.questions) {
    if (question.kind === "text") {
      b.atMost([b.exactly(question.comments ?? 0)], [responses]);
      continue;
    }
    const shown = question.status !== "too-few";
    const answered = shown ? gate(question.answered, RULES.minAnswers) : b.unknown(0, RULES.minAnswers - 1 + M);
    const cells = question.answers.map((answer: any) => b.seen(shown ? seenOf(answer) : undefined));
    const answers = question.kind === "multi" ? "any" : "one";
    b.row(answers, cells, answered);
    b.atMost([answered], [responses]);
    unknowns.set(`answered:${question.id}`, answered);
    question.answers.forEach((answer: any, column: number) => unknowns.set(`cell:${question.id}:${answer.value}`, cells[column]));
    rows.set(question.id, { answered, cells, shown });
  }
  const about = json.questions.find((question: any) => question.id === built.ids.about);
  const aboutRow = rows.get(built.ids.about)!;
  for (const question of json.questions) {
    if (question.kind === "text" || question.id === built.ids.about) continue;
    const whole = rows.get(question.id)!;
    const answers = question.kind === "multi" ? "any" : "one";
    const shownGroups = question.breakdowns.find((breakdown: any) => breakdown.by === built.ids.about)?.groups ?? [];
    const groupRows = about.answers.map((group: any, g: number) => {
      const seen = shownGroups.find((candidate: any) => candidate.value === group.value);
      const total = !whole.shown
        ? b.unknown()
        : seen
          ? gate(seen.answered, RULES.minGroup)
          : b.unknown(0, RULES.minGroup - 1 + M);
      const cells = question.answers.map((_: any, column: number) => b.seen(seenOf(seen?.answers[column] ?? null)));
      b.row(answers, cells, total);
      b.atMost([total], [aboutRow.cells[g]!]);
      unknowns.set(`group-total:${question.id}:${group.value}`, total);
      question.answers.forEach((answer: any, column: number) =>
        unknowns.set(`group:${question.id}:${group.value}:${answer.value}`, cells[column]),
      );
      return { total, cells };
    });
    const restTotal = b.unknown();
    const restCells = question.answers.map(() => b.unknown());
    b.row(answers, restCells, restTotal);
    b.equal([whole.answered], [...groupRows.map((row: any) => row.total), restTotal]);
    whole.cells.forEach((cell, column) => b.equal([cell], [...groupRows.map((row: any) => row.cells[column]), restCells[column]]));
    unknowns.set(`rest-total:${question.id}`, restTotal);
    question.answers.forEach((answer: any, column: number) => unknowns.set(`rest:${question.id}:${answer.value}`, restCells[column]));
  }
  return { model: b.model, unknowns };
}

/** The true count behind each of those unknowns, from the responses the test itself sent. */
function truthsOf(people: Array<Profile & { late?: boolean }>, built: Built): Map<string, number> {
  const truths = new Map<string, number>();
  const add = (key: string, n = 1) => truths.set(key, (truths.get(key) ?? 0) + n);
  truths.set("responses", people.length);
  truths.set("late", people.filter((person) => person.late).length);
  const questions: Array<[string, (p: Profile) => string[] | null, string[]]> = [
    [built.ids.scale, (p) => (p.scale ? [p.scale] : null), built.values.scale],
    [built.ids.multi, (p) => p.multi ?? null, built.values.multi],
    [built.ids.about, (p) => (p.about ? [p.about] : null), built.values.about],
  ];
  for (const [id, of, values] of questions) {
    truths.set(`answered:${id}`, 0);
    for (const value of values) truths.set(`cell:${id}:${value}`, 0);
    if (id !== built.ids.about) {
      truths.set(`rest-total:${id}`, 0);
      for (const value of values) truths.set(`rest:${id}:${value}`, 0);
      for (const group of built.values.about) {
        truths.set(`group-total:${id}:${group}`, 0);
        for (const value of values) truths.set(`group:${id}:${group}:${value}`, 0);
      }
    }
    for (const person of people) {
      const chosen = of(person);
      if (!chosen) continue;
      add(`answered:${id}`);
      for (const value of chosen) add(`cell:${id}:${value}`);
      if (id === built.ids.about) continue;
      if (person.about) {
        add(`group-total:${id}:${person.about}`);
        for (const value of chosen) add(`group:${id}:${person.about}:${value}`);
      } else {
        add(`rest-total:${id}`);
        for (const value of chosen) add(`rest:${id}:${value}`);
      }
    }
  }
  return truths;
}

function expectNoSmallCountPinned(reading: Reading, built: Built, people: Array<Profile & { late?: boolean }>) {
  const { model, unknowns } = modelOf(reading.json, built);
  const truths = truthsOf(people, built);
  let small = 0;
  for (const [key, unknown] of unknowns) {
    const truth = truths.get(key)!;
    expect(truth, key).toBeDefined();
    // The truth is always something the intruder must allow.
    expect(model.low[unknown]! <= truth && truth <= model.high[unknown]!, `${key} = ${truth}`).toBe(true);
    if (truth >= 1 && truth < RULES.minCell) {
      small += 1;
      expect(couldDiffer(model, unknown, truth), `${key} = ${truth} is pinned`).toBe(true);
    }
  }
  return small;
}

// 16 parents on time (small counts, a group of 3, a rarely ticked option) and 4 who finish late.
const onTime: Profile[] = [
  ...Array.from({ length: 7 }, (): Profile => ({ scale: "agree", multi: ["speech"], about: "ehc-plan", text: "The keyworker listened." })),
  ...Array.from({ length: 5 }, (): Profile => ({ scale: "strongly-agree", multi: ["speech", "keyworker"], about: "sen-support" })),
  ...Array.from({ length: 3 }, (): Profile => ({ scale: "disagree", multi: ["breaks"], about: "not-sure" })),
  { scale: "dont-know" },
];
const lateOnes: Profile[] = Array.from({ length: 4 }, () => ({ scale: "agree", multi: ["keyworker"], about: "ehc-plan" }));

describe("readings at two moments, one known response apart", () => {
  let built: Built;
  let first: Reading;
  let people: Array<Profile & { late?: boolean }>;
  let known: Respondent;

  beforeAll(async () => {
    built = await buildSurvey();
    const options = (values: string[]) => values; // multi options are option-1.. in order
    const multi = Object.fromEntries(["speech", "keyworker", "breaks"].map((name, i) => [name, options(built.values.multi)[i]!]));
    const real = (profile: Profile): Profile => ({ ...profile, multi: profile.multi?.map((name) => multi[name]!) });
    for (const profile of onTime) await send(built, real(profile));
    // Four start before the close and finish in the grace period: their responses are late.
    const late = lateOnes.map(() => new Respondent(built.inspection.slug));
    for (const respondent of late) await respondent.answer(built.numbers.scale, "agree");
    // The intruder starts one more response before the close too, to send between the two readings.
    known = new Respondent(built.inspection.slug);
    await known.answer(built.numbers.scale, "strongly-disagree");
    await sql`
      update inspections set survey_opens_at = now() - interval '3 hours', survey_closes_at = now() - interval '10 minutes'
      where id = ${built.inspection.id}`;
    await sql`update survey_drafts set started_at = now() - interval '1 hour'`;
    for (const respondent of late)
      await respondent.respond({ [built.numbers.multi]: [multi.keyworker!], [built.numbers.about]: "ehc-plan" });
    people = [...onTime.map(real), ...lateOnes.map((profile) => ({ ...real(profile), late: true }))];
    first = await readEverything(built);
  });

  test("every view shows the same protected numbers, with the late count as a count like any other", () => {
    expectViewsAgree(first);
    expect(first.json.responses.shown).not.toBeNull();
    expect(first.json.late).not.toBeNull();
    // 4 late responses: never shown as 4.
    expect(first.json.late.count).not.toBe(4);
    expect(first.comments.shown).toBe(true);
  });

  test("an exact solver fed everything shown pins no true count from 1 to 4 (groups, totals, the rest)", () => {
    expect(expectNoSmallCountPinned(first, built, people)).toBeGreaterThan(10);
  });

  test("one more response, whose answers the intruder knows, changes nothing anyone can read", async () => {
    await known.respond({ [built.numbers.multi]: [built.values.multi[2]!], [built.numbers.text]: "Nobody called me back." });
    const second = await readEverything(built);
    expectViewsAgree(second);
    const { csv, json } = second;
    expect(json).toEqual(first.json);
    expect(csv).toEqual(first.csv);
    expect(second.page.report).toEqual(first.page.report);
    // Comments come in a new random order with each reading, but the same comments, and not the new one.
    const texts = (reading: Reading) => reading.comments.comments.map((comment: any) => JSON.stringify(comment.segments)).sort();
    expect(texts(second)).toEqual(texts(first));
    expect(JSON.stringify(second.comments)).not.toContain("called me back");
    // So the solver has nothing more: the added answers are in no number shown, and small counts stay safe.
    expectNoSmallCountPinned(second, built, people);
  });
});

describe("someone who sent every response but one", () => {
  test("cannot pin the other parent's answer to any question from everything shown", async () => {
    const built = await buildSurvey();
    const [speech, keyworker, breaks] = built.values.multi as [string, string, string];
    // Nine responses of the intruder's own, all alike, then one real parent's.
    const own: Profile = { scale: "agree", multi: [speech], about: "ehc-plan" };
    for (let i = 0; i < 9; i += 1) await send(built, own);
    const parent: Profile = { scale: "disagree", multi: [keyworker, breaks], about: "sen-support" };
    await send(built, parent);
    const reading = await readEverything(built);
    expectViewsAgree(reading);
    expect(reading.json.responses).not.toBeNull();

    // Every answer the other parent could have given: the intruder keeps those consistent with all shown.
    const scaleChoices = [undefined, ...built.values.scale];
    const multiChoices = [undefined, ...subsets(built.values.multi)];
    const aboutChoices = [undefined, ...built.values.about];
    const consistent: Profile[] = [];
    for (const scale of scaleChoices)
      for (const multi of multiChoices)
        for (const about of aboutChoices) {
          const candidate: Profile = { scale, multi, about };
          const people = [...Array.from({ length: 9 }, () => own), candidate];
          if (fits(reading, built, people)) consistent.push(candidate);
        }
    expect(fits(reading, built, [...Array.from({ length: 9 }, () => own), parent])).toBe(true);
    // For each question, some consistent possibility gives a different answer from the real one.
    expect(consistent.some((candidate) => candidate.scale !== parent.scale)).toBe(true);
    expect(consistent.some((candidate) => JSON.stringify(candidate.multi) !== JSON.stringify(parent.multi))).toBe(true);
    expect(consistent.some((candidate) => candidate.about !== parent.about)).toBe(true);
  });
});

const subsets = (values: string[]) =>
  Array.from({ length: 2 ** values.length - 1 }, (_, mask) => values.filter((_, i) => ((mask + 1) >> i) & 1));

/** Whether these true counts could have produced everything shown (each count against what was seen of it). */
function fits(reading: Reading, built: Built, people: Profile[]): boolean {
  const { model, unknowns } = modelOf(reading.json, built);
  const truths = truthsOf(people, built);
  const low = [...model.low];
  const high = [...model.high];
  for (const [key, unknown] of unknowns) {
    const truth = truths.get(key)!;
    if (truth < low[unknown]! || truth > high[unknown]!) return false;
    low[unknown] = truth;
    high[unknown] = truth;
  }
  // With every count fixed, only the slacks of the inequalities are left to check.
  return couldSatisfy({ ...model, low, high });
}

function couldSatisfy(model: { low: number[]; high: number[]; equations: Array<Array<[number, 1 | -1]>> }) {
  return model.equations.every((terms) => {
    let min = 0;
    let max = 0;
    for (const [v, s] of terms) {
      min += s > 0 ? model.low[v]! : -model.high[v]!;
      max += s > 0 ? model.high[v]! : -model.low[v]!;
    }
    return min <= 0 && 0 <= max;
  });
}
