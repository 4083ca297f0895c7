import { beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { recordAudit } from "~/results/audit.server";
import { reportCsv, reportJson } from "~/results/export";
import {
  addRedactedPhrase,
  addSettingNames,
  removalsWaiting,
  removeSettingName,
} from "~/results/redaction-lists.server";
import { disclosureRules, readResults } from "~/results/results.server";
import * as commentsRoute from "~/routes/staff.inspections.$slug.results.comments";
import * as resultsRoute from "~/routes/staff.inspections.$slug.results._index";
import * as settingNamesRoute from "~/routes/staff.inspections.$slug.setting-names";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { addResponses, times } from "../support/responses";
import { signedInStaff } from "../support/staff";
import { futureDay1 } from "../support/inspections";

let inspection: Inspection;
let inspector: Awaited<ReturnType<typeof signedInStaff>>;
let surveyId: string;
let q: Record<"agreeFirst" | "text1" | "ehc" | "age", string>;
let count = 0;

beforeEach(async () => {
  count += 1;
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: `Resultshire ${count}`, kind: "revisit", day1: futureDay1() }),
  );
  surveyId = (await findSurvey(inspection.id, "parents"))!.id;
  const questions = await questionsOf(surveyId);
  q = { agreeFirst: questions[0]!.id, text1: questions[8]!.id, ehc: questions[10]!.id, age: questions[11]!.id };
  inspector = await signedInStaff(`inspector${count}@example.org`, { inspections: [[inspection.id, "inspector"]] });
});

/** The parents' results as the results page reads them, signed in as the inspection's inspector. */
const results = (by?: string) =>
  readResults(
    new Request(
      `http://localhost/staff/inspections/${inspection.slug}/results?${new URLSearchParams(by ? { by } : {})}`,
      {
        headers: { Cookie: inspector.cookie },
      },
    ),
    inspection.slug,
    "page",
  );
const first = async (by?: string) => (await results(by)).report.questions[0]!;
const M = disclosureRules.noise.maxAdjustment;
/** Every published count is the true one give or take the noise, and never a number under 5. */
function expectPublished(cell: { state: string; count: number | null }, truth: number) {
  if (cell.state === "shown") {
    expect(cell.count!).toBeGreaterThanOrEqual(5);
    expect(Math.abs(cell.count! - truth)).toBeLessThanOrEqual(M);
  } else expect(cell.count).toBeNull();
}

describe("small surveys", () => {
  test("9 responses: no results yet, not even the comments", async () => {
    await addResponses(sql, surveyId, times(9, { [q.agreeFirst]: "agree", [q.text1]: "Tom's school was great" }));
    const { report } = await results();
    expect(report.snapshot).toBeNull();
    expect(report.responses).toBeNull();
    expect(
      report.questions
        .filter((question) => question.kind !== "text")
        .every((question) => question.status === "too-few"),
    ).toBe(true);
    expect(report.questions[8]).toMatchObject({ status: "comments", comments: null });
  });

  test("a count of 3 is never shown as 3, nor any zero as 0; percentages come from the numbers shown", async () => {
    // 20 answers: published as at least 12, so the question is always shown.
    await addResponses(sql, surveyId, [
      ...times(17, { [q.agreeFirst]: "agree" }),
      ...times(3, { [q.agreeFirst]: "disagree" }),
    ]);
    const question = await first();
    expect(question.status).toBe("shown");
    expectPublished(question.answered!, 20);
    // strongly agree, agree, neither, disagree, strongly disagree, don't know
    [0, 17, 0, 3, 0, 0].forEach((truth, column) => expectPublished(question.cells[column]!, truth));
    for (const column of [0, 2, 4, 5]) expect(question.cells[column]!.state).not.toBe("shown");
    for (const cell of question.cells.filter((cell) => cell.state === "shown"))
      expect(cell.percent).toBe(
        question.answered!.state === "shown" ? Math.round((cell.count! / question.answered!.count!) * 100) : null,
      );
  });

  test("large counts are shown close to the truth, the same at every reading, 'don't know' apart", async () => {
    await addResponses(sql, surveyId, [
      ...times(60, { [q.agreeFirst]: "strongly-agree" }),
      ...times(90, { [q.agreeFirst]: "agree" }),
      ...times(50, { [q.agreeFirst]: "dont-know" }),
    ]);
    const question = await first();
    [60, 90, 0, 0, 0, 50].forEach((truth, column) => expectPublished(question.cells[column]!, truth));
    expect(question.cells.filter((cell) => cell.state === "shown")).toHaveLength(3);
    expect(question.columns.map((column) => column.apart)).toEqual([false, false, false, false, false, true]);
    expect(await first()).toEqual(question);
  });
});

