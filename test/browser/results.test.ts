import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { collectPageErrors, contextOptions, expectNoAxeViolations, launchChromium } from "../support/browser";
import { portal } from "../support/cli";
import { activate, tabTo, typeInto } from "../support/keyboard";
import { latestEmailTo, staffLinkIn } from "../support/outbox";
import { addSampleResponses } from "../../db/sample-responses";
import { futureDay1 } from "../support/inspections";

/**
 * An inspector reads the results with the keyboard alone: the charts come with their tables, small
 * numbers are protected, a breakdown is chosen, the comments arrive redacted with the worrying one
 * first, and a phrase removed by hand disappears from every comment. Each view is in the audit log.
 */
const INSPECTOR = "results.reader@example.org";
let browser: Browser;
const sql = postgres(inject("appDatabaseUrl"), { max: 1 });

beforeAll(async () => {
  const env = { DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") };
  portal(["create-inspection", "--area", "Readingshire", "--kind", "revisit", "--day1", futureDay1()], env);
  portal(["add-staff", "--email", INSPECTOR, "--role", "inspector", "--inspection", "readingshire"], env);
  const [survey] = await sql`
    select s.id from surveys s join inspections i on i.id = s.inspection_id where i.slug = 'readingshire' and s.audience = 'parents'`;
  await addSampleResponses(sql, survey!.id, 60);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sql.end();
});

test("an inspector reads the results, a breakdown and the redacted comments with the keyboard alone", async () => {
  const page = await (await browser.newContext(contextOptions(1280))).newPage();
  const errors = collectPageErrors(page);
  await page.goto("/staff/sign-in");
  const requested = Date.now() - 1_000;
  await typeInto(page, page.getByLabel("Email address"), INSPECTOR);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/staff/sign-in/check-email**");
  await page.goto(staffLinkIn((await latestEmailTo(inject("appDataDir"), INSPECTOR, { after: requested })).text));
  await activate(page, page.getByRole("button", { name: "Sign in" }));
  expect(new URL(page.url()).pathname).toBe("/staff");

  await activate(page, page.getByRole("link", { name: "Readingshire" }));
  await activate(page, page.getByRole("link", { name: "See the results" }));
  expect(new URL(page.url()).pathname).toBe("/staff/inspections/readingshire/results");
  await expectNoAxeViolations(page, "results");
  // About 60 responses, the number changed a little to protect people; when they were last updated.
  const panel = (await page.locator(".panel").textContent()) ?? "";
  const published = Number(/(\d+) responses\./.exec(panel)?.[1]);
  expect(Math.abs(published - 60)).toBeLessThanOrEqual(8);
  expect(panel).toContain("Last updated");
  await activate(page, page.locator("summary", { hasText: "How these results protect people" }));
  expect(await page.locator("details").textContent()).toMatch(
    /On average a number shown is [\d.]+ away from the true count/,
  );

  // Every chart has its table beside it; the chart itself is hidden from assistive technology.
  const shown = page.locator("section.result:has(svg.chart)");
  expect(await shown.count()).toBeGreaterThan(5);
  for (const section of await shown.all()) {
    expect(await section.locator("svg.chart").getAttribute("aria-hidden")).toBe("true");
    expect(await section.locator("table.result__table tbody tr").count()).toBeGreaterThan(1);
  }
  // No number under 5 is ever printed in a table, not even 0: small counts and zeros read "fewer than 5".
  const counts = await page.locator("table.result__table td.numeric:nth-child(2)").allTextContents();
  expect(counts.some((count) => count === "fewer than 5")).toBe(true);
  expect(counts.filter((count) => /^[0-4]$/.test(count))).toEqual([]);

  // A breakdown by the first about-you question, chosen from the keyboard.
  await tabTo(page, page.getByLabel("Break the results down by"));
  await page.keyboard.press("ArrowDown");
  await activate(page, page.getByRole("button", { name: "Show", exact: true }));
  expect(new URL(page.url()).searchParams.get("by")).toMatch(/^\d+$/);
  await page.locator("table.result__breakdown").first().waitFor();
  expect(await page.locator("table.result__breakdown").count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "results with a breakdown");

  // The printable report keeps the breakdown and its protection, and prints without the controls.
  await activate(page, page.getByRole("link", { name: "Printable report" }));
  expect(new URL(page.url()).pathname).toBe("/staff/inspections/readingshire/results/print");
  expect(await page.locator("table.result__breakdown").count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "printable report");
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".staff-bar").isVisible()).toBe(false);
  expect(await page.locator("svg.chart").first().isVisible()).toBe(true);
  await page.emulateMedia({ media: "screen" });
  await page.goBack();

  await activate(page, page.getByRole("link", { name: "Read the comments" }));
  await expectNoAxeViolations(page, "comments");
  expect(await page.locator("section.flagged").textContent()).toContain("scared to go home");
  const everything = (await page.locator("main").textContent()) ?? "";
  for (const personal of ["Jack", "07700 900123", "jo.parent@example.org", "Patel", "Amira"])
    expect(everything).not.toContain(personal);
  expect(everything).toContain("[name]");
  expect(everything).toContain("[phone number]");
  expect(everything).toContain("[email address]");

  await typeInto(page, page.getByLabel("Words to remove"), "keyworker");
  await activate(page, page.getByRole("button", { name: "Remove these words" }));
  const redacted = (await page.locator("main").textContent()) ?? "";
  expect(redacted).not.toContain("keyworker");
  expect(redacted).toContain("The new [removed] listened to us");

  expect(errors).toEqual([]);
  const audited = await sql<{ action: string }[]>`
    select action from audit_log where staff_email = ${INSPECTOR} order by id`;
  expect(audited.map((row) => row.action)).toEqual(
    expect.arrayContaining(["results.view", "results.comments", "results.redact"]),
  );
});
