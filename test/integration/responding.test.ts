import { beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import * as checkRoute from "~/routes/s.$slug.$audience.check";
import * as questionRoute from "~/routes/s.$slug.$audience.questions.$number";
import * as talkRoute from "~/routes/s.$slug.talk";
import { createCookie } from "@remix-run/node";
import { sha256 } from "~/auth/sessions.server";
import {
  emailResumeLink,
  findDraft,
  movePendingAtClose,
  resumableUntil,
  submitDraft,
} from "~/surveys/drafts.server";
import { keepDraft, loadPublicSurvey } from "~/surveys/public-survey.server";
import { surveyDrafts } from "~/retention/rules.server";
import { futureDay1 } from "../support/inspections";

/**
 * The parent survey driven through its real route actions, as a browser would: cookies in, cookies out.
 */
const USER_AGENT = "Mozilla/5.0 (UA-MARKER-7731)";
const CLIENT = "203.0.113.77";
const context = { cspNonce: "", clientAddress: CLIENT };

let inspection: Inspection;
let counter = 0;

class Browser {
  cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  request(path: string, form?: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form ?? {})) for (const one of [value].flat()) body.append(name, one);
    return new Request(`http://localhost${path}`, {
      method: form ? "POST" : "GET",
      headers: { Cookie: this.header(), "User-Agent": USER_AGENT, "Accept-Language": "pl" },
      body: form ? body : undefined,
    });
  }
}

