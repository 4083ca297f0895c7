import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import postgres from "postgres";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { collectPageErrors, expectNoAxeViolations, launchChromium, serverRenderedOnly } from "../support/browser";
import { portal } from "../support/cli";
import { createTestDatabase } from "../support/databases";
import { parseIcs, theEvent } from "../support/ics";
import { futureDay1 } from "../support/inspections";
import { activate, tabTo, typeInto } from "../support/keyboard";
import { startSmtpServer } from "../support/smtp";

/**
 * Two parents sign up for a one-place meeting on a 320 px phone with the keyboard alone: one in English
 * (with JavaScript), one in Polish (without). The first gets the place and an invitation through a real
 * SMTP server; the second joins the waiting list. When the first cancels from their email, the place is
 * offered to the second, who accepts it and gets their own invitation. Every .ics is parsed.
 */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: RunningApp;
let browser: Browser;
const dataDir = mkdtempSync(path.join(tmpdir(), "portal-meetings-"));
const SLUG = "phoneshire";

beforeAll(async () => {
  smtp = await startSmtpServer();
  const databaseUrl = await createTestDatabase(inject("pgAdminUrl"));
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
  portal(
    ["create-inspection", "--area", "Phoneshire", "--kind", "revisit", "--day1", futureDay1(), "--slug", SLUG],
    env,
  );
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  // 16:00 to 17:30 London time ten days ahead, whatever the season.
  await sql`
    insert into meetings (inspection_id, title, focus, starts_at, ends_at, format, venue, venue_access,
                          joining_instructions, capacity, signup_closes_at)
    select id, 'Evening meeting', 'How well needs are identified',
           ((current_date + 10)::timestamp + time '16:00') at time zone 'Europe/London',
           ((current_date + 10)::timestamp + time '17:30') at time zone 'Europe/London',
           'both', 'Town Hall, Room 2', '{step-free}', 'Join on Teams: https://teams.example.org/meet/42', 1,
           now() + interval '9 days'
    from inspections where slug = ${SLUG}`;
  await sql.end();
  app = await startApp({ ...env, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function phone(javaScript: boolean) {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 320, height: 640 } });
  if (!javaScript) await serverRenderedOnly(context);
  const page = await context.newPage();
  // Without JavaScript the blocked scripts are the only "errors": nothing to collect.
  return { page, errors: javaScript ? collectPageErrors(page) : [] };
}

function invitation(mail: ParsedMail) {
  const part = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  expect(part, "a text/calendar part").toBeDefined();
  const event = theEvent(parseIcs(part!.content.toString("utf8")));
  // The method is in the MIME type as well as in the calendar, as calendar programs require.
  expect(part!.headers.get("content-type")).toMatchObject({ params: { method: event.method } });
  return event;
}

const linkIn = (mail: ParsedMail) => mail.text?.match(/http:\/\/\S+\/meeting\/booking\/[\w-]+/)?.[0] ?? "";

/** Fills in the sign-up form with the keyboard: `labels` are the form's labels in the page's language. */
async function signUp(
  page: Page,
  labels: { name: string; email: string; place: string; need: string; submit: string },
  person: { name: string; email: string },
) {
  await typeInto(page, page.getByLabel(labels.name, { exact: true }), person.name);
  await typeInto(page, page.getByRole("textbox", { name: labels.email }), person.email);
  await tabTo(page, page.getByLabel(labels.place, { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel(labels.need, { exact: true }));
  await page.keyboard.press("Space");
  await activate(page, page.getByRole("button", { name: labels.submit }));
}

test("sign up in English and in Polish with the keyboard on a phone; a cancellation passes the place on", async () => {
  // English, with JavaScript: a place.
  const english = await phone(true);
  await english.page.goto(`/s/${SLUG}`);
  await expect.poll(() => english.page.getByText("You can sign up now: 1 place left.").count()).toBe(1);
  await activate(english.page, english.page.getByRole("link", { name: "Sign up for the open meeting" }));
  await expectNoAxeViolations(english.page, "meetings list");
  await activate(english.page, english.page.getByRole("link", { name: /^Sign up\s*: Evening meeting$/ }));
  await expectNoAxeViolations(english.page, "sign-up form");
  // Nothing wider than the 320 px screen: no sideways scrolling.
  expect(await english.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Sent empty first: the error summary takes focus and the title says there are errors.
  await activate(english.page, english.page.getByRole("button", { name: "Sign up" }));
  const summary = english.page.locator(".error-summary");
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
  await expect.poll(() => english.page.title()).toMatch(/^Error: Sign up: Evening meeting – /);
  await signUp(
    english.page,
    { name: "Your name", email: "Email address", place: "1 place", need: "Large print", submit: "Sign up" },
    { name: "Ann Parent", email: "ann.parent@example.org" },
  );
  await expect.poll(() => english.page.locator("h1").textContent()).toBe("You have a place");
  await expectNoAxeViolations(english.page, "signed up");

  const confirmation = await smtp.waitForMail("ann.parent@example.org");
  expect(confirmation.subject).toBe("Your place at the open meeting");
  expect(confirmation.text).toContain("https://teams.example.org/meet/42");
  const first = invitation(confirmation);
  expect(first).toMatchObject({ method: "REQUEST", sequence: 0, status: "CONFIRMED", summary: "Evening meeting" });
  expect(first.start?.params).toEqual({ TZID: "Europe/London" });
  expect(first.start?.value).toMatch(/T160000$/);
  expect(first.end?.value).toMatch(/T173000$/);
  expect(first.timezones).toEqual(["Europe/London"]);

  // Polish, without JavaScript: the meeting is full, so the waiting list.
  const polish = await phone(false);
  await polish.page.goto(`/s/${SLUG}`);
  await activate(polish.page, polish.page.getByRole("link", { name: "Polski" }));
  await activate(polish.page, polish.page.getByRole("link", { name: "Zapisz się na otwarte spotkanie" }));
  await activate(
    polish.page,
    polish.page.getByRole("link", { name: /^Zapisz się na listę rezerwową\s*: Evening meeting$/ }),
  );
  await signUp(
    polish.page,
    {
      name: "Imię i nazwisko",
      email: "Adres e-mail",
      place: "1 miejsce",
      need: "Dostęp dla wózków inwalidzkich",
      submit: "Zapisz się na listę rezerwową",
    },
    { name: "Ola Nowak", email: "ola.nowak@example.org" },
  );
  await expect.poll(() => polish.page.locator("h1").textContent()).toBe("Jesteś na liście rezerwowej");
  expect(await polish.page.getByText("Jesteś numerem 1 na liście rezerwowej.").count()).toBe(1);
  const waiting = await smtp.waitForMail("ola.nowak@example.org");
  expect(waiting.subject).toBe("Jesteś na liście rezerwowej na otwarte spotkanie");
  expect(waiting.attachments).toEqual([]);

  // Ann cancels from her email: her calendar entry is cancelled (same UID, higher SEQUENCE)...
  await english.page.goto(linkIn(confirmation));
  await activate(english.page, english.page.getByRole("button", { name: "Cancel my booking" }));
  await expect.poll(() => english.page.locator("h1").textContent()).toBe("Your booking is cancelled");
  const cancellation = await smtp.waitForMail("ann.parent@example.org", { skip: 1 });
  expect(invitation(cancellation)).toMatchObject({
    method: "CANCEL",
    status: "CANCELLED",
    uid: first.uid,
    sequence: first.sequence + 1,
  });

  // ...and Ola, first on the waiting list, is offered the place and accepts it.
  const offer = await smtp.waitForMail("ola.nowak@example.org", { skip: 1 });
  expect(offer.subject).toBe("Zwolniło się miejsce na otwartym spotkaniu");
  await polish.page.goto(linkIn(offer));
  await activate(polish.page, polish.page.getByRole("button", { name: "Przyjmuję miejsce" }));
  await expect.poll(() => polish.page.locator("h1").textContent()).toBe("Masz miejsce");
  const accepted = await smtp.waitForMail("ola.nowak@example.org", { skip: 2 });
  expect(accepted.subject).toBe("Twoje miejsce na otwartym spotkaniu");
  const second = invitation(accepted);
  expect(second).toMatchObject({ method: "REQUEST", sequence: 0, summary: "Evening meeting" });
  expect(second.uid).not.toBe(first.uid);
  expect(second.description).toContain("Kiedy:");

  expect(english.errors).toEqual([]);
  expect(polish.errors).toEqual([]);
});
