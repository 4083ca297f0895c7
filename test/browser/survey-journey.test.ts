import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { collectPageErrors, contextOptions, expectNoAxeViolations, launchChromium } from "../support/browser";
import { activate, pageDrawn, tabTo } from "../support/keyboard";
import { latestEmailTo } from "../support/outbox";
import { createInspectionOpenAt } from "../support/inspections";

/**
 * A parent completes the survey on a phone (375 px): with the keyboard alone, in Urdu, without
 * JavaScript, after closing the browser, and across the closing time. Each journey checks the
 * database afterwards: one response per completed survey, none for anything else.
 */
let browser: Browser;
let sql: postgres.Sql;
const env = () => ({ DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") });
let areas = 0;

/** A new inspection whose parent survey is open now (or as `window` says). */
async function openInspection(window: { opens: string; closes: string } = { opens: "-1 hour", closes: "2 hours" }) {
  areas += 1;
  const slug = `journey-${areas}`;
  await createInspectionOpenAt(sql, env(), { area: `Journeyshire ${areas}`, slug, ...window });
  return slug;
}

/** Submitted responses, whether still waiting for their batch or already moved into `responses`. */
async function responses(slug: string) {
  return sql<{ late: boolean; locale: string; channel: string | null }[]>`
    select r.late, r.locale, r.channel from (
      select survey_id, late, locale, channel from responses
      union all select survey_id, late, locale, channel from pending_responses
    ) r join surveys s on s.id = r.survey_id
    join inspections i on i.id = s.inspection_id where i.slug = ${slug} and s.audience = 'parents'`;
}

const phone = (options: Parameters<typeof contextOptions>[1] = {}) => browser.newContext(contextOptions(375, options));

/** Answers whatever the page asks (the first choice, or a sentence of text), then continues. */
async function answerWithMouse(page: Page, text = "The speech therapist was brilliant.") {
  const textarea = page.locator("textarea");
  if (await textarea.count()) await textarea.fill(text);
  else await page.locator("input.choice__input").first().check();
  const before = page.url();
  await page.locator('button[value="continue"]').click();
  await page.waitForURL((url) => url.href !== before);
  await pageDrawn(page);
}

async function answerAllWithMouse(page: Page, slug: string) {
  for (let step = 0; step < 20 && !new URL(page.url()).pathname.endsWith("/check"); step += 1)
    await answerWithMouse(page);
  expect(new URL(page.url()).pathname).toBe(`/s/${slug}/parents/check`);
}

beforeAll(async () => {
  browser = await launchChromium();
  sql = postgres(inject("appDatabaseUrl"), { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

test("in English, with the keyboard alone, from the inspection page to the confirmation", async () => {
  const slug = await openInspection();
  const context = await phone();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`/s/${slug}?src=forum`);
  await activate(page, page.getByRole("link", { name: "Take the survey for parents and carers" }));
  await page.getByRole("heading", { name: "Survey for parents and carers" }).waitFor();
  await expectNoAxeViolations(page, "start");
  await activate(page, page.getByRole("link", { name: "Start now" }));

  for (let number = 1; number <= 12; number += 1) {
    await page.getByText(`Question ${number} of 12`).waitFor();
    const textarea = page.locator("textarea");
    if (await textarea.count()) {
      await tabTo(page, textarea);
      await page.keyboard.type("We waited a long time.\nThen things got better.");
    } else {
      // Tab reaches the group's first radio; the arrow keys choose another.
      await tabTo(page, page.locator("input.choice__input").first());
      await page.keyboard.press(number === 1 ? "ArrowDown" : "Space");
    }
    if (number === 1) await expectNoAxeViolations(page, "question 1");
    await activate(page, page.getByRole("button", { name: "Continue" }));
  }

  await page.getByRole("heading", { name: "Check your answers before sending them" }).waitFor();
  expect(await page.locator(".summary-list__row").first().textContent()).toContain("Agree");
  await expectNoAxeViolations(page, "check your answers");
  // Change an answer from the summary, and come straight back.
  await activate(page, page.getByRole("link", { name: /^Change What could be better\?/ }));
  await tabTo(page, page.locator("textarea"));
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Much better.");
  await activate(page, page.getByRole("button", { name: "Continue" }));
  await page.getByRole("heading", { name: "Check your answers before sending them" }).waitFor();
  expect(await page.locator("main").textContent()).toContain("Then things got better. Much better.");

  await activate(page, page.getByRole("button", { name: "Send my answers" }));
  await page.getByRole("heading", { name: "Thank you" }).waitFor();
  await expectNoAxeViolations(page, "done");
  expect(await page.locator("main").textContent()).not.toMatch(/reference/i);
  expect(await responses(slug)).toEqual([{ late: false, locale: "en-GB", channel: "forum" }]);

  // Back to the start: this browser has taken part, so it is asked before a second response.
  await page.goto(`/s/${slug}/parents`);
  await page.getByRole("heading", { name: "You have already taken part" }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test("in Urdu, right to left, switching language mid-survey without losing answers", async () => {
  const slug = await openInspection();
  const context = await phone();
  const page = await context.newPage();
  await page.goto(`/s/${slug}/parents/questions/1`);
  await answerWithMouse(page);
  await page.getByRole("link", { name: "اردو" }).click();
  await page.waitForURL(`**/s/${slug}/parents/questions/2`);
  expect(await page.getAttribute("html", "dir")).toBe("rtl");
  expect(await page.getAttribute("html", "lang")).toBe("ur");
  await expectNoAxeViolations(page, "question 2 in Urdu");
  // The back link points the other way in a right-to-left page.
  const arrow = await page.locator(".back-link").evaluate((link) => getComputedStyle(link, "::before").transform);
  expect(arrow).not.toBe("none");

  await answerAllWithMouse(page, slug);
  // The first answer, given in English, is still there, now read back in Urdu.
  const firstAnswer = await page.locator(".summary-list__row").first().locator(".answer").textContent();
  expect(firstAnswer?.trim()).not.toBe("");
  expect(firstAnswer).not.toContain("Agree");
  await expectNoAxeViolations(page, "check in Urdu");
  await page.locator("form[method=post] button.button").click();
  await page.waitForURL(`**/s/${slug}/parents/done`);
  expect(await responses(slug)).toEqual([{ late: false, locale: "ur", channel: null }]);
  await context.close();
});

test("without JavaScript, including an answer that is too long, which comes back as typed", async () => {
  const slug = await openInspection();
  const context = await phone({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/s/${slug}/parents`);
  await page.getByRole("link", { name: "Start now" }).click();
  await page.goto(`/s/${slug}/parents/questions/9`);
  const tooLong = "a".repeat(2001);
  await page.locator("textarea").fill(tooLong);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator(".error-summary").waitFor();
  expect(await page.title()).toMatch(/^Error: /);
  expect(await page.locator("textarea").inputValue()).toBe(tooLong);
  await page.goto(`/s/${slug}/parents/questions/1`);
  await answerAllWithMouse(page, slug);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.waitForURL(`**/s/${slug}/parents/done`);
  expect(await responses(slug)).toHaveLength(1);
  await context.close();
});

describe("coming back", () => {
  test("after closing the browser, the survey carries on where it was left", async () => {
    const slug = await openInspection();
    let context: BrowserContext = await phone();
    let page = await context.newPage();
    await page.goto(`/s/${slug}/parents/questions/1`);
    await answerWithMouse(page);
    await answerWithMouse(page);
    const saved = await context.storageState();
    await context.close();

    context = await phone({ storageState: saved });
    page = await context.newPage();
    await page.goto(`/s/${slug}/parents`);
    await page.getByRole("link", { name: "Continue where you left off" }).click();
    await page.waitForURL(`**/s/${slug}/parents/questions/3`);
    await answerAllWithMouse(page, slug);
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL(`**/done`);
    expect(await responses(slug)).toHaveLength(1);
    await context.close();
  });

  test("'save and come back later' emails a link that finishes the survey on another device", async () => {
    const slug = await openInspection();
    const first = await phone();
    const page = await first.newPage();
    await page.goto(`/s/${slug}/parents/questions/1`);
    await page.locator("input.choice__input").first().check();
    await page.getByRole("button", { name: "Save and come back later" }).click();
    await page.getByRole("heading", { name: "Your answers have been saved" }).waitFor();
    await expectNoAxeViolations(page, "saved");
    const asked = Date.now() - 1_000;
    await page.getByLabel("Email address").fill("busy.parent@example.org");
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("status").waitFor();
    await first.close();

    const email = await latestEmailTo(inject("appDataDir"), "busy.parent@example.org", { after: asked });
    const link = email.text!.match(/http:\/\/\S+\/resume\/[\w-]+/)![0];
    const other = await phone();
    const elsewhere = await other.newPage();
    await elsewhere.goto(link);
    await elsewhere.getByRole("heading", { name: "Check your answers before sending them" }).waitFor();
    expect(await elsewhere.locator(".summary-list__row").first().textContent()).toContain("Strongly agree");
    await elsewhere.getByRole("button", { name: "Send my answers" }).click();
    await elsewhere.waitForURL(`**/done`);
    expect(await responses(slug)).toHaveLength(1);
    const [draft] =
      await sql`select count(*)::int as n from survey_drafts d join surveys s on s.id = d.survey_id join inspections i on i.id = s.inspection_id where i.slug = ${slug}`;
    expect(draft!.n).toBe(0);
    await other.close();
  });
});

describe("the closing time", () => {
  test("someone who started before the close can still send within the grace period; their response is late", async () => {
    const slug = await openInspection({ opens: "-1 hour", closes: "6 seconds" });
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`/s/${slug}/parents/questions/1`);
    await answerWithMouse(page);
    await page.waitForTimeout(7_000);

    // The survey has now closed: a newcomer is told so, and cannot start.
    const newcomer = await (await phone()).newPage();
    await newcomer.goto(`/s/${slug}/parents`);
    expect(await newcomer.locator(".panel").textContent()).toContain("This survey closed on");
    expect(await newcomer.getByRole("link", { name: "Start now" }).count()).toBe(0);
    await expectNoAxeViolations(newcomer, "closed");

    await page.reload();
    expect(await page.locator(".notification").textContent()).toContain("you can still finish and send your answers");
    await answerAllWithMouse(page, slug);
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL(`**/done`);
    expect(await responses(slug)).toEqual([{ late: true, locale: "en-GB", channel: null }]);
    await context.close();
  });

  test("after the grace period the answers are not sent, but are shown back to copy", async () => {
    const slug = await openInspection();
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`/s/${slug}/parents/questions/9`);
    await page.locator("textarea").fill("Words I do not want to lose.");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`**/questions/10`);
    await sql`update survey_drafts d set started_at = now() - interval '3 hours' from surveys s, inspections i
              where s.id = d.survey_id and i.id = s.inspection_id and i.slug = ${slug}`;
    await sql`update inspections set survey_closes_at = now() - interval '31 minutes' where slug = ${slug}`;

    await page.locator("textarea").fill("Too late.");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Your answers have not been sent" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Words I do not want to lose.");
    await expectNoAxeViolations(page, "closed with answers to copy");
    expect(await responses(slug)).toHaveLength(0);
    await context.close();
  });

  test("before it opens, the start page says when, with nothing to submit", async () => {
    const slug = await openInspection({ opens: "2 hours", closes: "5 hours" });
    const page = await (await phone()).newPage();
    await page.goto(`/s/${slug}/parents`);
    expect(await page.locator(".panel").textContent()).toContain("This survey opens on");
    expect(await page.locator("form").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Start now" }).count()).toBe(0);
    await page.goto(`/s/${slug}/parents/questions/1`);
    expect(new URL(page.url()).pathname).toBe(`/s/${slug}/parents`);
  });
});