async function run(
  handler: (args: any) => unknown,
  request: Request,
  params: Record<string, string>,
): Promise<Response> {
  try {
    return (await handler({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const base = () => `/s/${inspection.slug}/parents`;

/** The draft id a browser's cookie holds, read as the app reads it. */
async function draftIdOf(browser: Browser): Promise<string> {
  const [name] = [...browser.cookies.keys()].filter((cookie) => cookie.startsWith("draft-"));
  return createCookie(name!).parse(browser.header());
}

async function answer(browser: Browser, number: number, form: Record<string, string | string[]>) {
  const response = await run(questionRoute.action, browser.request(`${base()}/questions/${number}`, form), {
    slug: inspection.slug,
    audience: "parents",
    number: String(number),
  });
  browser.take(response);
  return response;
}

async function submit(browser: Browser, form: Record<string, string> = {}) {
  const response = await run(checkRoute.action, browser.request(`${base()}/check`, form), {
    slug: inspection.slug,
    audience: "parents",
  });
  browser.take(response);
  return response;
}

async function setWindow(opens: string, closes: string) {
  await sql`
    update inspections set survey_opens_at = now() + ${opens}::interval, survey_closes_at = now() + ${closes}::interval
    where id = ${inspection.id}`;
}

beforeEach(async () => {
  counter += 1;
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: `Answershire ${counter}`, kind: "revisit", day1: futureDay1() }),
  );
  await setWindow("-1 hour", "1 hour");
});

/** Responses submitted, whether still waiting for their batch of 10 or already moved into `responses`. */
const responsesCount = async () => {
  const [{ n }] = await sql<[{ n: number }]>`
    select count(*)::int as n from (select survey_id from responses union all select survey_id from pending_responses) r
    join surveys s on s.id = r.survey_id where s.inspection_id = ${inspection.id}`;
  return n;
};

/** Moves this inspection's waiting responses into `responses` now, as the close would. */
const moveAll = async () => {
  for (const { id } of await sql<{ id: string }[]>`select id from surveys where inspection_id = ${inspection.id}`)
    await movePendingAtClose(id);
};

describe("answering", () => {
  test("each answer is saved to a draft found through a cookie; the last goes to 'check your answers'", async () => {
    const browser = new Browser();
    const first = await answer(browser, 1, { answer: "agree", src: "school" });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${base()}/questions/2`);
    expect(browser.cookies.size).toBe(1);

    await answer(browser, 12, { answer: "11-15" });
    const open = await loadPublicSurvey(inspection.slug, "parents");
    const draftId = await draftIdOf(browser);
    const draft = await findDraft(draftId, open.survey);
    expect(Object.values(draft!.answers)).toEqual(["agree", "11-15"]);
    expect(draft!.channel).toBe("school");
    // Only the hash of the cookie's id is stored: the id itself is nowhere in the row, in any encoding.
    const [stored] = await sql<{ idHash: Buffer; row: string }[]>`
      select id_hash, d::text as row from survey_drafts d where survey_id = ${open.survey.id}`;
    expect(stored!.idHash).toEqual(sha256(draftId));
    for (const form of [draftId, Buffer.from(draftId).toString("hex")]) expect(stored!.row).not.toContain(form);
  });

  test("an answer can be changed or cleared by skipping", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    await answer(browser, 1, { answer: "disagree" });
    await answer(browser, 2, { answer: "neither" });
    await answer(browser, 2, {});
    const open = await loadPublicSurvey(inspection.slug, "parents");
    expect(Object.values((await findDraft(await draftIdOf(browser), open.survey))!.answers)).toEqual(["disagree"]);
  });

  test("an answer that is not one of the options is refused; free text over the limit comes back as typed", async () => {
    const browser = new Browser();
    const bad = await answer(browser, 1, { answer: "fantastic" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "survey:errors.notAnOption" });

    const long = "x".repeat(2001);
    const tooLong = await answer(browser, 9, { answer: long });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "survey:errors.tooLong", submitted: [long] });
  });

  test("an unknown channel code is dropped", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree", src: "made-up" });
    const open = await loadPublicSurvey(inspection.slug, "parents");
    expect((await findDraft(await draftIdOf(browser), open.survey))!.channel).toBeNull();
  });
});

describe("submitting", () => {
  test("the draft becomes one anonymous response; a second submission (double tap, refresh) records nothing", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "strongly-agree", src: "forum" });
    await answer(browser, 9, { answer: "Speech therapy came quickly.\nThe school listened." });
    await answer(browser, 11, { answer: "ehc-plan" });
    const sent = await submit(browser);
    expect(sent.headers.get("Location")).toBe(`${base()}/done`);
    expect(await responsesCount()).toBe(1);

    const again = await submit(browser);
    expect(again.headers.get("Location")).toBe(`${base()}/done`);
    expect(await responsesCount()).toBe(1);

    await moveAll();
    const [response] =
      await sql`select r.* from responses r join surveys s on s.id = r.survey_id where s.inspection_id = ${inspection.id}`;
    expect(response).toMatchObject({ locale: "pl", channel: "forum", late: false });
    const answers =
      await sql`select choice, text from answers where response_id = ${response!.id} order by choice nulls last`;
    expect(answers).toEqual([
      { choice: "ehc-plan", text: null },
      { choice: "strongly-agree", text: null },
      { choice: null, text: "Speech therapy came quickly.\nThe school listened." },
    ]);
  });

  test("two submissions of one draft at the same moment record exactly one response", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    const open = await loadPublicSurvey(inspection.slug, "parents");
    const draftId = await draftIdOf(browser);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitDraft(draftId, open, { locale: "en-GB", late: false })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await responsesCount()).toBe(1);
  });

  test("the database keeps nothing that identifies who answered, or when", async () => {
    const browser = new Browser();
    for (let number = 1; number <= 12; number += 1) {
      await answer(browser, number, {
        answer: number <= 8 ? "agree" : number <= 10 ? "Words about my family" : number === 11 ? "sen-support" : "5-10",
      });
    }
    await submit(browser);

    const columns = await sql<{ table: string; column: string; type: string }[]>`
      select table_name as table, column_name as column, data_type as type from information_schema.columns
      where table_schema = 'public' and table_name in ('responses', 'answers', 'pending_responses')
      order by table_name, ordinal_position`;
    expect(columns.map((column) => `${column.table}.${column.column}:${column.type}`)).toEqual([
      "answers.response_id:uuid",
      "answers.question_id:bigint",
      "answers.choice:text",
      "answers.text:text",
      // Waiting for a batch of 10: no time, nothing that orders them.
      "pending_responses.id:uuid",
      "pending_responses.survey_id:bigint",
      "pending_responses.submitted_on:date",
      "pending_responses.locale:text",
      "pending_responses.channel:text",
      "pending_responses.late:boolean",
      "pending_responses.answers:jsonb",
      "responses.id:uuid",
      "responses.survey_id:bigint",
      "responses.submitted_on:date",
      "responses.locale:text",
      "responses.channel:text",
      "responses.late:boolean",
      // A random key for the noise on published counts, and the results snapshot (a batch of at least 10).
      "responses.record_key:integer",
      "responses.snapshot:integer",
    ]);

    // Nothing about the request survives anywhere in the database: not its address, not its browser.
    const textColumns = await sql<{ table: string; column: string }[]>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`;
    for (const { table, column } of textColumns) {
      const [found] = await sql`
        select count(*)::int as n from ${sql(table)}
        where ${sql(column)}::text like ${"%UA-MARKER%"} or ${sql(column)}::text like ${`%${CLIENT}%`}`;
      expect(found!.n, `${table}.${column}`).toBe(0);
    }
    // Nothing links the response to a draft, a person or a time: the draft is gone.
    const [drafts] = await sql`
      select count(*)::int as n from survey_drafts d join surveys s on s.id = d.survey_id where s.inspection_id = ${inspection.id}`;
    expect(drafts!.n).toBe(0);
  });

  test("a robot that fills in the hidden field is thanked, and nothing is kept", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    const response = await submit(browser, { website: "http://spam.example" });
    expect(response.headers.get("Location")).toBe(`${base()}/done`);
    expect(await responsesCount()).toBe(0);
  });
});

describe("the window, enforced by the server", () => {
  test("before it opens, nothing is accepted", async () => {
    await setWindow("1 hour", "2 hours");
    const browser = new Browser();
    const response = await answer(browser, 1, { answer: "agree" });
    expect(response.headers.get("Location")).toBe(base());
    expect(browser.cookies.size).toBe(0);
  });

  test("someone who started before the close may finish within 30 minutes; the response is flagged late", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    await sql`update survey_drafts set started_at = now() - interval '1 hour'`;
    await setWindow("-3 hours", "-20 minutes");
    expect((await answer(browser, 2, { answer: "agree" })).headers.get("Location")).toBe(`${base()}/questions/3`);
    expect((await submit(browser)).headers.get("Location")).toBe(`${base()}/done`);
    await moveAll();
    const [response] =
      await sql`select late from responses r join surveys s on s.id = r.survey_id where s.inspection_id = ${inspection.id}`;
    expect(response!.late).toBe(true);
  });

  test("after the grace period, nothing is accepted and the answers are kept to show back", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    await setWindow("-3 hours", "-31 minutes");
    expect((await submit(browser)).headers.get("Location")).toBe(base());
    expect(await responsesCount()).toBe(0);
  });

  test("someone who starts after the close is not given the grace period", async () => {
    await setWindow("-3 hours", "-5 minutes");
    const browser = new Browser();
    expect((await answer(browser, 1, { answer: "agree" })).headers.get("Location")).toBe(base());
  });

  test("drafts are deleted once they can no longer be submitted", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    await sql`update survey_drafts set expires_at = now() - interval '1 second'`;
    expect(await surveyDrafts.apply(sql, { dryRun: false, now: new Date() })).toBeGreaterThanOrEqual(1);
    expect((await sql`select count(*)::int as n from survey_drafts`)[0]!.n).toBe(0);
  });
});

