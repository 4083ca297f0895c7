import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { consentContactsRetention, talkRequestsRetention } from "~/consent/retention.server";
import { keepNoticeVersion } from "~/consent/notice.server";
import { historyOf } from "~/consent/decisions.server";
import { linkExpiry } from "~/consent/requests.server";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { nearestWorkingDay } from "~/inspections/working-days.server";
import { addCalendarDays } from "~/inspections/calendar";
import * as consentPage from "~/routes/consent.$token";
import * as withdrawPage from "~/routes/consent.$token_.withdraw";
import * as board from "~/routes/staff.inspections.$slug.consent._index";
import * as newCase from "~/routes/staff.inspections.$slug.consent.new";
import * as casePage from "~/routes/staff.inspections.$slug.consent.$caseId._index";
import * as requestPage from "~/routes/staff.inspections.$slug.consent.$caseId.request";
import * as recordPage from "~/routes/staff.inspections.$slug.consent.$caseId.record";
import * as talkRequests from "~/routes/staff.inspections.$slug.talk-requests";
import * as talkForm from "~/routes/s.$slug.talk";
import { signedInStaff } from "../support/staff";
import { futureDay1 } from "../support/inspections";

/**
 * Consent and contact through the real routes, loaders and actions called as a browser would, against a
 * real PostgreSQL: cases, links, decisions, withdrawal, the board, "happy to talk" requests and retention.
 */
const context = { cspNonce: "", clientAddress: "198.51.100.13" };
let inspection: Inspection;
let inspector: Awaited<ReturnType<typeof signedInStaff>>;
let lano: Awaited<ReturnType<typeof signedInStaff>>;

