import { beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import { parseWav } from "~/easy-read/pcm.js";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { disclosureRules } from "~/results/results.server";
import { NewInspection } from "~/inspections/schema";
import * as audioRoute from "~/routes/audio.$file";
import * as startRoute from "~/routes/s.$slug.$audience._index";
import * as questionRoute from "~/routes/s.$slug.$audience.questions.$number";
import * as takePartRoute from "~/routes/s.$slug.$audience.take-part";
import * as resultsRoute from "~/routes/staff.inspections.$slug.results._index";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import { futureDay1 } from "../support/inspections";
import { addResponses, times } from "../support/responses";
import { signedInStaff } from "../support/staff";

/**
 * The young people's survey through its real routes: switch mode and its validation, answers that do
 * not exist, choosing not to take part, audio made and served from the cache, and the results summary.
 */
const context = { cspNonce: "", clientAddress: "203.0.113.10" };
let inspection: Inspection;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: `Easyshire ${counter}`, kind: "revisit", day1: futureDay1() }),
  );
  await sql`
    update inspections set survey_opens_at = now() - interval '1 hour', survey_closes_at = now() + interval '1 day'
    where id = ${inspection.id}`;
});

const base = () => `/s/${inspection.slug}/young-people`;
const params = (extra: Record<string, string> = {}) => ({ slug: inspection.slug, audience: "young-people", ...extra });

function request(
  path: string,
  { form, cookie, headers }: { form?: Record<string, string>; cookie?: string; headers?: Record<string, string> } = {},
) {
  return new Request(`http://localhost${path}`, {
    method: form ? "POST" : "GET",
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: form ? new URLSearchParams(form) : undefined,
  });
}