describe("coming back later", () => {
  test("an emailed link opens the draft on another device; the address is not kept with it", async () => {
    const browser = new Browser();
    await answer(browser, 1, { answer: "agree" });
    const open = await loadPublicSurvey(inspection.slug, "parents");
    const draft = (await findDraft(await draftIdOf(browser), open.survey))!;
    await emailResumeLink(open, draft, "parent@example.org", "en-GB");

    const [email] = await sql<
      { textBody: string }[]
    >`select text_body from outbox where recipient = 'parent@example.org'`;
    const token = email!.textBody.match(/\/resume\/([\w-]+)/)![1]!;
    const [stored] = await sql`select * from survey_drafts`;
    expect(JSON.stringify(stored)).not.toContain("parent@example.org");

    const otherDevice = new Browser();
    const expires = (await resumableUntil(open, token))!;
    otherDevice.take(new Response(null, { headers: { "Set-Cookie": await keepDraft(open.survey, token, expires) } }));
    expect((await findDraft(await draftIdOf(otherDevice), open.survey))!.answers).toEqual(draft.answers);
    // The first device carries on too.
    expect(await findDraft(await draftIdOf(browser), open.survey)).not.toBeNull();
    expect(await resumableUntil(open, "not-a-token")).toBeNull();
  });
});

test("contact details from someone happy to talk are kept apart, with the date only", async () => {
  const browser = new Browser();
  const response = await run(
    talkRoute.action,
    browser.request(`/s/${inspection.slug}/talk`, { name: "Sam Parent", email: "sam@example.org", agree: "yes" }),
    { slug: inspection.slug },
  );
  expect(response.headers.get("Location")).toBe(`/s/${inspection.slug}/talk?sent`);
  const [request] = await sql`select * from talk_requests where inspection_id = ${inspection.id}`;
  expect(Object.keys(request!).sort()).toEqual([
    "accessNeeds",
    "contactWay",
    "email",
    "id",
    "inspectionId",
    "language",
    "name",
    "note",
    "phone",
    "requestedOn",
  ]);
  expect(request).toMatchObject({ name: "Sam Parent", email: "sam@example.org", phone: null });

  const refused = await run(talkRoute.action, browser.request(`/s/${inspection.slug}/talk`, { name: "Sam" }), {
    slug: inspection.slug,
  });
  expect(refused.status).toBe(400);
});
