import { beforeAll, describe, expect, test } from "vitest";
import { requestSignInLink } from "~/auth/sign-in.server";
import { ensureStaffUser } from "~/auth/staff.server";
import { sql } from "~/db.server";
import { RateLimiter } from "~/http/rate-limit.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { deliverDue, URGENT_RETRY_MS } from "~/mail/outbox.server";
import type { MailTransport } from "~/mail/transport.server";
import { retentionRules, runRetention } from "~/retention/retention.server";
import * as editQuestion from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId._index";
import * as authoring from "~/routes/staff.inspections.$slug.surveys.$audience._index";
import * as translate from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId.translations.$language";
import * as team from "~/routes/staff.inspections.$slug.team";
import * as audit from "~/routes/staff.audit";
import * as comments from "~/routes/staff.inspections.$slug.results.comments";
import * as language from "~/routes/language";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { futureDay1 } from "../support/inspections";
import { signedInStaff } from "../support/staff";

const context = { cspNonce: "", clientAddress: "127.0.0.1" };

async function statusOf(run: () => unknown): Promise<{ status: number; location: string | null }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  throw result;
}

describe("rate limits live in the database", () => {
  test("two app processes share one count: the limit holds across them", async () => {
    // Two limiter objects stand for the same limit in two processes: all they share is the table.
    const first = new RateLimiter("shared-test", 3, 60_000);
    const second = new RateLimiter("shared-test", 3, 60_000);
    const outcomes = [];
    for (const limiter of [first, second, first, second, first]) outcomes.push(await limiter.allows("203.0.113.7"));
    expect(outcomes).toEqual([true, true, true, false, false]);
    // Another client, and the same client under another limit, have counts of their own.
    expect(await second.allows("203.0.113.8")).toBe(true);
    expect(await new RateLimiter("other-test", 3, 60_000).allows("203.0.113.7")).toBe(true);
  });

  test("the table never holds the address or email it counts, and a window ends", async () => {
    const limiter = new RateLimiter("window-test", 1, 50);
    expect(await limiter.allows("someone@example.org")).toBe(true);
    expect(await limiter.allows("someone@example.org")).toBe(false);
    const dump = JSON.stringify(await sql`select encode(key_hash, 'escape') as key from rate_limits`);
    expect(dump).not.toContain("someone@example.org");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await limiter.allows("someone@example.org")).toBe(true);
  });
});

describe("time-sensitive email", () => {
  const failing: MailTransport = {
    sendMail: async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    },
  };
  const sent: string[] = [];
  const working: MailTransport = { sendMail: async (mail) => void sent.push(String(mail.to)) };

  test("a sign-in link is retried every 30 seconds, and not sent once it would arrive expired", async () => {
    await sql`truncate outbox`;
    await ensureStaffUser("late.link@example.org");
    await requestSignInLink({
      email: "late.link@example.org",
      locale: "en-GB",
      clientAddress: "198.51.100.1",
      next: "/staff",
    });
    const [queued] = await sql<{ id: string; expiresAt: Date }[]>`select id, expires_at from outbox`;
    expect(queued!.expiresAt).toBeInstanceOf(Date);

    await deliverDue(failing, { log: () => {} });
    const [retry] = await sql<{ delay: number }[]>`
      select extract(epoch from next_attempt_at - now())::float8 * 1000 as delay from outbox where id = ${queued!.id}`;
    expect(retry!.delay).toBeGreaterThan(URGENT_RETRY_MS - 5_000);
    expect(retry!.delay).toBeLessThanOrEqual(URGENT_RETRY_MS);

    // The mail server comes back 14 minutes later: one minute of the link would be left. Not sent.
    await sql`update outbox set next_attempt_at = now(), expires_at = now() + interval '1 minute' where id = ${queued!.id}`;
    const counts = await deliverDue(working, { log: () => {} });
    expect(counts).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(sent).toEqual([]);
    const [row] = await sql`select status, recipient, text_body from outbox where id = ${queued!.id}`;
    expect(row).toEqual({ status: "failed", recipient: null, textBody: null });
  });
});