type Handler = (args: any) => unknown;
async function run(handler: Handler, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    return (await handler({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const form = (values: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) body.append(name, one);
  return body;
};

/** A staff member's request (GET, or POST with the anti-forgery field). */
function staff(who: { cookie: string; csrf: string }, path: string, values?: Record<string, string | string[]>) {
  return new Request(`http://localhost${path}`, {
    method: values ? "POST" : "GET",
    headers: { Cookie: who.cookie, "Accept-Language": "en-GB" },
    body: values ? form({ csrf: who.csrf, ...values }) : undefined,
  });
}

/** A family's request, in their language (the cookie the link's ?lng= sets). */
function family(path: string, values?: Record<string, string | string[]>, language = "en-GB") {
  return new Request(`http://localhost${path}`, {
    method: values ? "POST" : "GET",
    headers: { Cookie: `lang=${Buffer.from(JSON.stringify(language)).toString("base64")}` },
    body: values ? form(values) : undefined,
  });
}

const base = () => `/staff/inspections/${inspection.slug}/consent`;
const slug = () => ({ slug: inspection.slug });

let caseCount = 0;
/** Adds a case through the local area's form and returns its id. */
async function addCase(decides: "parent" | "young-person" | "both", extra: Record<string, string> = {}) {
  caseCount += 1;
  const response = await run(
    newCase.action,
    staff(lano, `${base()}/new`, {
      reference: `CASE-${caseCount}`,
      decides,
      parentName: "Pat Parent",
      parentEmail: `parent${caseCount}@example.org`,
      parentPhone: "01632 960 001",
      parentLanguage: "en-GB",
      youngPersonName: "Sam Young",
      youngPersonEmail: `young${caseCount}@example.org`,
      youngPersonLanguage: "en-GB",
      ...extra,
    }),
    slug(),
  );
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/").pop()!;
}

/** Makes a link for one person of a case (emailed), and returns the token from the queued email. */
async function sendRequest(caseId: string, party: "parent" | "young-person") {
  const response = await run(requestPage.action, staff(lano, `${base()}/${caseId}/request`, { party, email: "yes" }), {
    ...slug(),
    caseId,
  });
  expect(response.status).toBe(200);
  const { letter } = (await response.json()) as { letter: { url: string } };
  return { token: letter.url.match(/\/consent\/([\w-]+)/)![1]!, url: letter.url };
}

async function openForm(token: string, language = "en-GB") {
  const response = await run(consentPage.loader, family(`/consent/${token}?change`, undefined, language), { token });
  return (await response.json()) as {
    view: string;
    after: string;
    text: { id: string; version: number; sha256: string; notice: { title: string; language: string } };
  };
}

const YES_TO_CONTACT = { capacity: "parent", contact: "yes", meet: "yes", records: "no", quote: "no" };

async function decide(token: string, answers: Record<string, string>, language = "en-GB") {
  const shown = await openForm(token, language);
  return run(
    consentPage.action,
    family(
      `/consent/${token}?change`,
      { ...answers, textId: shown.text.id, textSha: shown.text.sha256, after: shown.after },
      language,
    ),
    { token },
  );
}

const decisionCount = async (caseId: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from consent_decisions where case_id = ${caseId}`)[0]!.n;

beforeAll(async () => {
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: "Consentshire", kind: "full", day1: futureDay1() }),
  );
  inspector = await signedInStaff("consent.inspector@example.org", { inspections: [[inspection.id, "inspector"]] });
  lano = await signedInStaff("consent.lano@example.org", { inspections: [[inspection.id, "lano"]] });
});

describe("requests", () => {
  test("the link is emailed through the outbox in the person's language and opens the consent page in it", async () => {
    const caseId = await addCase("parent", { parentLanguage: "pl", parentEmail: "polish.parent@example.org" });
    const { token, url } = await sendRequest(caseId, "parent");
    const [mail] = await sql<{ textBody: string; subject: string }[]>`
      select text_body, subject from outbox where recipient = 'polish.parent@example.org'`;
    expect(mail!.textBody).toContain(url);
    expect(url).toMatch(/\?lng=pl$/);
    // Only a hash of the token is stored.
    const stored =
      await sql`select 1 from consent_requests where token_hash = ${createHash("sha256").update(token).digest()}`;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(await sql`select * from consent_requests where case_id = ${caseId}`)).not.toContain(token);

    const opened = await run(consentPage.loader, family(`/consent/${token}?lng=pl`), { token });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/consent/${token}`);
    expect(opened.headers.get("Set-Cookie")).toMatch(/^lang=/);
    const page = await openForm(token, "pl");
    expect(page.view).toBe("form");
    expect(page.text.notice.language).toBe("pl");
  });

  test("unknown, replaced and expired links each get their own clear page", async () => {
    const unknown = await run(consentPage.loader, family("/consent/not-a-real-token-at-all-123"), {
      token: "not-a-real-token-at-all-123",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ view: "problem", state: "unknown" });

    const caseId = await addCase("parent");
    const first = await sendRequest(caseId, "parent");
    await sendRequest(caseId, "parent");
    const replaced = await run(consentPage.loader, family(`/consent/${first.token}`), { token: first.token });
    expect(replaced.status).toBe(410);
    expect(await replaced.json()).toMatchObject({ view: "problem", state: "replaced" });
    // A replaced link cannot record anything either.
    const posted = await run(consentPage.action, family(`/consent/${first.token}`, YES_TO_CONTACT), {
      token: first.token,
    });
    expect(posted.status).toBe(410);
    expect(await decisionCount(caseId)).toBe(0);

    const ended = await createInspection(
      NewInspection.parse({ localAreaName: "Endedshire", kind: "revisit", day1: futureDay1(30) }),
    );
    await signedInStaff("consent.lano@example.org", { inspections: [[ended.id, "lano"]] });
    const endedCase = await run(
      newCase.action,
      staff(lano, `/staff/inspections/${ended.slug}/consent/new`, {
        reference: "OLD-1",
        decides: "parent",
        parentName: "Old Parent",
        parentPhone: "01632 960 002",
      }),
      { slug: ended.slug },
    );
    const endedCaseId = endedCase.headers.get("Location")!.split("/").pop()!;
    const made = await run(
      requestPage.action,
      staff(lano, `/staff/inspections/${ended.slug}/consent/${endedCaseId}/request`, { party: "parent" }),
      { slug: ended.slug, caseId: endedCaseId },
    );
    const token = ((await made.json()) as { letter: { url: string } }).letter.url.match(/\/consent\/([\w-]+)/)![1]!;
    await sql`update inspections set day1 = ${nearestWorkingDay(addCalendarDays(new Date().toISOString().slice(0, 10), -30), "backward")} where id = ${ended.id}`;
    const expired = await run(consentPage.loader, family(`/consent/${token}`), { token });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ view: "problem", state: "expired" });
  });
});

