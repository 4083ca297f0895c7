import postgres from "postgres";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import { contextOptions, expectAccessibleAtEveryWidth, launchChromium, serverRenderedOnly } from "../support/browser";
import { portal } from "../support/cli";
import { latestEmailTo, staffLinkIn } from "../support/outbox";
import { addSampleResponses } from "../../db/sample-responses";
import { futureDay1 } from "../support/inspections";
import { readFileSync } from "node:fs";

/** "Error:" in each language: the start of the title of a page whose form has errors. */
const errorPrefix = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/common.json`, "utf8")).forms.errorPrefix as string;

/**
 * Every staff page, in every language, at phone and laptop widths: zero axe violations, the right lang
 * and dir, as the server renders them (forms answered by the server, as without JavaScript). The
 * journeys in staff-journey.test.ts check the same pages hydrated.
 */
let browser: Browser;
let storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
const pages: Array<{ path: string; submit?: string }> = [];
const ADMIN = "scan.admin@example.org";

beforeAll(async () => {
  const env = { DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") };
  portal(["add-staff", "--email", ADMIN, "--role", "admin"], env);
  portal(["create-inspection", "--area", "Scanshire", "--kind", "revisit", "--day1", futureDay1()], env);
  const sql = postgres(inject("appDatabaseUrl"), { max: 1 });
  const [question] = await sql`
    select q.id from questions q join surveys s on s.id = q.survey_id join inspections i on i.id = s.inspection_id
    where i.slug = 'scanshire' and s.audience = 'parents' and q.kind = 'about-you' order by q.position limit 1`;
  const [survey] = await sql`
    select s.id from surveys s join inspections i on i.id = s.inspection_id where i.slug = 'scanshire' and s.audience = 'parents'`;
  await addSampleResponses(sql, survey!.id, 40);
  // A setting name whose removal waits for an inspector's confirmation, so that part of its page is scanned.
  await sql`
    with scan as (select id from inspections where slug = 'scanshire'),
    named as (insert into setting_names (inspection_id, name) select id, 'Northshire Primary Academy' from scan returning inspection_id, name)
    insert into setting_name_removals (inspection_id, name) select inspection_id, name from named`;
  await sql.end();

  const open = "/staff/inspections/scanshire/surveys/parents";
  pages.push(
    { path: "/staff" },
    { path: "/staff/people" },
    { path: "/staff/inspections/new" },
    { path: "/staff/inspections/new", submit: "#new-inspection button[type=submit]" },
    { path: "/staff/inspections/demo" },
    { path: "/staff/inspections/demo/window" },
    { path: "/staff/inspections/demo/window", submit: "#survey-window button[type=submit]" },
    { path: "/staff/inspections/demo/team" },
    { path: "/staff/inspections/demo/safeguarding" },
    { path: "/staff/inspections/demo/surveys/parents" },
    { path: "/staff/inspections/demo/surveys/young-people/review" },
    { path: open },
    { path: `${open}/review` },
    { path: `${open}/questions/new?kind=choice` },
    { path: `${open}/questions/new?kind=choice`, submit: "#question button[value=save]" },
    { path: `${open}/questions/${question!.id}` },
    { path: `${open}/questions/${question!.id}/translations` },
    { path: `${open}/questions/${question!.id}/translations/ur` },
    { path: "/staff/inspections/scanshire/results" },
    { path: `/staff/inspections/scanshire/results?survey=parents&by=${question!.id}` },
    { path: "/staff/inspections/scanshire/results?survey=young-people" },
    { path: "/staff/inspections/scanshire/results/comments" },
    { path: "/staff/inspections/scanshire/results/comments", submit: "#redact button[type=submit]" },
    { path: `/staff/inspections/scanshire/results/print?survey=parents&by=${question!.id}` },
    { path: "/staff/inspections/scanshire/setting-names" },
    { path: "/staff/inspections/scanshire/setting-names", submit: "#add-setting-name button[type=submit]" },
    { path: "/staff/audit" },
  );

  browser = await launchChromium();
  const context = await browser.newContext(contextOptions(1280));
  const page = await context.newPage();
  const requested = Date.now() - 1_000;
  await page.goto("/staff/sign-in");
  await page.locator("input[type=email]").fill(ADMIN);
  await page.locator("form[method=post] button[type=submit]").click();
  await page.goto(staffLinkIn((await latestEmailTo(inject("appDataDir"), ADMIN, { after: requested })).text));
  await page.locator("form[method=post] button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/staff");
  storageState = await context.storageState();
  await context.close();
});

afterAll(() => browser?.close());

test.concurrent.for(LANGUAGE_CODES)("every staff page in %s, at phone and laptop widths", async (language) => {
  const context = await browser.newContext(contextOptions(375, { storageState }));
  await serverRenderedOnly(context);
  const page = await context.newPage();
  await page.goto(`/language?lng=${language}&back=/staff`);
  for (const { path, submit } of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    if (submit) {
      await page.locator(submit).click();
      await page.locator(".error-summary").waitFor();
      expect(await page.title(), path).toMatch(new RegExp(`^${errorPrefix(language)} `));
    }
    expect(await page.getAttribute("html", "lang"), path).toBe(language);
    expect(await page.getAttribute("html", "dir"), path).toBe(textDirection(language));
    await expectAccessibleAtEveryWidth(page, `${path}${submit ? " (with errors)" : ""} in ${language}`);
  }
  // The signed-out pages, in the same language.
  const signedOut = await browser.newContext(contextOptions(375));
  await serverRenderedOnly(signedOut);
  const visitor = await signedOut.newPage();
  await visitor.goto(`/language?lng=${language}&back=/staff/sign-in`);
  for (const path of ["/staff/sign-in", "/staff/sign-in/check-email", "/staff/sign-in/not-a-real-token"]) {
    await visitor.goto(path);
    await expectAccessibleAtEveryWidth(visitor, `${path} in ${language}`);
  }
  await visitor.goto("/staff/sign-in");
  await visitor.locator("form[method=post] button[type=submit]").click();
  await visitor.locator(".error-summary").waitFor();
  await expectAccessibleAtEveryWidth(visitor, `sign-in with errors in ${language}`);
  await signedOut.close();
  await context.close();
});
