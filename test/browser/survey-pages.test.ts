import postgres from "postgres";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import { contextOptions, expectAccessibleAtEveryWidth, launchChromium, serverRenderedOnly } from "../support/browser";
import { createInspectionOpenAt } from "../support/inspections";

/**
 * Every page of the survey journey, in every language, at 375 and 1280 px: zero axe violations, the
 * right lang and dir. Pages are as the server renders them (as without JavaScript).
 */
let browser: Browser;

beforeAll(async () => {
  const env = { DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") };
  const sql = postgres(inject("appDatabaseUrl"), { max: 1, onnotice: () => {} });
  for (const [slug, opens, closes] of [
    ["sweep", "-1 hour", "2 hours"],
    ["sweep-closed", "-3 days", "-1 day"],
    ["sweep-upcoming", "1 day", "3 days"],
  ] as const) {
    await createInspectionOpenAt(sql, env, { area: `Sweepshire ${slug}`, slug, opens, closes });
  }
  await sql`update inspections set safeguarding_contact = 'Sweepshire Children''s Services, 0300 123 4567' where slug = 'sweep'`;
  await sql.end();
  browser = await launchChromium();
});

afterAll(() => browser?.close());

async function scanned(
  page: Page,
  language: string,
  label: string,
  status = 200,
  response?: { status(): number } | null,
) {
  if (response) expect(response.status(), label).toBe(status);
  expect(await page.getAttribute("html", "lang"), label).toBe(language);
  expect(await page.getAttribute("html", "dir"), label).toBe(textDirection(language));
  await expectAccessibleAtEveryWidth(page, label);
}

test.concurrent.for(LANGUAGE_CODES)("every survey page in %s, at phone and laptop widths", async (language) => {
  const context = await browser.newContext(contextOptions(375));
  await serverRenderedOnly(context);
  const page = await context.newPage();
  const at = (path: string) => `${path} in ${language}`;
  const visit = async (path: string, status = 200) => scanned(page, language, at(path), status, await page.goto(path));
  await page.goto(`/language?lng=${language}&back=/`);

  await visit("/s/sweep");
  await visit("/s/sweep/parents");
  await visit("/s/sweep/practitioners");
  await visit("/s/sweep/parents/questions/1"); // agree or disagree
  await page.locator("input.choice__input").first().check();
  await page.locator('button[value="continue"]').click();
  await visit("/s/sweep/parents/questions/9"); // free text, with the safeguarding notice
  await page.locator("textarea").fill("x".repeat(2001));
  await page.locator('button[value="continue"]').click();
  await page.locator(".error-summary").waitFor();
  await scanned(page, language, at("free text with an error"));
  await visit("/s/sweep/parents/questions/11"); // about you
  await visit("/s/sweep/young-people/questions/1"); // easy-read faces
  await visit("/s/sweep/parents/save");
  await visit("/s/sweep/parents/check");
  await page.locator("form[method=post] button.button").click();
  await page.waitForURL("**/s/sweep/parents/done");
  await scanned(page, language, at("done"));
  await visit("/s/sweep/parents"); // already taken part
  await visit("/s/sweep/talk");
  await page.locator("#talk button[type=submit]").click();
  await page.locator(".error-summary").waitFor();
  await scanned(page, language, at("talk with errors"));
  await visit("/s/sweep-closed/parents");
  await visit("/s/sweep-upcoming/parents");
  await visit("/s/sweep/parents/resume/not-a-token", 404);
  await context.close();
});