async function run(
  handler: (args: any) => unknown,
  req: Request,
  routeParams: Record<string, string>,
): Promise<Response> {
  try {
    const result = await handler({ request: req, params: routeParams, context });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const drafts = async () =>
  (
    await sql<[{ n: number }]>`
      select count(*)::int as n from survey_drafts d join surveys s on s.id = d.survey_id where s.inspection_id = ${inspection.id}`
  )[0].n;
const responses = async () =>
  (
    await sql<[{ n: number }]>`
      select count(*)::int as n from responses r join surveys s on s.id = r.survey_id where s.inspection_id = ${inspection.id}`
  )[0].n;

describe("switch mode", () => {
  test("a speed out of range gets an easy-read error and nothing is remembered", async () => {
    const response = await run(
      startRoute.action,
      request(base(), { form: { intent: "switch", switches: "one", speed: "warp" } }),
      params(),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { speed: ["easyread:errors.speed"] } });
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  test("a made-up number of switches is refused the same way", async () => {
    const response = await run(
      startRoute.action,
      request(base(), { form: { switches: "nine", speed: "slow" } }),
      params(),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { switches: ["easyread:errors.switches"] } });
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  test("turned on, it is remembered on the device for this survey only; turned off, forgotten", async () => {
    const saved = await run(startRoute.action, request(base(), { form: { switches: "two", speed: "slow" } }), params());
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${base()}?switch#switch-mode`);
    const setCookie = saved.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(new RegExp(`^switch_mode=.*Path=${base()}.*HttpOnly`));
    const cookie = setCookie.split(";")[0]!;

    const start = await (await run(startRoute.loader, request(`${base()}?switch`, { cookie }), params())).json();
    expect(start.easyRead.page.switchMode).toEqual({ switches: "two", speed: "slow" });
    expect(start.easyRead.switchSaved).toBe(true);
    const question = await (
      await run(questionRoute.loader, request(`${base()}/questions/2`, { cookie }), params({ number: "2" }))
    ).json();
    expect(question.easyRead.switchMode).toEqual({ switches: "two", speed: "slow" });

    const off = await run(
      startRoute.action,
      request(base(), { form: { switches: "off", speed: "slow" }, cookie }),
      params(),
    );
    expect(off.headers.get("Set-Cookie")).toMatch(/^switch_mode=; .*Max-Age=0/);
  });

  test("the parents' survey has no switch settings to post", async () => {
    const response = await run(
      startRoute.action,
      request(`/s/${inspection.slug}/parents`, { form: { switches: "one", speed: "fast" } }),
      { slug: inspection.slug, audience: "parents" },
    );
    expect(response.status).toBe(405);
  });
});

describe("answering", () => {
  test("a made-up answer gets an easy-read error, what was sent comes back, and nothing is stored", async () => {
    const response = await run(
      questionRoute.action,
      request(`${base()}/questions/2`, { form: { answer: "ecstatic", intent: "continue" } }),
      params({ number: "2" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "easyread:errors.answer", submitted: ["ecstatic"] });
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await drafts()).toBe(0);
  });

  test("'I don't understand the question' is an answer like any other", async () => {
    const response = await run(
      questionRoute.action,
      request(`${base()}/questions/2`, { form: { answer: "dont-understand", intent: "continue" } }),
      params({ number: "2" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${base()}/questions/3`);
    const [draft] = await sql<{ answers: Record<string, string> }[]>`
      select answers from survey_drafts d join surveys s on s.id = d.survey_id where s.inspection_id = ${inspection.id}`;
    expect(Object.values(draft!.answers)).toEqual(["dont-understand"]);
  });

  test("the question page gives the cards their pictures and audio, and Back from question 1 goes to the choice to take part", async () => {
    const first = await (
      await run(questionRoute.loader, request(`${base()}/questions/1`), params({ number: "1" }))
    ).json();
    expect(first.back).toBe(`${base()}/take-part`);
    expect(first.easyRead.picture).toBe("/easy-read/hand-helping.svg");
    expect(first.easyRead.cards.map((card: { picture: string }) => card.picture)).toEqual([
      "/easy-read/user.svg",
      "/easy-read/house-heart.svg",
      "/easy-read/school.svg",
      "/easy-read/user-round-plus.svg",
    ]);
    const faces = await (
      await run(questionRoute.loader, request(`${base()}/questions/2`), params({ number: "2" }))
    ).json();
    expect(faces.easyRead.caption).toBe("Question 2 of 9");
    expect(faces.easyRead.cards.map((card: { value: string; apart: boolean }) => [card.value, card.apart])).toEqual([
      ["very-happy", false],
      ["happy", false],
      ["okay", false],
      ["sad", false],
      ["very-sad", false],
      ["dont-know", true],
      ["dont-understand", true],
    ]);
    // Each card can be heard on its own; the screen's audio is all of its lines.
    const cardAudio = faces.easyRead.cards.map(
      (card: { audio: string }) => card.audio.match(/\/audio\/(\w+)\.wav/)![1],
    );
    for (const key of cardAudio) expect(faces.easyRead.audio).toContain(key);
  });
});

describe("choosing to take part", () => {
  test("'No thanks' thanks them and stores nothing", async () => {
    const page = await (await run(takePartRoute.loader, request(`${base()}/take-part?answer=no`), params())).json();
    expect(page).toMatchObject({ declined: true, title: "That is OK" });
    expect(await drafts()).toBe(0);
    expect(await responses()).toBe(0);
  });

  test("the page is only for young people", async () => {
    const response = await run(takePartRoute.loader, request(`/s/${inspection.slug}/parents/take-part`), {
      slug: inspection.slug,
      audience: "parents",
    });
    expect(response.status).toBe(404);
  });
});

describe("audio", () => {
  test("a screen's audio is made once, kept, and served again from the cache with byte ranges", async () => {
    const page = await (await run(takePartRoute.loader, request(`${base()}/take-part?answer=no`), params())).json();
    const file = (page.page.audio as string).replace("/audio/", "");
    const made = await run(audioRoute.loader, request(`/audio/${file}`), { file });
    expect(made.status).toBe(200);
    expect(made.headers.get("Content-Type")).toBe("audio/wav");
    expect(made.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await made.arrayBuffer());
    const wav = parseWav(bytes);
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
    // "That is OK. Thank you for looking. We have not kept anything. You can close this page now."
    expect(wav.seconds).toBeGreaterThan(3);
    expect(wav.seconds).toBeLessThan(20);
    expect(Math.max(...wav.samples.slice(0, 40000).map(Math.abs))).toBeGreaterThan(1000); // not silence

    // Every line is now kept, made once: asking again makes nothing new.
    const madeAt = async () =>
      sql<{ key: string; madeAt: Date }[]>`
        select key, made_at from speech_clips where key = any(${file.replace(".wav", "").split("-")}::text[]) order by key`;
    const first = await madeAt();
    expect(first).toHaveLength(4);
    expect(first.every((clip) => clip.madeAt !== null)).toBe(true);
    const cached = await run(audioRoute.loader, request(`/audio/${file}`), { file });
    expect(new Uint8Array(await cached.arrayBuffer())).toEqual(bytes);
    expect(await madeAt()).toEqual(first);

    const range = await run(audioRoute.loader, request(`/audio/${file}`, { headers: { Range: "bytes=0-3" } }), {
      file,
    });
    expect(range.status).toBe(206);
    expect(range.headers.get("Content-Range")).toBe(`bytes 0-3/${bytes.byteLength}`);
    expect(new TextDecoder().decode(await range.arrayBuffer())).toBe("RIFF");
  });

  test("an address naming audio the service never made is not found (nothing is spoken on request)", async () => {
    for (const file of ["0123456789abcdef0123.wav", "../../etc/passwd", "zz.wav"]) {
      expect((await run(audioRoute.loader, request(`/audio/x`), { file })).status).toBe(404);
    }
  });
});

describe("results", () => {
  test("the young people's tab shows the face scale summary, with 'don't understand', and how many had help", async () => {
    const survey = (await findSurvey(inspection.id, "young-people"))!;
    const [helped, school] = await questionsOf(survey.id);
    await addResponses(sql, survey.id, [
      ...times(10, { [helped!.id]: "no-one", [school!.id]: "very-happy" }),
      ...times(10, { [helped!.id]: "no-one", [school!.id]: "happy" }),
      ...times(10, { [helped!.id]: "parent-carer", [school!.id]: "dont-understand" }),
      ...times(10, { [helped!.id]: "school-college", [school!.id]: "sad" }),
      ...times(10, { [helped!.id]: "school-college", [school!.id]: "very-sad" }),
    ]);
    const inspector = await signedInStaff(`easy-inspector${counter}@example.org`, {
      inspections: [[inspection.id, "inspector"]],
    });
    const page = await (
      await run(
        resultsRoute.loader,
        request(`/staff/inspections/${inspection.slug}/results?survey=young-people`, { cookie: inspector.cookie }),
        { slug: inspection.slug },
      )
    ).json();
    // Worked out from the published (noisy) counts on the same page, so it adds nothing to them.
    type Cell = { state: string; count: number | null };
    const [helpedResult, schoolResult] = page.report.questions as Array<{ answered: Cell; cells: Cell[] }>;
    const published = (cell: Cell) => (cell.state === "shown" ? cell.count! : null);
    const near = (value: number | null, truth: number) => {
      expect(value).not.toBeNull();
      expect(Math.abs(value! - truth)).toBeLessThanOrEqual(disclosureRules.noise.maxAdjustment);
    };
    const answered = published(helpedResult!.answered)!;
    near(answered, 50);
    const withHelp = answered - published(helpedResult!.cells[0]!)!;
    near(withHelp, 30);
    expect(page.easyRead.helped).toMatchObject({
      number: 1,
      answered,
      helped: { state: "shown", count: withHelp, percent: Math.round((withHelp / answered) * 100) },
    });
    // A share only where every count in it is shown (one knocked under 5 by the noise is "fewer than 5").
    const share = (...cells: number[]) =>
      cells.every((index) => schoolResult!.cells[index]!.state === "shown")
        ? Math.round(
            (cells.reduce((sum, index) => sum + published(schoolResult!.cells[index]!)!, 0) /
              published(schoolResult!.answered)!) *
              100,
          )
        : null;
    expect(page.easyRead.faces[0]).toMatchObject({
      number: 2,
      happy: share(0, 1),
      sad: share(3, 4),
      dontKnow: null, // nobody: shown as "fewer than 5", so no share
      dontUnderstand: share(6),
    });
    // "Don't understand" is a column of its own, set apart like "don't know".
    const columns = page.report.questions[1].columns.map(
      (column: { value: string; apart: boolean; label: { text: string } }) => [
        column.value,
        column.apart,
        column.label.text,
      ],
    );
    expect(columns.slice(-2)).toEqual([
      ["dont-know", true, "I don't know"],
      ["dont-understand", true, "I don't understand the question"],
    ]);
    // Questions nobody has answered enough say so, rather than a share.
    expect(page.easyRead.faces[1]).toMatchObject({ answered: null, happy: null, dontUnderstand: null });
  });

  test("the parents' tab has no easy-read summary", async () => {
    const inspector = await signedInStaff(`parents-inspector${counter}@example.org`, {
      inspections: [[inspection.id, "inspector"]],
    });
    const page = await (
      await run(
        resultsRoute.loader,
        request(`/staff/inspections/${inspection.slug}/results`, { cookie: inspector.cookie }),
        {
          slug: inspection.slug,
        },
      )
    ).json();
    expect(page.easyRead).toBeNull();
  });
});
