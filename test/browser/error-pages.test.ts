import postgres from "postgres";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import {
  contextOptions,
  expectNoAxeViolations,
  launchChromium,
  serverRenderedOnly,
  visitorAddress,
  WIDTHS,
} from "../support/browser";
import { portal } from "../support/cli";
import { futureDay1 } from "../support/inspections";
import { sessionMaker } from "../support/sessions";

/**
 * The pages people see when something is refused, in every language at both widths, with zero axe
 * violations: the edge's own page (a request refused before any route runs, here a NUL in the address),
 * and the app's pages for a survey locked while its form was open (409) and for too many attempts (429).
 * The last two are answers to POSTs, so each is fetched as a browser would send it and the HTML the
 * server gave is then shown in Chromium at the app's own address (its stylesheet loads; scripts are
 * kept out, as without JavaScript).
 */
let browser: Browser;
let sql: postgres.Sql;
const captured: Record<string, Record<string, string>> = { locked: {}, tooMany: {} };

beforeAll(async () => {
  const baseURL = inject("baseURL");
  sql = postgres(inject("appDatabaseUrl"), { max: 1, onnotice: () => {} });
  const env = { DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") };
  portal(
    ["create-inspection", "--area", "Errorshire", "--kind", "revisit", "--day1", futureDay1(), "--slug", "errorshire"],
    env,
  );
  const [row] = await sql<{ inspection: string; question: string }[]>`
    select i.id as inspection, q.id as question from inspections i join surveys s on s.inspection_id = i.id
    join questions q on q.survey_id = s.id where i.slug = 'errorshire' and s.audience = 'parents' order by q.position limit 1`;
  const [user] = await sql<
    { id: string }[]
  >`insert into staff_users (email) values ('errors.inspector@example.org') returning id`;
  await sql`insert into staff_roles (user_id, inspection_id, role) values (${user!.id}, ${row!.inspection}, 'inspector')`;
  const session = await sessionMaker(sql, inject("appDataDir"))(user!.id);
  // The survey opens while the inspector's edit form is open.
  await sql`update inspections set survey_opens_at = now() - interval '1 minute' where id = ${row!.inspection}`;

  // Twenty robot-filled "happy to talk" forms use up this client's limit (the honeypot: nothing is
  // stored); each language's form after that is refused.
  const robot = visitorAddress();
  const talk = (language: string) =>
    fetch(`${baseURL}/s/demo/talk`, {
      method: "POST",
      headers: { "Accept-Language": language, "X-Forwarded-For": robot },
      body: new URLSearchParams({ website: "robot" }),
      redirect: "manual",
    });
  for (let attempt = 0; attempt < 20; attempt += 1) expect((await talk("en-GB")).status).toBe(302);

  for (const language of LANGUAGE_CODES) {
    const locked = await fetch(`${baseURL}/staff/inspections/errorshire/surveys/parents/questions/${row!.question}`, {
      method: "POST",
      headers: { Cookie: session.cookie, "Accept-Language": language },
      body: new URLSearchParams({ csrf: session.csrf, kind: "scale", text: "Changed too late" }),
    });
    expect(locked.status).toBe(409);
    captured.locked![language] = await locked.text();

    const tooMany = await talk(language);
    expect(tooMany.status).toBe(429);
    captured.tooMany![language] = await tooMany.text();
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

async function check(page: Page, language: string, heading: RegExp | string) {
  expect(await page.getAttribute("html", "lang")).toBe(language);
  expect(await page.getAttribute("html", "dir")).toBe(textDirection(language));
  await expect(page.locator("h1").textContent()).resolves.toMatch(heading);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${page.url()} (${language}, ${width} px)`);
  }
}

test.each(LANGUAGE_CODES)(
  "refused before any route, locked survey and too many attempts pages in %s",
  async (language) => {
    const context = await browser.newContext(
      contextOptions(WIDTHS[0], { locale: language, extraHTTPHeaders: { "Accept-Language": language } }),
    );
    await serverRenderedOnly(context);
    const page = await context.newPage();

    const refused = await page.goto("/s/%00");
    expect(refused!.status()).toBe(400);
    await check(page, language, /\S/);

    for (const [kind, pages] of Object.entries(captured)) {
      await page.route(`**/__captured/${kind}`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: pages[language]! }),
      );
      await page.goto(`/__captured/${kind}`);
      await check(page, language, /\S/);
      expect(await page.title()).toMatch(/ – /);
    }
    await context.close();
  },
);