describe("snapshots", () => {
  test("results change only once at least 10 new responses have arrived", async () => {
    await addResponses(sql, surveyId, times(20, { [q.agreeFirst]: "agree" }));
    const before = await results();
    expect(before.report.snapshot?.number).toBe(1);
    await addResponses(sql, surveyId, times(9, { [q.agreeFirst]: "disagree" }));
    const same = await results();
    expect(same.report).toEqual(before.report);
    await addResponses(sql, surveyId, times(1, { [q.agreeFirst]: "disagree" }));
    const after = await results();
    expect(after.report.snapshot?.number).toBe(2);
    expectPublished(after.report.questions[0]!.answered!, 30);
    expectPublished(after.report.questions[0]!.cells[3]!, 10);
  });

  test("a snapshot is stored in the database, and reading again gives the same numbers", async () => {
    await addResponses(sql, surveyId, times(25, { [q.agreeFirst]: "agree" }));
    const once = (await results()).report;
    const [{ n }] = await sql<[{ n: number }]>`
      select count(*)::int as n from results_snapshots where survey_id = ${surveyId}`;
    expect(n).toBe(1);
    expect((await results()).report).toEqual(once);
  });
});

describe("breakdowns", () => {
  test("by an about-you answer: groups with enough people, with their totals, close to the truth", async () => {
    await addResponses(sql, surveyId, [
      ...times(30, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" }),
      ...times(20, { [q.agreeFirst]: "disagree", [q.ehc]: "sen-support" }),
      ...times(20, { [q.agreeFirst]: "agree", [q.ehc]: "sen-support" }),
      ...times(3, { [q.agreeFirst]: "agree", [q.ehc]: "not-sure" }),
    ]);
    const question = await first(q.ehc);
    const groups = question.breakdown!.groups;
    expect(groups.map((group) => group.label.text)).toEqual(["Yes, they have an EHC plan", "No, they get SEN support"]);
    expectPublished(groups[0]!.total, 30);
    expectPublished(groups[1]!.total, 40);
    expectPublished(groups[0]!.cells[1]!, 30);
    expectPublished(groups[1]!.cells[3]!, 20);
    // The overall row is the same with or without the breakdown: everything is protected together.
    const plain = await first();
    expect(plain.cells).toEqual(question.cells);
  });

  test("a group of 3 is not shown", async () => {
    await addResponses(sql, surveyId, [
      ...times(25, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" }),
      ...times(3, { [q.agreeFirst]: "disagree", [q.ehc]: "not-sure" }),
    ]);
    const question = await first(q.ehc);
    expect(question.status).toBe("shown");
    expect(question.breakdown!.groups.map((group) => group.label.text)).toEqual(["Yes, they have an EHC plan"]);
  });
});

describe("exports", () => {
  test("the CSV and the JSON carry exactly what the page shows, with the response count and group totals", async () => {
    await addResponses(sql, surveyId, [
      ...times(27, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" }),
      ...times(3, { [q.agreeFirst]: "disagree", [q.ehc]: "ehc-plan" }),
    ]);
    const { report } = await results(q.ehc);
    const csv = reportCsv(report, {
      headers: ["n", "q", "f", "g", "a", "c", "p"],
      fewer: "fewer than 5",
      hidden: "not shown",
      tooFew: "too few",
      withheld: "withheld",
      comments: "comments",
      responses: "Responses",
      late: "Late",
      answered: "Answered",
      noResults: "none yet",
    });
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    const text = (cell: { state: string; count: number | null }) =>
      cell.state === "shown" ? String(cell.count) : cell.state === "fewer" ? "fewer than 5" : "not shown";
    expect(lines[1]).toBe(`,Responses,,,,${text(report.responses!)},`);
    /** The fields of one CSV line, quotes undone. */
    const fields = (line: string) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field]) =>
        field!.startsWith('"') ? field!.slice(1, -1).replace(/""/g, '"') : field!,
      );
    const agreeFirst = lines.filter((line) => line.startsWith("1,"));
    const question = report.questions[0]!;
    const group = question.breakdown!.groups[0]!;
    expect(agreeFirst.map((line) => fields(line).slice(3, 6).join(","))).toEqual([
      `,Answered,${text(question.answered!)}`,
      ...question.columns.map((column, i) => `,${column.label.text},${text(question.cells[i]!)}`),
      `${group.label.text},Answered,${text(group.total)}`,
      ...question.columns.map((column, i) => `${group.label.text},${column.label.text},${text(group.cells[i]!)}`),
    ]);
    expect(csv).not.toMatch(/,3,/);
    const all = await readResults(
      new Request(`http://localhost/staff/inspections/${inspection.slug}/results.json`, {
        headers: { Cookie: inspector.cookie },
      }),
      inspection.slug,
      "json",
    );
    const json = reportJson(all.surveys[0]!.report);
    expect(json.responses).toEqual({
      shown: { shown: "count", fewer: "small", hidden: "hidden" }[report.responses!.state],
      count: report.responses!.count,
    });
    expect(json.questions[0]!.answers.map((answer) => answer.count)).toEqual(question.cells.map((cell) => cell.count));
    const exported = json.questions[0]!.breakdowns.find((breakdown) => breakdown.by === q.ehc)!;
    expect(exported.groups[0]).toMatchObject({ label: group.label.text, answered: { count: group.total.count } });
    expect(exported.groups[0]!.answers.map((answer) => answer.count)).toEqual(group.cells.map((cell) => cell.count));
  });
});