describe("retention", () => {
  test("every rule has a name and a stated period, and a dry run deletes nothing", async () => {
    // Features add their own rules (meetings, consent); these are the portal's own.
    expect(retentionRules.map((rule) => rule.name)).toEqual(
      expect.arrayContaining([
        "survey drafts",
        "sign-in links",
        "staff sessions",
        "'happy to talk' contact details",
        "free-text answers",
        "rate-limit counters",
        "meeting bookings",
      ]),
    );
    const inspection = await createInspection(
      NewInspection.parse({ localAreaName: "Keepford", kind: "revisit", day1: futureDay1() }),
    );
    const survey = (await findSurvey(inspection.id, "parents"))!;
    const textQuestion = (await questionsOf(survey.id)).find((question) => question.kind === "text")!;
    await sql`insert into survey_drafts (id_hash, survey_id, expires_at) values ('\\x01', ${survey.id}, now() - interval '1 minute'),
                                                                              ('\\x02', ${survey.id}, now() + interval '1 day')`;
    await sql`insert into talk_requests (inspection_id, name, email, requested_on) values (${inspection.id}, 'A Parent', 'a@example.org', current_date)`;
    const [response] = await sql<{ id: string }[]>`
      insert into responses (survey_id, submitted_on, locale) values (${survey.id}, current_date, 'en-GB') returning id`;
    await sql`insert into answers (response_id, question_id, text) values (${response!.id}, ${textQuestion.id}, 'My son waited a year')`;

    const count = async () =>
      (
        await sql<{ drafts: number; talk: number; text: number }[]>`
          select (select count(*)::int from survey_drafts where survey_id = ${survey.id}) as drafts,
                 (select count(*)::int from talk_requests where inspection_id = ${inspection.id}) as talk,
                 (select count(*)::int from answers where question_id = ${textQuestion.id}) as text`
      )[0];

    // Nothing here is old enough yet but the one expired draft.
    const now = await runRetention({ dryRun: true });
    expect(now!.find((outcome) => outcome.name === "survey drafts")!.count).toBeGreaterThanOrEqual(1);
    expect(await count()).toEqual({ drafts: 2, talk: 1, text: 1 });

    // 100 days after day 1: contact details and free text have passed their time too. A dry run counts them...
    const later = new Date(new Date(`${inspection.day1}T12:00:00Z`).getTime() + 100 * 86_400_000);
    const dry = await runRetention({ dryRun: true, now: later });
    const byName = Object.fromEntries(dry!.map((outcome) => [outcome.name, outcome.count]));
    expect(byName["'happy to talk' contact details"]).toBeGreaterThanOrEqual(1);
    expect(byName["free-text answers"]).toBeGreaterThanOrEqual(1);
    expect(await count()).toEqual({ drafts: 2, talk: 1, text: 1 });

    // ...and the real run deletes exactly those, keeping the response and its other answers.
    await runRetention({ now: later });
    expect(await count()).toEqual({ drafts: 0, talk: 0, text: 0 });
    const [kept] = await sql`select count(*)::int as count from responses where id = ${response!.id}`;
    expect(kept!.count).toBe(1);
  });

  test("two processes running the job at once: one runs it, the other is told so", async () => {
    const [first, second] = await Promise.all([runRetention(), runRetention()]);
    expect([first, second].filter((outcome) => outcome === undefined).length).toBeLessThanOrEqual(1);
    expect([first, second].some((outcome) => Array.isArray(outcome))).toBe(true);
  });
});

