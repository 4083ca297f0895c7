import jsQR from "jsqr";
import nodemailer from "nodemailer";
import { PNG } from "pngjs";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { publicUrl } from "~/auth/secret.server";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection, findInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { deliverDue } from "~/mail/outbox.server";
import { createChannel } from "~/promotion/channels.server";
import { sendDueReachEmails } from "~/promotion/reach-emails.server";
import * as publicPage from "~/routes/s.$slug._index";
import * as overview from "~/routes/staff.inspections.$slug._index";
import * as channelKit from "~/routes/staff.inspections.$slug.promote.$code._index";
import * as poster from "~/routes/staff.inspections.$slug.promote.$code.poster.$language";
import * as qrPng from "~/routes/staff.inspections.$slug.promote.$code.qr[.png]";
import * as qrSvg from "~/routes/staff.inspections.$slug.promote.$code.qr[.svg]";
import * as kit from "~/routes/staff.inspections.$slug.promote._index";
import * as reach from "~/routes/staff.inspections.$slug.reach";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { futureDay1 } from "../support/inspections";
import { startSmtpServer } from "../support/smtp";
import { signedInStaff } from "../support/staff";

/**
 * The promotion kit and live reach through their real loaders and actions, on a real PostgreSQL, and
 * the reach emails through the outbox to a real SMTP server.
 */
const context = { cspNonce: "", clientAddress: "127.0.0.1" };
let inspection: Inspection;
let pcf: Awaited<ReturnType<typeof signedInStaff>>;
let areas = 0;

