import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { collectPageErrors, expectNoAxeViolations, launchChromium } from "../support/browser";
import { createTestDatabase } from "../support/databases";
import { activate, tabTo, typeInto } from "../support/keyboard";
import { startSmtpServer } from "../support/smtp";
import { futureDay1 } from "../support/inspections";

/**
 * The staff side end to end, as DESIGN.md's people would use it: a new admin from the CLI signs in with a
 * link that arrives at a real SMTP server, creates an inspection, invites the parent carer forum, writes
 * and shares questions (all with the keyboard alone); the forum comments; the inspector resolves the
 * comment and marks the survey ready. Every page is checked with axe on the way.
 */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: RunningApp;
let browser: Browser;
let databaseUrl: string;
const dataDir = mkdtempSync(path.join(tmpdir(), "portal-journey-"));
chmodSync(dataDir, 0o755);

beforeAll(async () => {
  smtp = await startSmtpServer();
  databaseUrl = await createTestDatabase(inject("pgAdminUrl"));
  app = await startApp({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const linkIn = (text: string | undefined) => text?.match(/http:\/\/\S+\/staff\/\S+/)?.[0] ?? "";

// Once with JavaScript and once without: every step must work either way.
test.each([
  { javaScript: true, area: "Keyboardshire", admin: "lead.inspector@example.org", forum: "forum@example.org" },
  { javaScript: false, area: "Plainshire", admin: "plain.inspector@example.org", forum: "plain.forum@example.org" },
])(
  "an admin from the CLI sets up an inspection and its questions; the forum reviews them (JavaScript: $javaScript)",
  async ({ javaScript, area, admin, forum }) => {
    const slug = area.toLowerCase();
    // axe runs inside the page, so it needs JavaScript: the run without it checks behaviour only.
    const checked = async (page: Page, step: string) => {
      if (javaScript) await expectNoAxeViolations(page, step);
    };
    const cli = spawnSync("node_modules/.bin/tsx", ["app/cli.ts", "add-staff", "--email", admin, "--role", "admin"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(cli.status, cli.stderr).toBe(0);

    // The inspector uses the keyboard alone, at laptop width.
    const inspector = await (
      await browser.newContext({
        baseURL: app.url,
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: javaScript,
      })
    ).newPage();
    const errors = collectPageErrors(inspector);
    await inspector.goto("/staff");
    expect(new URL(inspector.url()).pathname).toBe("/staff/sign-in");
    await checked(inspector, "sign-in");
    await typeInto(inspector, inspector.getByLabel("Email address"), admin);
    await Promise.all([inspector.waitForURL("**/staff/sign-in/check-email**"), inspector.keyboard.press("Enter")]);
    await checked(inspector, "check your email");

    const signInMail = await smtp.waitForMail(admin);
    expect(signInMail.subject).toBe("Your sign-in link");
    // The HTML part carries the same single-use link as the plain text.
    expect(signInMail.html).toContain(linkIn(signInMail.text));
    await inspector.goto(linkIn(signInMail.text));
    await checked(inspector, "sign-in link");
    await activate(inspector, inspector.getByRole("button", { name: "Sign in" }));
    await inspector.waitForURL((url) => url.pathname === "/staff");
    await checked(inspector, "dashboard");

    // Create an inspection; first with nothing filled in, to meet the error summary.
    await activate(inspector, inspector.getByRole("link", { name: "Create an inspection" }));
    await checked(inspector, "new inspection");
    await activate(inspector, inspector.getByRole("button", { name: "Create inspection" }));
    const summary = inspector.locator(".error-summary");
    await summary.waitFor();
    // With JavaScript, focus moves to the summary; without, it is simply the first thing in the page.
    if (javaScript)
      await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    // The page title says there is a problem, with JavaScript or without (as GOV.UK pages do).
    await expect.poll(() => inspector.title()).toMatch(/^Error: Create an inspection – /);
    expect(await summary.locator("li").allTextContents()).toEqual([
      "Enter the local area's name",
      "Select the kind of inspection",
      "On-site day 1 must be a real date, for example 5 4 2027",
    ]);
    await checked(inspector, "new inspection with errors");

    const [year, month, day] = futureDay1().split("-");
    await typeInto(inspector, inspector.getByLabel("Local area"), area);
    await tabTo(inspector, inspector.getByLabel("Re-visit"));
    await inspector.keyboard.press("Space");
    await typeInto(inspector, inspector.getByLabel("Day", { exact: true }), String(Number(day)));
    await typeInto(inspector, inspector.getByLabel("Month", { exact: true }), String(Number(month)));
    await typeInto(inspector, inspector.getByLabel("Year", { exact: true }), year!);
    await activate(inspector, inspector.getByRole("button", { name: "Create inspection" }));
    await inspector.waitForURL(`**/staff/inspections/${slug}`);
    await expect.poll(() => inspector.locator("h1").textContent()).toBe(area);
    await checked(inspector, "overview");

    // Give the parent carer forum access: they get an email.
    await activate(inspector, inspector.getByRole("link", { name: "People with access" }));
    await typeInto(inspector, inspector.getByLabel("Email address"), forum);
    await tabTo(inspector, inspector.getByLabel("Inspector", { exact: true }));
    await inspector.keyboard.press("ArrowDown");
    await inspector.keyboard.press("ArrowDown");
    expect(await inspector.getByLabel("Parent carer forum").isChecked()).toBe(true);
    await activate(inspector, inspector.getByRole("button", { name: "Give access and send an email" }));
    await expect.poll(() => inspector.getByRole("status").textContent()).toContain(forum);
    await checked(inspector, "team");
    const invitation = await smtp.waitForMail(forum);
    expect(invitation.text).toContain(area);

    // Write a question for parents, move it up, then share the survey for review.
    await activate(inspector, inspector.getByRole("link", { name: "Inspections" }));
    await activate(inspector, inspector.getByRole("link", { name: area }));
    await activate(inspector, inspector.getByRole("link", { name: "Edit questions (parents and carers)" }));
    await inspector.getByRole("heading", { name: "Questions for parents and carers" }).waitFor();
    await checked(inspector, "questions");
    await tabTo(inspector, inspector.getByLabel("Agree or disagree"));
    for (let step = 0; step < 3; step += 1) await inspector.keyboard.press("ArrowDown");
    expect(await inspector.getByLabel("Free text").isChecked()).toBe(true);
    await activate(inspector, inspector.getByRole("button", { name: "Continue" }));
    await inspector.getByRole("heading", { name: "Add a question" }).waitFor();
    await checked(inspector, "add a question");
    await typeInto(
      inspector,
      inspector.getByLabel("Question", { exact: true }),
      "What would make the biggest difference to your family?",
    );
    await activate(inspector, inspector.getByRole("button", { name: "Save question" }));
    await inspector.getByRole("heading", { name: "13 questions" }).waitFor();
    await activate(inspector, inspector.getByRole("button", { name: "Move up Question 13" }));
    await expect
      .poll(() => inspector.locator("#main-content ol > li").nth(11).locator("p").first().textContent())
      .toBe("What would make the biggest difference to your family?");
    await activate(inspector, inspector.getByRole("button", { name: "Share with the parent carer forum for review" }));
    await expect.poll(() => inspector.locator(".panel .tag").textContent()).toBe("Shared for review");
    await checked(inspector, "shared");

    // The forum signs in (with a mouse this time) from the link in the email telling them to review.
    const shared = await smtp.waitForMail(forum, { skip: 1 });
    expect(shared.subject).toBe("Survey questions are ready for you to review");
    const forumPage = await (
      await browser.newContext({
        baseURL: app.url,
        viewport: { width: 375, height: 800 },
        javaScriptEnabled: javaScript,
      })
    ).newPage();
    await forumPage.goto(linkIn(shared.text));
    await forumPage.getByLabel("Email address").fill(forum);
    await forumPage.getByRole("button", { name: "Email me a sign-in link" }).click();
    await forumPage.waitForURL("**/check-email**");
    const forumSignIn = await smtp.waitForMail(forum, { skip: 2 });
    await forumPage.goto(linkIn(forumSignIn.text));
    await forumPage.getByRole("button", { name: "Sign in" }).click();
    await forumPage.waitForURL("**/surveys/parents/review");
    await checked(forumPage, "forum review");
    await forumPage.getByRole("heading", { name: "Question 12 of 13" }).waitFor();
    await forumPage
      .getByLabel("Your comment on question 1", { exact: true })
      .fill("Could “identified” be “noticed”? It is plainer.");
    await forumPage.getByRole("button", { name: "Add comment Question 1 of 13" }).click();
    await forumPage.getByText("Could “identified” be “noticed”? It is plainer.", { exact: true }).waitFor();
    await checked(forumPage, "forum review with a comment");

    // The inspector resolves the comment and marks the survey ready.
    await inspector.reload();
    await inspector.getByText(`From ${forum}`, { exact: true }).waitFor();
    await activate(inspector, inspector.getByRole("button", { name: "Mark as resolved" }));
    await activate(inspector, inspector.getByRole("button", { name: "Mark as ready" }));
    await expect.poll(() => inspector.locator(".panel .tag").textContent()).toBe("Ready");
    await checked(inspector, "ready");
    expect(errors).toEqual([]);
  },
);
