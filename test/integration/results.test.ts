import { beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { recordAudit } from "~/results/audit.server";
import { reportCsv, reportJson } from "~/results/export";
import { addRedactedPhrase, addSettingNames } from "~/results/redaction-lists.server";
import { readResults } from "~/results/results.server";
import * as commentsRoute from "~/routes/staff.inspections.$slug.results.comments";
import * as resultsRoute from "~/routes/staff.inspections.$slug.results._index";
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
const states = (cells: Array<{ state: string; count: number | null }>) =>
  cells.map((cell) => (cell.state === "shown" ? cell.count : cell.state));

describe("small surveys", () => {
  test("9 responses: nothing is shown, not even the comments", async () => {
    await addResponses(sql, surveyId, times(9, { [q.agreeFirst]: "agree", [q.text1]: "Tom's school was great" }));
    const { report } = await results();
    expect(report.responses).toBe(9);
    expect(
      report.questions
        .filter((question) => question.kind !== "text")
        .every((question) => question.status === "too-few"),
    ).toBe(true);
    expect(report.questions[8]).toMatchObject({ status: "comments", comments: null });
  });

  test("10 responses with a count of 3: it shows as 'fewer than 5' and the 7 is hidden with it", async () => {
    await addResponses(sql, surveyId, [
      ...times(7, { [q.agreeFirst]: "agree" }),
      ...times(3, { [q.agreeFirst]: "disagree" }),
    ]);
    const question = await first();
    expect(question.status).toBe("shown");
    expect(question.answered).toBe(10);
    // strongly agree, agree, neither, disagree, strongly disagree, don't know
    expect(states(question.cells)).toEqual([0, "hidden", 0, "fewer", 0, 0]);
    expect(question.cells.map((cell) => cell.percent)).toEqual([0, null, 0, null, 0, 0]);
  });

  test("counts of 5 or more are shown with percentages, 'don't know' apart", async () => {
    await addResponses(sql, surveyId, [
      ...times(6, { [q.agreeFirst]: "strongly-agree" }),
      ...times(9, { [q.agreeFirst]: "agree" }),
      ...times(5, { [q.agreeFirst]: "dont-know" }),
    ]);
    const question = await first();
    expect(states(question.cells)).toEqual([6, 9, 0, 0, 0, 5]);
    expect(question.cells.map((cell) => cell.percent)).toEqual([30, 45, 0, 0, 0, 25]);
    expect(question.columns.map((column) => column.apart)).toEqual([false, false, false, false, false, true]);
  });
});

describe("breakdowns", () => {
  test("by an about-you answer, showing only groups of 10 or more", async () => {
    await addResponses(sql, surveyId, [
      ...times(12, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" }),
      ...times(6, { [q.agreeFirst]: "disagree", [q.ehc]: "sen-support" }),
      ...times(6, { [q.agreeFirst]: "agree", [q.ehc]: "sen-support" }),
      ...times(5, { [q.agreeFirst]: "agree", [q.ehc]: "not-sure" }),
    ]);
    const question = await first(q.ehc);
    expect(question.breakdown!.groups.map((group) => [group.label.text, group.total, states(group.cells)])).toEqual([
      ["Yes, they have an EHC plan", 12, [0, 12, 0, 0, 0, 0]],
      ["No, they get SEN support", 12, [0, 6, 0, 6, 0, 0]],
    ]);
  });

  test("when a small group left out could be worked out from the others, no breakdown is shown", async () => {
    // 'Not sure' (3 people, all disagreeing) would follow from the whole minus the shown groups.
    await addResponses(sql, surveyId, [
      ...times(12, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" }),
      ...times(6, { [q.agreeFirst]: "disagree", [q.ehc]: "sen-support" }),
      ...times(6, { [q.agreeFirst]: "agree", [q.ehc]: "sen-support" }),
      ...times(3, { [q.agreeFirst]: "disagree", [q.ehc]: "not-sure" }),
    ]);
    const question = await first(q.ehc);
    expect(question.breakdown).toMatchObject({ groups: [] });
    expect(states(question.cells)).toEqual([0, 18, 0, 9, 0, 0]);
  });

  test("a question that cannot be broken down safely says so and is shown on its own", async () => {
    await addResponses(sql, surveyId, [...times(15, { [q.agreeFirst]: "agree", [q.ehc]: "ehc-plan" })]);
    const question = await first(q.ehc);
    expect(question.status).toBe("shown");
    expect(question.breakdown?.groups.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe("exports", () => {
  test("the CSV and the JSON carry exactly what the page shows; suppressed counts stay suppressed", async () => {
    await addResponses(sql, surveyId, [
      ...times(7, { [q.agreeFirst]: "agree" }),
      ...times(3, { [q.agreeFirst]: "disagree" }),
    ]);
    const { report } = await results();
    const csv = reportCsv(report, {
      headers: ["n", "q", "f", "g", "a", "c", "p"],
      fewer: "fewer than 5",
      hidden: "not shown",
      tooFew: "too few",
      withheld: "withheld",
      comments: "comments",
    });
    const lines = csv.trim().split("\r\n");
    const agreeFirst = lines.filter((line) => line.startsWith("1,"));
    expect(agreeFirst.map((line) => line.split(",").slice(-2).join(","))).toEqual([
      "0,0",
      "not shown,",
      "0,0",
      "fewer than 5,",
      "0,0",
      "0,0",
    ]);
    expect(csv).not.toMatch(/,7,|,3,/);
    const json = reportJson(report);
    expect(json.questions[0]!.answers.map((answer) => [answer.shown, answer.count])).toEqual([
      ["count", 0],
      ["hidden", null],
      ["count", 0],
      ["small", null],
      ["count", 0],
      ["count", 0],
    ]);
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

  test("are redacted, with possible risks to a child first, and the reading is logged", async () => {
    const lead = await signedInStaff(`lead${count}@example.org`, { inspections: [[inspection.id, "inspector"]] });
    await addSettingNames(inspection.id, ["Oakfield Primary"]);
    await addResponses(sql, surveyId, [
      { [q.text1]: "Call me on 07700 900982 about my son Tom at Oakfield Primary" },
      { [q.text1]: "He comes home with bruises and says he is scared to go home" },
      ...times(8, { [q.agreeFirst]: "agree" }),
    ]);
    const page = await read(lead.cookie);
    expect(page.shown).toBe(true);
    expect(page.flagged.map((comment) => plain(comment.segments))).toEqual([
      "He comes home with bruises and says he is scared to go home",
    ]);
    expect(page.comments.map((comment) => plain(comment.segments))).toContain(
      "Call me on [phone] about my son [name] at [setting]",
    );

    await addRedactedPhrase(
      inspection.id,
      "bruises",
      (await import("~/auth/staff.server").then((m) => m.findStaffUser(lead.id)))!,
    );
    expect((await read(lead.cookie)).comments.map((comment) => plain(comment.segments))).toContain(
      "He comes home with [redacted] and says he is scared to go home",
    );
    const logged = await sql`
      select action, detail from audit_log where inspection_id = ${inspection.id} and staff_user_id = ${lead.id} order by id`;
    expect(logged.map((entry) => entry.action)).toEqual(["results.comments", "results.redact", "results.comments"]);
    // The phrase itself is not kept in the log, which can never be deleted.
    expect(JSON.stringify(logged)).not.toContain("bruises");
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