async function call(handler: (args: any) => unknown, request: Request, params: Record<string, string>) {
  try {
    return await handler({ request, params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function staffRequest(path: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: form ? "POST" : "GET",
    headers: { Cookie: pcf.cookie, ...headers },
    body: form ? new URLSearchParams({ csrf: pcf.csrf, ...form }) : undefined,
  });
}

/** A new re-visit whose surveys opened an hour ago and close in three days, with a forum member. */
async function openInspection() {
  areas += 1;
  const created = await createInspection(
    NewInspection.parse({ localAreaName: `Promoshire ${areas}`, kind: "revisit", day1: futureDay1() }),
  );
  await sql`
    update inspections set survey_opens_at = now() - interval '1 hour', survey_closes_at = now() + interval '3 days'
    where id = ${created.id}`;
  pcf = await signedInStaff(`forum.${areas}@example.org`, { inspections: [[created.id, "pcf"]] });
  return (await findInspection(created.slug))!;
}

/** `n` responses straight into the table, as submissions leave them. */
async function addResponses(audience: string, n: number, { channel = null as string | null, day = "today" } = {}) {
  const survey = (await findSurvey(inspection.id, audience))!;
  const date = day === "today" ? sql`(now() at time zone 'Europe/London')::date` : sql`${day}::date`;
  for (let index = 0; index < n; index += 1) {
    await sql`insert into responses (survey_id, submitted_on, locale, channel) values (${survey.id}, ${date}, 'en-GB', ${channel})`;
  }
}

beforeEach(async () => {
  inspection = await openInspection();
});

describe("channel links", () => {
  test("a forum member makes a link: a random short code, never the label, and the kit page for it", async () => {
    const response = (await call(
      kit.action,
      staffRequest(`/staff/inspections/${inspection.slug}/promote`, { label: "  GP surgery   poster " }),
      { slug: inspection.slug },
    )) as Response;
    expect(response.status).toBe(302);
    const [row] = await sql<Array<{ code: string; label: string }>>`
      select code, label from channels where inspection_id = ${inspection.id} and label is not null`;
    expect(row!.label).toBe("GP surgery poster");
    expect(row!.code).toMatch(/^[a-hjkmnp-z2-9]{6}$/);
    expect(response.headers.get("Location")).toBe(`/staff/inspections/${inspection.slug}/promote/${row!.code}`);

    const page = (await call(kit.loader, staffRequest(`/staff/inspections/${inspection.slug}/promote`), {
      slug: inspection.slug,
    })) as Response;
    const data = await page.json();
    expect(data.channels.map((channel: { name: string }) => channel.name)).toEqual([
      "Parent carer forum",
      "Schools and colleges",
      "Council",
      "Health services",
      "Social media",
      "GP surgery poster",
    ]);
    expect(data.channels.at(-1).link).toBe(`${publicUrl}/s/${inspection.slug}?src=${row!.code}`);
  });

  test("a label with personal details is refused with a clear error, what was typed kept and nothing stored", async () => {
    const response = (await call(
      kit.action,
      staffRequest(`/staff/inspections/${inspection.slug}/promote`, { label: "Mrs Khan 07700 900123" }),
      { slug: inspection.slug },
    )) as Response;
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error.label).toEqual(["promotion:errors.labelPersonal"]);
    expect(result.initialValue.label).toBe("Mrs Khan 07700 900123");
    const [{ n }] = await sql<[{ n: number }]>`
      select count(*)::int as n from channels where inspection_id = ${inspection.id} and label is not null`;
    expect(n).toBe(0);
  });

  test("the same name twice is refused, and an inspection has at most 40 channels", async () => {
    expect(await createChannel(inspection.id, "School newsletter")).toHaveProperty("created");
    expect(await createChannel(inspection.id, "school NEWSLETTER")).toEqual({ problem: "label-taken" });
    for (let index = 0; index < 34; index += 1) await createChannel(inspection.id, `Channel ${index}`);
    expect(await createChannel(inspection.id, "One too many")).toEqual({ problem: "too-many" });
  });

  test("links in the kit come from PUBLIC_URL, never from the request's Host header", async () => {
    const page = (await call(
      channelKit.loader,
      staffRequest(`/staff/inspections/${inspection.slug}/promote/forum`, undefined, { Host: "evil.example" }),
      { slug: inspection.slug, code: "forum" },
    )) as Response;
    const data = await page.json();
    expect(data.link).toBe(`${publicUrl}/s/${inspection.slug}?src=forum`);
    expect(data.messages.whatsapp).toContain(data.link);
    expect(JSON.stringify(data)).not.toContain("evil.example");
  });

  test("unknown or malformed codes in kit addresses are 'not found'", async () => {
    for (const code of ["nope99", "<b>", "x".repeat(40)]) {
      const response = (await call(
        qrSvg.loader,
        staffRequest(`/staff/inspections/${inspection.slug}/promote/x/qr.svg`),
        {
          slug: inspection.slug,
          code,
        },
      )) as Response;
      expect(response.status).toBe(404);
    }
  });

  test("on the public page, a malformed ?src= is dropped silently and a well-formed one carried on", async () => {
    const links = async (src: string) => {
      const response = (await call(
        publicPage.loader,
        new Request(`http://localhost/s/${inspection.slug}?${new URLSearchParams({ src })}`),
        { slug: inspection.slug },
      )) as Response;
      return (await response.json()).surveys.map((survey: { href: string }) => survey.href);
    };
    expect(await links("<script>alert(1)</script>")).toEqual([
      `/s/${inspection.slug}/parents`,
      `/s/${inspection.slug}/young-people`,
      `/s/${inspection.slug}/practitioners`,
    ]);
    expect((await links("forum"))[0]).toBe(`/s/${inspection.slug}/parents?src=forum`);
  });
});

describe("QR codes and posters", () => {
  test("the PNG decodes to the channel's link; the SVG is an SVG", async () => {
    const png = (await call(qrPng.loader, staffRequest(`/staff/inspections/${inspection.slug}/promote/school/qr.png`), {
      slug: inspection.slug,
      code: "school",
    })) as Response;
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(png.headers.get("Cache-Control")).toBe("no-store");
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(`${publicUrl}/s/${inspection.slug}?src=school`);

    const svg = (await call(qrSvg.loader, staffRequest(`/staff/inspections/${inspection.slug}/promote/school/qr.svg`), {
      slug: inspection.slug,
      code: "school",
    })) as Response;
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  test("the poster in Polish says when the surveys close, in Polish, and the open meeting's day", async () => {
    await sql`update inspections set survey_closes_at = '2027-04-02T11:00:00Z' where id = ${inspection.id}`;
    const response = (await call(
      poster.loader,
      staffRequest(`/staff/inspections/${inspection.slug}/promote/forum/poster/pl`),
      { slug: inspection.slug, code: "forum", language: "pl" },
    )) as Response;
    const { poster: text } = await response.json();
    // 11:00 UTC is midday in London in April (summer time): said in words.
    expect(text.closes).toBe("Ankiety zostaną zamknięte: piątek, 2 kwietnia 2027, w południe.");
    expect(text.meeting).toMatch(/^Rodzice i opiekunowie mogą też przyjść na otwarte spotkanie/);
    expect(text.link).toBe(`${publicUrl.replace(/^https?:\/\//, "")}/s/${inspection.slug}?src=forum`);
    const missing = await call(
      poster.loader,
      staffRequest(`/staff/inspections/${inspection.slug}/promote/forum/poster/fr`),
      { slug: inspection.slug, code: "forum", language: "fr" },
    );
    expect((missing as Response).status).toBe(404);
  });
});

describe("live reach", () => {
  const load = async () =>
    (await (
      (await call(reach.loader, staffRequest(`/staff/inspections/${inspection.slug}/reach`), {
        slug: inspection.slug,
      })) as Response
    ).json()) as {
      total: { state: string; count?: number };
      channels: Array<{ key: string; label: string; count: { state: string; count?: number } }>;
      audiences: Array<{ key: string; count: { state: string; count?: number } }>;
      days: Array<{ key: string; count: { state: string; count?: number } }>;
      previous: { parents: unknown; previous: number; percent: number | null } | null;
    };
  const channel = (data: Awaited<ReturnType<typeof load>>, key: string) =>
    data.channels.find((row) => row.key === key)!.count;

  test("a channel shows 'fewer than 5' until its fifth response, then the number", async () => {
    const created = await createChannel(inspection.id, "PCF Facebook");
    const code = "created" in created ? created.created.code : "";
    await addResponses("parents", 4, { channel: code });
    let data = await load();
    expect(channel(data, code)).toEqual({ state: "fewer" });
    expect(data.total).toEqual({ state: "fewer" });
    await addResponses("parents", 1, { channel: code });
    data = await load();
    expect(channel(data, code)).toEqual({ state: "shown", count: 5 });
    expect(data.total).toEqual({ state: "shown", count: 5 });
    expect(data.channels.find((row) => row.key === code)!.label).toBe("PCF Facebook");
  });

  test("by audience, by channel and by day, each protected, and never anything about answers", async () => {
    const survey = (await findSurvey(inspection.id, "parents"))!;
    const text = (await questionsOf(survey.id)).find((question) => question.kind === "text")!;
    await addResponses("parents", 9, { channel: "forum" });
    await addResponses("parents", 2, { channel: "school" });
    await addResponses("practitioners", 6);
    const [response] = await sql<[{ id: string }]>`select id from responses where survey_id = ${survey.id} limit 1`;
    await sql`insert into answers (response_id, question_id, text) values (${response.id}, ${text.id}, 'SECRET-ANSWER-7731')`;

    const data = await load();
    expect(data.total).toEqual({ state: "shown", count: 17 });
    expect(data.audiences.map((row) => [row.key, row.count])).toEqual([
      ["parents", { state: "shown", count: 11 }],
      ["young-people", { state: "shown", count: 0 }],
      ["practitioners", { state: "shown", count: 6 }],
    ]);
    // The 2 through "school" is "fewer than 5", so the plain link's 6 is hidden with it.
    expect(channel(data, "forum")).toEqual({ state: "shown", count: 9 });
    expect(channel(data, "school")).toEqual({ state: "fewer" });
    expect(channel(data, "")).toEqual({ state: "hidden" });
    expect(data.days.at(-1)!.count).toEqual({ state: "shown", count: 17 });
    expect(JSON.stringify(data)).not.toContain("SECRET-ANSWER");
  });

  test("a re-visit's previous total can be entered and compared; a wrong one is refused and nothing saved", async () => {
    await addResponses("parents", 30);
    const post = (value: string) =>
      call(reach.action, staffRequest(`/staff/inspections/${inspection.slug}/reach`, { previousTotal: value }), {
        slug: inspection.slug,
      }) as Promise<Response>;
    const refused = await post("lots");
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error.previousTotal).toEqual(["promotion:errors.previousTotalNumber"]);
    expect((await load()).previous).toBeNull();

    expect((await post("120")).status).toBe(302);
    expect((await load()).previous).toEqual({ parents: { state: "shown", count: 30 }, previous: 120, percent: 25 });
    expect((await post("")).status).toBe(302);
    expect((await load()).previous).toBeNull();
  });
});

describe("the inspection page", () => {
  test("says the surveys are live, and that they opened before the forum had reviewed them", async () => {
    const response = (await call(overview.loader, staffRequest(`/staff/inspections/${inspection.slug}`), {
      slug: inspection.slug,
    })) as Response;
    const data = await response.json();
    expect(data.windowState).toBe("open");
    expect(data.standings.parents).toEqual({ window: "open", review: "not-shared" });
    expect(data.may).toMatchObject({ promote: true, reach: true, results: false });
  });
});

describe("reach emails", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });

  test("the forum and the local area hear when it opens, at halfway and a day before the close, each once", async () => {
    await sql`truncate outbox`;
    const opens = new Date("2030-03-04T12:00:00Z");
    const closes = new Date("2030-03-08T12:00:00Z");
    await sql`update inspections set survey_opens_at = ${opens}, survey_closes_at = ${closes} where id = ${inspection.id}`;
    await signedInStaff(`lano.${areas}@example.org`, { inspections: [[inspection.id, "lano"]] });
    await signedInStaff(`inspector.${areas}@example.org`, { inspections: [[inspection.id, "inspector"]] });
    const forum = `forum.${areas}@example.org`;
    const area = `lano.${areas}@example.org`;
    const at = (hours: number) => new Date(opens.getTime() + hours * 3_600_000);
    const received = (address: string) => smtp.received.filter((message) => message.rcptTo.includes(address));
    const deliver = () => deliverDue(transport, { log: () => {} });

    expect(await sendDueReachEmails(at(-1))).toBe(0);
    expect(await sendDueReachEmails(at(0.1))).toBe(2);
    expect(await sendDueReachEmails(at(0.2))).toBe(0);
    await deliver();
    expect(
      smtp.received
        .map((message) => message.rcptTo)
        .flat()
        .sort(),
    ).toEqual([forum, area]);
    const opened = received(forum)[0]!.mail;
    expect(opened.subject).toBe(`The surveys for Promoshire ${areas} are open: share them now`);
    expect(opened.text).toContain("close at midday on Friday, 8 March 2030");
    expect(opened.text).toContain(`${publicUrl}/staff/inspections/${inspection.slug}/promote`);

    // Halfway, with 3 responses: the total is "fewer than 5", never the number.
    await addResponses("parents", 3, { day: "2030-03-05" });
    expect(await Promise.all([sendDueReachEmails(at(48.2)), sendDueReachEmails(at(48.2))])).toEqual(
      expect.arrayContaining([0, 2]),
    );
    await deliver();
    const halfway = received(area)[1]!.mail;
    expect(halfway.subject).toBe(`The surveys for Promoshire ${areas} are halfway through`);
    expect(halfway.text).toContain("So far: fewer than 5 responses.");
    expect(halfway.text).not.toMatch(/\b3 responses/);
    expect(halfway.text).toContain(`${publicUrl}/staff/inspections/${inspection.slug}/reach`);

    // A day before the close, with 12: the number.
    await addResponses("parents", 9, { day: "2030-03-06" });
    expect(await sendDueReachEmails(at(72.5))).toBe(2);
    expect(await sendDueReachEmails(at(95))).toBe(0);
    await deliver();
    const closing = received(forum)[2]!.mail;
    expect(closing.subject).toBe(`The surveys for Promoshire ${areas} close in 24 hours`);
    expect(closing.text).toContain("So far: 12 responses.");
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.some((message) => message.rcptTo.includes(`inspector.${areas}@example.org`))).toBe(false);

    const recorded =
      await sql`select kind, sent from promotion_emails where inspection_id = ${inspection.id} order by kind`;
    expect(recorded.map((row) => [row.kind, row.sent])).toEqual([
      ["closing", true],
      ["halfway", true],
      ["opened", true],
    ]);
  });

  test("after a gap, only the latest email is sent; the missed one is never sent late", async () => {
    await sql`truncate outbox`;
    const opens = new Date("2030-06-03T11:00:00Z");
    await sql`update inspections set survey_opens_at = ${opens}, survey_closes_at = ${new Date(opens.getTime() + 96 * 3_600_000)}
              where id = ${inspection.id}`;
    expect(await sendDueReachEmails(new Date(opens.getTime() + 50 * 3_600_000))).toBe(1);
    expect(await sendDueReachEmails(new Date(opens.getTime() + 51 * 3_600_000))).toBe(0);
    const recorded =
      await sql`select kind, sent from promotion_emails where inspection_id = ${inspection.id} order by kind`;
    expect(recorded.map((row) => [row.kind, row.sent])).toEqual([
      ["halfway", true],
      ["opened", false],
    ]);
    const [row] = await sql<[{ subject: string }]>`select subject from outbox`;
    expect(row.subject).toContain("halfway");
  });
});