describe("input a route cannot use is a clear answer, never a 500", () => {
  let inspection: Inspection;
  let questionId: string;
  let inspector: { cookie: string; csrf: string };
  let admin: { cookie: string; csrf: string };

  beforeAll(async () => {
    inspection = await createInspection(
      NewInspection.parse({ localAreaName: "Edgeford", kind: "revisit", day1: futureDay1() }),
    );
    questionId = (await questionsOf((await findSurvey(inspection.id, "parents"))!.id))[0]!.id;
    inspector = await signedInStaff("edge.inspector@example.org", { inspections: [[inspection.id, "inspector"]] });
    admin = await signedInStaff("edge.admin@example.org", { global: ["admin"] });
  });

  const post = (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string>) =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { Cookie: who.cookie },
      body: new URLSearchParams({ csrf: who.csrf, ...fields }),
    });
  const get = (who: { cookie: string }, path: string) =>
    new Request(`http://localhost${path}`, { headers: { Cookie: who.cookie } });
  const survey = () => `/staff/inspections/${inspection.slug}/surveys/parents`;

  test.each(["abc", "1.5", "99999999999999999999", "9223372036854775808", "0"])(
    "a question id of %j is a 404",
    async (bad) => {
      const params = { slug: inspection.slug, audience: "parents", questionId: bad };
      const path = `${survey()}/questions/${encodeURIComponent(bad)}`;
      expect(
        (await statusOf(() => editQuestion.loader({ request: get(inspector, path), params, context }))).status,
      ).toBe(404);
      expect(
        (
          await statusOf(() =>
            translate.action({
              request: post(inspector, `${path}/translations/pl`, {}),
              params: { ...params, language: "pl" },
              context,
            }),
          )
        ).status,
      ).toBe(404);
      const move = post(inspector, survey(), { intent: "move-up", questionId: bad });
      expect((await statusOf(() => authoring.action({ request: move, params, context }))).status).toBe(404);
      const resolve = post(inspector, survey(), { intent: "resolve", questionId, commentId: bad });
      expect((await statusOf(() => authoring.action({ request: resolve, params, context }))).status).toBe(404);
      const remove = post(inspector, `/staff/inspections/${inspection.slug}/team`, { intent: "remove", userId: bad });
      expect(
        (await statusOf(() => team.action({ request: remove, params: { slug: inspection.slug }, context }))).status,
      ).toBe(404);
      expect(
        (await statusOf(() => audit.loader({ request: get(admin, `/staff/audit?before=${bad}`), params: {}, context })))
          .status,
      ).toBe(404);
    },
  );

  test.each(["1.5", "1e309", "0", "-1"])("comments?page=%s is a 404", async (page) => {
    const request = get(inspector, `/staff/inspections/${inspection.slug}/results/comments?page=${page}`);
    expect(
      (await statusOf(() => comments.loader({ request, params: { slug: inspection.slug }, context }))).status,
    ).toBe(404);
  });

  test("a change sent after the survey opened says the survey is locked (409) and changes nothing", async () => {
    const params = { slug: inspection.slug, audience: "parents", questionId };
    const before = await sql`select text, position from questions where id = ${questionId}`;
    // The form was loaded while the survey was a draft; it opens before the inspector presses Save.
    await sql`update inspections set survey_opens_at = now() - interval '1 minute' where id = ${inspection.id}`;
    const edit = post(inspector, `${survey()}/questions/${questionId}`, {
      kind: "text",
      text: "Changed after opening",
    });
    expect((await statusOf(() => editQuestion.action({ request: edit, params, context }))).status).toBe(409);
    const move = post(inspector, survey(), { intent: "move-down", questionId });
    expect((await statusOf(() => authoring.action({ request: move, params, context }))).status).toBe(409);
    const translation = post(inspector, `${survey()}/questions/${questionId}/translations/pl`, { text: "Zmiana" });
    expect(
      (await statusOf(() => translate.action({ request: translation, params: { ...params, language: "pl" }, context })))
        .status,
    ).toBe(409);
    expect(await sql`select text, position from questions where id = ${questionId}`).toEqual(before);
  });

  test.each(["/.//evil.example", "/..//evil.example", "/.\\/evil.example", "//evil.example", "https://evil.example/"])(
    "the language switch never sends anyone to another site (back=%s)",
    async (back) => {
      const request = new Request(`http://localhost/language?${new URLSearchParams({ lng: "pl", back })}`);
      const { status, location } = await statusOf(() => language.loader({ request, params: {}, context }));
      expect(status).toBe(302);
      expect(new URL(location!, "http://localhost").origin).toBe("http://localhost");
      expect(location).toMatch(/^\/(?![/\\])/);
    },
  );
});
