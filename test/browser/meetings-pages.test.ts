import { readFileSync } from "node:fs";
import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import {
  contextOptions,
  expectAccessibleAtEveryWidth,
  launchChromium,
  serverRenderedOnly,
  WIDTHS,
} from "../support/browser";
import { portal } from "../support/cli";
import { futureDay1 } from "../support/inspections";
import { latestEmailTo, staffLinkIn } from "../support/outbox";

/**
 * Every open meeting page, public and organisers', in every language, as the server renders it (as
 * without JavaScript): zero axe violations at 375 and 1280 px (one load per page and language, scanned
 * at both widths), the right lang and dir, and "Error: " first in the title when a form comes back.
 */
let browser: Browser;
let storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
const ADMIN = "meetings.scan@example.org";
const SLUG = "meetingscan";
const links: Record<"cancel" | "offer" | "used", string> = { cancel: "", offer: "", used: "" };
let full: string;
let open: string;

const errorPrefix = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/common.json`, "utf8")).forms.errorPrefix as string;

/** Posts a form to the app as a browser without JavaScript would, returning where it redirected. */
async function post(path: string, fields: Record<string, string>) {
  const response = await fetch(`${inject("baseURL")}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  expect(response.status, path).toBe(302);
}

const linkFrom = async (recipient: string) =>
  (await latestEmailTo(inject("appDataDir"), recipient)).text?.match(/\/s\/\S+\/meeting\/booking\/[\w-]+/)?.[0] ?? "";

beforeAll(async () => {
  const env = { DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") };
  portal(["add-staff", "--email", ADMIN, "--role", "admin"], env);
  portal(
    ["create-inspection", "--area", "Meeting Scanshire", "--kind", "revisit", "--day1", futureDay1(), "--slug", SLUG],
    env,
  );
  const sql = postgres(inject("appDatabaseUrl"), { max: 1, onnotice: () => {} });
  const meeting = async (title: string, capacity: number) => {
    const [row] = await sql`
      insert into meetings (inspection_id, title, focus, starts_at, ends_at, format, venue, venue_access,
                            access_notes, joining_instructions, capacity, signup_closes_at)
      select id, ${title}, 'How well needs are met', now() + interval '10 days', now() + interval '10 days 2 hours',
             'both', 'Town Hall, Room 2', '{step-free,hearing-loop}', 'Ramp at the side door', 'A Teams link',
             ${capacity}, now() + interval '9 days'
      from inspections where slug = ${SLUG}
      returning id`;
    return String(row!.id);
  };
  full = await meeting("Evening meeting", 1);
  open = await meeting("Daytime meeting", 20);
  const cancelled = await meeting("Second evening", 1);
  // An inspection with no meeting yet, for the empty list.
  await sql`
    insert into inspections (slug, local_area_name, kind, day1, survey_opens_at, survey_closes_at)
    values ('meetingless', 'Meetingless', 'revisit', ${futureDay1()}, now() + interval '1 day', now() + interval '3 days')`;
  await sql.end();

  const signUp = (id: string, name: string, needs: Record<string, string> = {}) =>
    post(`/s/${SLUG}/meeting/${id}`, {
      name,
      email: `${name.toLowerCase().replace(/\s+/g, ".")}@example.org`,
      places: "1",
      waitingList: "yes",
      ...needs,
    });
  await signUp(full, "Ada Booked", { needs: "interpreter", interpreterLanguage: "Polish" });
  await signUp(full, "Ben Waiting");
  await signUp(open, "Cy Booked", { needs: "bsl" });
  await signUp(cancelled, "Dee Cancels");
  await signUp(cancelled, "Eve Offered");
  links.cancel = await linkFrom("ada.booked@example.org");
  links.used = await linkFrom("dee.cancels@example.org");
  await post(links.used, { intent: "cancel" });
  links.offer = await linkFrom("eve.offered@example.org");

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

/** Checks lang, dir and (after a failed submission) the title; then axe at both widths. */
async function scanned(page: Page, language: string, label: string, { errors = false } = {}) {
  expect(await page.getAttribute("html", "lang"), label).toBe(language);
  expect(await page.getAttribute("html", "dir"), label).toBe(textDirection(language));
  if (errors) {
    await page.locator(".error-summary").waitFor();
    expect(await page.title(), label).toMatch(new RegExp(`^${errorPrefix(language)} `));
  }
  await expectAccessibleAtEveryWidth(page, `${label} in ${language}`);
}

test.concurrent.for(LANGUAGE_CODES)("every public open meeting page in %s", async (language) => {
  const context = await browser.newContext(contextOptions(WIDTHS[0]));
  await serverRenderedOnly(context);
  const page = await context.newPage();
  await page.goto(`/language?lng=${language}&back=/`);
  const visit = async (path: string, status = 200) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await scanned(page, language, path);
  };
  await visit(`/s/${SLUG}`);
  await visit(`/s/${SLUG}/meeting`);
  await visit(`/s/meetingless/meeting`);
  await visit(`/s/${SLUG}/meeting/${open}`);
  // Nothing filled in: every error at once.
  await page.locator("#sign-up button[type=submit]").click();
  await scanned(page, language, "sign-up with errors", { errors: true });
  await visit(`/s/${SLUG}/meeting/${full}`); // full: join the waiting list
  await visit(`/s/${SLUG}/meeting/${full}/done?outcome=waiting&position=3`);
  // Pages that share a layout with another (a confirmed "done", leaving the waiting list, an unknown
  // link) are left out to keep the sweep quick.
  await visit(links.cancel);
  await visit(links.offer);
  await visit(links.used);
  await context.close();
});

test.concurrent.for(LANGUAGE_CODES)("every organisers' meeting page in %s", async (language) => {
  const context = await browser.newContext(contextOptions(WIDTHS[0], { storageState }));
  await serverRenderedOnly(context);
  const page = await context.newPage();
  await page.goto(`/language?lng=${language}&back=/staff`);
  const base = `/staff/inspections/${SLUG}/meetings`;
  const visit = async (path: string, submit?: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await scanned(page, language, path);
    if (!submit) return;
    await page.locator(submit).click();
    await scanned(page, language, `${path} with errors`, { errors: true });
  };
  await visit(base);
  await visit(`${base}/new`, "#meeting button[type=submit]");
  await visit(`${base}/${full}`);
  await visit(`${base}/${full}/edit`);
  await visit(`${base}/${open}/message`);
  await visit(`${base}/${full}/cancel`);
  await context.close();
});