describe("decisions", () => {
  test("a half-filled form names every missing answer, stores nothing and keeps what was typed", async () => {
    const caseId = await addCase("parent");
    const { token } = await sendRequest(caseId, "parent");
    const response = await decide(token, { capacity: "parent", contact: "yes", bestTimes: "Weekday mornings" });
    expect(response.status).toBe(400);
    const { result } = (await response.json()) as {
      result: { error: Record<string, string[]>; initialValue: Record<string, string> };
    };
    expect(Object.keys(result.error).sort()).toEqual(["meet", "quote", "records"]);
    expect(result.initialValue).toMatchObject({ contact: "yes", bestTimes: "Weekday mornings" });
    expect(await decisionCount(caseId)).toBe(0);
    expect(await sql`select 1 from consent_preferences where case_id = ${caseId}`).toHaveLength(0);
  });

  test("a young person's own decision cannot be made by a parent: a clear message, nothing stored", async () => {
    const caseId = await addCase("young-person", { childFirstName: "Sam" });
    // Only the young person is asked, and the first name typed for letters is kept with them.
    expect(await sql`select party, child_first_name from consent_contacts where case_id = ${caseId}`).toEqual([
      { party: "young-person", childFirstName: "Sam" },
    ]);
    const { token } = await sendRequest(caseId, "young-person");
    const response = await decide(token, { ...YES_TO_CONTACT, capacity: "parent" });
    expect(response.status).toBe(400);
    const { result } = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(result.error.capacity).toEqual(["consent:form.easy.errors.youngPersonDecides"]);
    expect(await decisionCount(caseId)).toBe(0);

    expect((await decide(token, { ...YES_TO_CONTACT, capacity: "young-person" })).status).toBe(302);
    const [record] = await historyOf(caseId);
    expect(record).toMatchObject({ party: "young-person", capacity: "young-person", method: "online" });
    expect(record!.notice.kind).toBe("young-person");
  });

  test("every record keeps the exact text shown: each version is stored once and retrievable from the record", async () => {
    const caseId = await addCase("parent");
    const { token } = await sendRequest(caseId, "parent");
    const shown = await openForm(token, "ro");
    // The texts change (a new release) after the page was shown but before the answers are sent.
    const changed = await keepNoticeVersion({ ...shown.text.notice, title: "A reworded title" } as never);
    expect(changed.version).toBe(shown.text.version + 1);
    const sent = await run(
      consentPage.action,
      family(
        `/consent/${token}?change`,
        { ...YES_TO_CONTACT, textId: shown.text.id, textSha: shown.text.sha256, after: "" },
        "ro",
      ),
      { token },
    );
    expect(sent.status).toBe(302);
    const [record] = await historyOf(caseId);
    expect(record).toMatchObject({
      textId: shown.text.id,
      textVersion: shown.text.version,
      textSha256: shown.text.sha256,
      language: "ro",
    });
    expect(record!.notice).toEqual(shown.text.notice);

    // A text that was never stored (a forged id or hash) is refused, with the answers kept.
    const forged = await run(
      consentPage.action,
      family(`/consent/${token}?change`, {
        ...YES_TO_CONTACT,
        textId: shown.text.id,
        textSha: "0".repeat(64),
        after: record!.id,
      }),
      { token },
    );
    expect(forged.status).toBe(400);
    expect(await decisionCount(caseId)).toBe(1);

    // Across every record in the database, the stored text hashes to the hash the record holds.
    const rows = await sql<{ body: string; textSha256: Buffer; sha256: Buffer }[]>`
      select t.body, d.text_sha256, t.sha256 from consent_decisions d join consent_texts t on t.id = d.text_id`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(createHash("sha256").update(row.body).digest().equals(row.textSha256)).toBe(true);
      expect(row.sha256.equals(row.textSha256)).toBe(true);
    }
  });

  test("the database refuses to change or delete a decision record or a stored text, whatever the application asks", async () => {
    const caseId = await addCase("parent");
    const { token } = await sendRequest(caseId, "parent");
    await decide(token, YES_TO_CONTACT);
    const [record] = await sql<
      { id: string; textId: string }[]
    >`select id, text_id from consent_decisions where case_id = ${caseId}`;
    await expect(sql`update consent_decisions set contact = 'given' where id = ${record!.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from consent_decisions where id = ${record!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`truncate consent_decisions`).rejects.toThrow(/append-only|foreign key/);
    await expect(sql`update consent_texts set body = '{}' where id = ${record!.textId}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from consent_texts where id = ${record!.textId}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from consent_cases where id = ${caseId}`).rejects.toThrow(/foreign key/);
    expect(await decisionCount(caseId)).toBe(1);
  });

  test("withdrawal from the confirmation email is one step, makes a new record and shows on the board at once", async () => {
    const caseId = await addCase("parent");
    const { token } = await sendRequest(caseId, "parent");
    expect((await decide(token, { ...YES_TO_CONTACT, note: "Please call after 3pm" })).status).toBe(302);
    const [confirmation] = await sql<{ textBody: string }[]>`
      select text_body from outbox where recipient = ${`parent${caseCount}@example.org`} and subject = 'Your answers have been saved'`;
    expect(confirmation!.textBody).toContain("Phone or video call: Yes");
    expect(confirmation!.textBody).toContain("Looking at records: No");
    const withdrawLink = confirmation!.textBody.match(/http:\/\/\S+\/consent\/[\w-]+\/withdraw/)![0];
    expect(withdrawLink).toContain(token);

    await run(board.action, staff(inspector, base(), { intent: "plan", case: caseId }), slug());
    const page = (await (await run(withdrawPage.loader, family(`/consent/${token}/withdraw`), { token })).json()) as {
      view: string;
      after: string;
      text: { id: string; sha256: string };
    };
    expect(page.view).toBe("withdraw");
    const submit = () =>
      run(
        withdrawPage.action,
        family(`/consent/${token}/withdraw`, { textId: page.text.id, textSha: page.text.sha256, after: page.after }),
        { token },
      );
    const withdrawn = await submit();
    expect(withdrawn.headers.get("Location")).toBe(`/consent/${token}?withdrawn`);
    // A second tap records nothing more.
    expect((await submit()).headers.get("Location")).toBe(`/consent/${token}?already`);

    const history = await historyOf(caseId);
    expect(history.map((record) => [record.event, record.statuses])).toEqual([
      ["decision", { contact: "given", meet: "given", records: "refused", quote: "refused" }],
      ["withdrawal", { contact: "withdrawn", meet: "withdrawn", records: "refused", quote: "refused" }],
    ]);
    expect(history[1]!.notice.kind).toBe("parent-withdrawal");
    // What they said about being contacted is no longer needed.
    expect(await sql`select 1 from consent_preferences where case_id = ${caseId}`).toHaveLength(0);

    const view = (await (await run(board.loader, staff(inspector, base()), slug())).json()) as {
      cases: Array<{
        id: string;
        statuses: Record<string, string>;
        contacts: unknown;
        warning: { kind: string } | null;
      }>;
    };
    const entry = view.cases.find((one) => one.id === caseId)!;
    expect(entry.statuses.contact).toBe("withdrawn");
    expect(entry.contacts).toBeNull();
    expect(entry.warning?.kind).toBe("withdrawn");
  });

  test("a decision recorded by staff from a phone call names who recorded it, on the case and on the board", async () => {
    const caseId = await addCase("both");
    const response = await run(
      recordPage.action,
      staff(lano, `${base()}/${caseId}/record`, {
        method: "phone",
        party: "young-person",
        capacity: "young-person",
        language: "bn",
        contact: "yes",
        meet: "no",
        records: "yes",
        quote: "yes",
        contactWay: "video",
      }),
      { ...slug(), caseId },
    );
    expect(response.status).toBe(302);
    const [record] = await historyOf(caseId);
    expect(record).toMatchObject({ method: "phone", recordedByEmail: "consent.lano@example.org", language: "bn" });
    expect(record!.notice.language).toBe("bn");

    const view = (await (await run(board.loader, staff(lano, base()), slug())).json()) as {
      cases: Array<{
        id: string;
        statuses: Record<string, string>;
        latest: Array<{ method: string; recordedByEmail: string }>;
      }>;
    };
    const entry = view.cases.find((one) => one.id === caseId)!;
    expect(entry.latest).toEqual([
      expect.objectContaining({ method: "phone", recordedByEmail: "consent.lano@example.org" }),
    ]);
    // Both decide: the parent has not answered, so nothing is given yet.
    expect(entry.statuses).toEqual({
      contact: "not-answered",
      meet: "refused",
      records: "not-answered",
      quote: "not-answered",
    });
  });
});

describe("the board", () => {
  test("contact details only while consent to contact stands, never the notes for the local area; every view audited", async () => {
    const given = await addCase("parent");
    await decide((await sendRequest(given, "parent")).token, { ...YES_TO_CONTACT, note: "Only inspectors read this" });
    const refused = await addCase("parent");
    await decide((await sendRequest(refused, "parent")).token, { ...YES_TO_CONTACT, contact: "no" });
    const unanswered = await addCase("parent");

    const read = async (who: typeof inspector) =>
      JSON.stringify(await (await run(board.loader, staff(who, base()), slug())).json());
    const before = (await sql`select 1 from audit_log where action = 'consent.board'`).length;
    const forInspector = await read(inspector);
    const forLano = await read(lano);
    expect((await sql`select 1 from audit_log where action = 'consent.board'`).length).toBe(before + 2);

    const emailOf = async (caseId: string) =>
      (await sql<{ email: string }[]>`select email from consent_contacts where case_id = ${caseId}`)[0]!.email;
    expect(forInspector).toContain(await emailOf(given));
    expect(forInspector).toContain("Only inspectors read this");
    expect(forInspector).not.toContain(await emailOf(refused));
    expect(forInspector).not.toContain(await emailOf(unanswered));
    expect(forLano).not.toContain(await emailOf(given));
    expect(forLano).not.toContain("Only inspectors read this");

    // The case page: the local area sees the contacts it entered; inspectors do not, there.
    const caseFor = async (who: typeof inspector) =>
      JSON.stringify(
        await (await run(casePage.loader, staff(who, `${base()}/${refused}`), { ...slug(), caseId: refused })).json(),
      );
    expect(await caseFor(lano)).toContain(await emailOf(refused));
    expect(await caseFor(inspector)).not.toContain(await emailOf(refused));
  });
});

describe("retention", () => {
  const afterEnd = (days: number) => new Date(linkExpiry(inspection).getTime() + days * 24 * 60 * 60 * 1000);

  test("a 'happy to talk' request appears on the inspectors' page and is gone after the retention rule runs", async () => {
    const sent = await run(
      talkForm.action,
      new Request(`http://localhost/s/${inspection.slug}/talk`, {
        method: "POST",
        body: form({
          name: "Robin Talker",
          phone: "07700 900 982",
          contactWay: "video",
          language: "Urdu",
          accessNeeds: "Step-free access",
          agree: "yes",
        }),
      }),
      slug(),
    );
    expect(sent.status).toBe(302);
    const page = async () =>
      JSON.stringify(
        await (
          await run(
            talkRequests.loader,
            staff(inspector, `/staff/inspections/${inspection.slug}/talk-requests`),
            slug(),
          )
        ).json(),
      );
    const listed = await page();
    expect(listed).toContain("Robin Talker");
    expect(listed).toContain("Step-free access");
    expect(
      await sql`select 1 from audit_log where action = 'talk.view' and inspection_id = ${inspection.id}`,
    ).toHaveLength(1);

    expect(talkRequestsRetention.keptFor).toBe("30 days after the inspection");
    expect(await talkRequestsRetention.apply(sql, { dryRun: false, now: afterEnd(29) })).toBe(0);
    expect(await talkRequestsRetention.apply(sql, { dryRun: true, now: afterEnd(31) })).toBe(1);
    expect(await page()).toContain("Robin Talker");
    expect(await talkRequestsRetention.apply(sql, { dryRun: false, now: afterEnd(31) })).toBe(1);
    expect(await page()).not.toContain("Robin Talker");
  });

  test("consent contact details, preferences and links go after 90 days; every decision record stays, holding none of them", async () => {
    const records = (await sql<{ n: number }[]>`select count(*)::int as n from consent_decisions`)[0]!.n;
    expect(records).toBeGreaterThan(0);
    expect(consentContactsRetention.keptFor).toBe("90 days after the inspection");
    const contacts = await sql<{ email: string | null; phone: string | null; name: string }[]>`
      select k.email, k.phone, k.name from consent_contacts k join consent_cases c on c.id = k.case_id
      where c.inspection_id = ${inspection.id}`;
    const kept = async () =>
      (
        await sql`select 1 from consent_contacts k join consent_cases c on c.id = k.case_id where c.inspection_id = ${inspection.id}`
      ).length;
    // 89 days after this inspection: only the long-ended inspection's details go (a contact and a link).
    expect(await consentContactsRetention.apply(sql, { dryRun: false, now: afterEnd(89) })).toBe(2);
    expect(await kept()).toBe(contacts.length);
    const due = await consentContactsRetention.apply(sql, { dryRun: true, now: afterEnd(91) });
    expect(due).toBeGreaterThan(contacts.length);
    expect(await kept()).toBe(contacts.length);
    // Run inside the caller's transaction, as the shared retention job may.
    expect(await sql.begin((tx) => consentContactsRetention.apply(tx, { dryRun: false, now: afterEnd(91) }))).toBe(due);

    const left = await sql`
      select 1 from consent_contacts k join consent_cases c on c.id = k.case_id where c.inspection_id = ${inspection.id}
      union all select 1 from consent_preferences p join consent_cases c on c.id = p.case_id where c.inspection_id = ${inspection.id}
      union all select 1 from consent_requests r join consent_cases c on c.id = r.case_id where c.inspection_id = ${inspection.id}`;
    expect(left).toHaveLength(0);
    expect((await sql<{ n: number }[]>`select count(*)::int as n from consent_decisions`)[0]!.n).toBe(records);
    const everything = JSON.stringify(await sql`select * from consent_decisions`);
    for (const contact of contacts) {
      for (const value of [contact.email, contact.phone, contact.name])
        if (value) expect(everything).not.toContain(value);
    }
  });
});