describe("the audit log", () => {
  test("every view is appended, and the database refuses to change or delete it", async () => {
    const { user } = { user: { id: "1", email: "someone@example.org", globalRoles: [], inspectionRoles: {} } };
    await recordAudit(user, inspection.id, "results.view", { survey: "parents" });
    const [entry] = await sql`select id from audit_log where inspection_id = ${inspection.id}`;
    await expect(sql`update audit_log set staff_email = 'x' where id = ${entry!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${entry!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`).rejects.toThrow(/append-only/);
  });
});

describe("comments", () => {
  const read = async (cookie: string) => {
    const response = (await commentsRoute.loader({
      request: new Request(`http://localhost/staff/inspections/${inspection.slug}/results/comments?survey=parents`, {
        headers: { Cookie: cookie },
      }),
      params: { slug: inspection.slug },
      context: { cspNonce: "", clientAddress: "" },
    })) as Response;
    return (await response.json()) as {
      shown: boolean;
      flagged: Array<{ segments: unknown[] }>;
      comments: Array<{ segments: unknown[] }>;
    };
  };
  const plain = (segments: unknown[]) =>
    segments
      .map((segment) => (typeof segment === "string" ? segment : `[${(segment as { tag: string }).tag}]`))
      .join("");

  const staffUser = async (id: string) => (await import("~/auth/staff.server").then((m) => m.findStaffUser(id)))!;

  test("are redacted, with possible risks to a child first, and the reading is logged", async () => {
    const lead = await signedInStaff(`lead${count}@example.org`, { inspections: [[inspection.id, "inspector"]] });
    await addSettingNames(inspection.id, ["Oakfield Primary"], await staffUser(lead.id));
    await addResponses(sql, surveyId, [
      { [q.text1]: "Call me on 07700 900982 about my son Tom at Oakfield Primary" },
      { [q.text1]: "He comes home with bruises and says he is scared to go home" },
      { [q.text1]: "my son is called jack and he waits" },
      ...times(7, { [q.agreeFirst]: "agree" }),
    ]);
    const page = await read(lead.cookie);
    expect(page.shown).toBe(true);
    expect(page.flagged.map((comment) => plain(comment.segments))).toEqual([
      "He comes home with bruises and says he is scared to go home",
    ]);
    expect(page.comments.map((comment) => plain(comment.segments))).toEqual(
      expect.arrayContaining(["Call me on [phone] about my son [name] at [setting]", "my son is called [name] and he waits"]),
    );

    await addRedactedPhrase(inspection.id, "bruises", await staffUser(lead.id));
    expect((await read(lead.cookie)).comments.map((comment) => plain(comment.segments))).toContain(
      "He comes home with [redacted] and says he is scared to go home",
    );
    // A phrase reaching into something redacted matches nothing: it cannot bring any of it back.
    await addRedactedPhrase(inspection.id, "on 07700", await staffUser(lead.id));
    expect((await read(lead.cookie)).comments.map((comment) => plain(comment.segments))).toContain(
      "Call me on [phone] about my son [name] at [setting]",
    );
    const logged = await sql`
      select action, detail from audit_log where inspection_id = ${inspection.id} and staff_user_id = ${lead.id} order by id`;
    expect(logged.map((entry) => entry.action)).toEqual([
      "results.setting-names",
      "results.comments",
      "results.redact",
      "results.comments",
      "results.redact",
      "results.comments",
    ]);
    // The phrase and the name themselves are not kept in the log, which can never be deleted.
    expect(JSON.stringify(logged)).not.toMatch(/bruises|Oakfield|07700/);
  });

  test("new comments arrive only with a snapshot", async () => {
    await addResponses(sql, surveyId, times(10, { [q.text1]: "The first ten" }));
    expect((await read(inspector.cookie)).comments).toHaveLength(10);
    await addResponses(sql, surveyId, times(5, { [q.text1]: "Five more" }));
    const page = await read(inspector.cookie);
    expect(page.comments.map((comment) => plain(comment.segments))).not.toContain("Five more");
    await addResponses(sql, surveyId, times(5, { [q.text1]: "Five more" }));
    expect((await read(inspector.cookie)).comments).toHaveLength(20);
  });

  test("taking a name off the list waits for an inspector once others have read the comments; all of it audited", async () => {
    const lano = await signedInStaff(`lano-names${count}@example.org`, { inspections: [[inspection.id, "lano"]] });
    const lanoUser = await staffUser(lano.id);
    await addSettingNames(inspection.id, ["Oakfield Primary", "Riverside Academy"], lanoUser);
    // Nobody has read comments yet: the removal takes effect at once.
    expect(await removeSettingName(inspection.id, "Riverside Academy", lanoUser)).toBe("removed");
    await addResponses(sql, surveyId, [...times(9, { [q.agreeFirst]: "agree" }), { [q.text1]: "Oakfield Primary were kind" }]);
    await read(inspector.cookie);
    expect(await removeSettingName(inspection.id, "Oakfield Primary", lanoUser)).toBe("waiting");
    expect(plain((await read(inspector.cookie)).comments[0]!.segments)).toBe("[setting] were kind");
    expect(await removalsWaiting(inspection.id)).toEqual(["Oakfield Primary"]);
    // Through the page: the LANO cannot confirm it; the inspector can.
    const post = (cookie: string, csrf: string, intent: string) =>
      settingNamesRoute
        .action({
          request: new Request(`http://localhost/staff/inspections/${inspection.slug}/setting-names`, {
            method: "POST",
            headers: { Cookie: cookie, Origin: "http://localhost" },
            body: new URLSearchParams({ csrf, intent, name: "Oakfield Primary" }),
          }),
          params: { slug: inspection.slug },
          context: { cspNonce: "", clientAddress: "" },
        })
        .catch((thrown: Response) => thrown);
    expect(((await post(lano.cookie, lano.csrf, "confirm-removal")) as Response).status).toBe(403);
    expect(((await post(inspector.cookie, inspector.csrf, "confirm-removal")) as Response).status).toBe(302);
    expect(plain((await read(inspector.cookie)).comments[0]!.segments)).toBe("Oakfield Primary were kind");
    const logged = await sql<{ email: string; detail: { change: string } }[]>`
      select staff_email as email, detail from audit_log
      where inspection_id = ${inspection.id} and action = 'results.setting-names' order by id`;
    expect(logged.map((entry) => [entry.email, entry.detail.change])).toEqual([
      [`lano-names${count}@example.org`, "added"],
      [`lano-names${count}@example.org`, "removed"],
      [`lano-names${count}@example.org`, "removal-requested"],
      [`inspector${count}@example.org`, "removal-confirmed"],
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/Oakfield|Riverside/);
  });

  test("the results page is refused to the local area and the forum", async () => {
    for (const role of ["lano", "pcf"] as const) {
      const member = await signedInStaff(`${role}${count}@example.org`, { inspections: [[inspection.id, role]] });
      const outcome = await Promise.resolve(
        resultsRoute.loader({
          request: new Request(`http://localhost/staff/inspections/${inspection.slug}/results`, {
            headers: { Cookie: member.cookie },
          }),
          params: { slug: inspection.slug },
          context: { cspNonce: "", clientAddress: "" },
        }),
      ).catch((thrown: Response) => thrown);
      expect((outcome as Response).status).toBe(403);
    }
  });
});
