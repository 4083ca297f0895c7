import { expect, test } from "vitest";
import { sql } from "~/db.server";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { movePendingAtClose, movePendingResponses } from "~/surveys/drafts.server";
import { futureDay1 } from "../support/inspections";
import { Respondent } from "../support/respondent";

/**
 * Someone with the database or a backup must not be able to pair a named "happy to talk" request with
 * the anonymous answers sent just before it, nor put responses in the order they were sent: not by the
 * order of the rows, not by their transaction ids (xmin), not by their ids.
 */
test("after responses and talk requests sent in turn, no order in the database matches the order they were sent", async () => {
  const inspection = await createInspection(
    NewInspection.parse({ localAreaName: "Ordershire", kind: "revisit", day1: futureDay1() }),
  );
  await sql`
    update inspections set survey_opens_at = now() - interval '1 hour', survey_closes_at = now() + interval '1 hour'
    where id = ${inspection.id}`;
  const survey = (await findSurvey(inspection.id, "parents"))!;
  const text = (await questionsOf(survey.id)).findIndex((question) => question.kind === "text") + 1;

  // Twelve parents in turn: each sends a response (marked by its comment), then asks to talk.
  for (let sent = 0; sent < 12; sent += 1) {
    const parent = new Respondent(inspection.slug);
    await parent.respond({ [text]: `message ${sent}` });
    expect((await parent.askToTalk(`Parent ${sent}`)).status).toBe(302);
  }

  const stored = async () =>
    sql<Array<{ sent: number; xmin: number; page: number; line: number; id: string; recordKey: number }>>`
      select substr(a.text, 9)::int as sent, r.xmin::text::bigint as xmin, r.id, r.record_key,
        (r.ctid::text::point)[0]::int as page, (r.ctid::text::point)[1]::int as line
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${survey.id} and a.text like 'message %'`;
  const talks = await sql<Array<{ name: string; xmin: number }>>`
    select name, xmin::text::bigint as xmin from talk_requests where inspection_id = ${inspection.id}`;

  // The first ten were moved together by the tenth submission; two still wait, with no time.
  const batch = await stored();
  expect(batch).toHaveLength(10);
  const [{ waiting }] = await sql<[{ waiting: number }]>`
    select count(*)::int as waiting from pending_responses where survey_id = ${survey.id}`;
  expect(waiting).toBe(2);

  // One transaction id for the whole batch: it orders nothing within it ...
  expect(new Set(batch.map((row) => row.xmin)).size).toBe(1);
  // ... and every talk request comes either before all of them or after all of them, so none can be
  // paired with "the response sent just before it".
  for (const talk of talks) {
    const before = batch.filter((row) => row.xmin < talk.xmin).length;
    expect([0, 10]).toContain(before);
  }
  const sentOrder = [...Array(10).keys()];
  const orderBy = (key: (row: (typeof batch)[number]) => number | string) =>
    [...batch].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((row) => row.sent);
  // Neither where the rows lie, nor their ids, nor their record keys, follow the order they were sent.
  expect(orderBy((row) => row.page * 1000 + row.line)).not.toEqual(sentOrder);
  expect(orderBy((row) => row.id)).not.toEqual(sentOrder);
  expect(orderBy((row) => row.recordKey)).not.toEqual(sentOrder);

  // The periodic job leaves a part batch alone while the survey is open; at the close it moves it whole.
  expect(await movePendingResponses()).toBe(0);
  expect(await movePendingAtClose(survey.id)).toBe(2);
  const all = await stored();
  const last = all.filter((row) => row.sent >= 10);
  expect(new Set(last.map((row) => row.xmin)).size).toBe(1);
  expect(last[0]!.xmin).not.toBe(batch[0]!.xmin);

  // Named records carry a date, never a time.
  const timed = await sql`
    select column_name from information_schema.columns
    where table_name in ('talk_requests', 'pending_responses', 'responses') and data_type like 'time%'`;
  expect(timed).toEqual([]);
});
