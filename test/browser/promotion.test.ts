import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import { simpleParser } from "mailparser";
import { PNG } from "pngjs";
import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import {
  collectPageErrors,
  contextOptions,
  expectAccessibleAtEveryWidth,
  expectNoAxeViolations,
  launchChromium,
  serverRenderedOnly,
  WIDTHS,
} from "../support/browser";
import { portal } from "../support/cli";
import { createInspectionOpenAt } from "../support/inspections";
import { activate, pageDrawn, tabTo, typeInto } from "../support/keyboard";

/**
 * The forum promotes the survey: makes a link for a channel, downloads its QR code, prints a poster,
 * and watches responses through that channel arrive on the live reach page. Then every new page in
 * every language at phone and laptop widths, keyboard-only use of the kit, and the kit without JavaScript.
 */
let browser: Browser;
let sql: postgres.Sql;
let storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
const env = () => ({ DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") });
const FORUM = "promo.forum@example.org";
const JOURNEY = "promoshire";
const SWEEP = "reachshire";

/** The sign-in email (reach emails to the same address may arrive around it), waiting for it to be written. */
async function signInLink(after: number): Promise<string> {
  const dir = path.join(inject("appDataDir"), "outbox");
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    for (const file of existsSync(dir) ? readdirSync(dir).sort().reverse().slice(0, 50) : []) {
      const mail = await simpleParser(readFileSync(path.join(dir, file)));
      const to = [mail.to ?? []].flat().map((address) => address.text);
      if (to.some((text) => text.includes(FORUM)) && (mail.date?.getTime() ?? 0) >= after) {
        const link = mail.text?.match(/http:\/\/\S+\/staff\/sign-in\/\S+/)?.[0];
        if (link) return link;
      }
    }
  }
  throw new Error(`No sign-in email to ${FORUM}`);
}

/** Responses sent through a channel: counted, or still waiting for their batch (see drafts.server.ts). */
async function responsesThrough(code: string) {
  const [row] = await sql<[{ n: number }]>`
    select (select count(*) from responses where channel = ${code})
         + (select count(*) from pending_responses where channel = ${code}) as n`;
  return Number(row.n);
}

/** `n` responses through a channel, as a moved batch leaves them in `responses`. */
async function countedThrough(code: string, n: number) {
  await sql`
    insert into responses (survey_id, submitted_on, locale, channel)
    select s.id, (now() at time zone 'Europe/London')::date, 'en-GB', ${code}
    from surveys s join inspections i on i.id = s.inspection_id, generate_series(1, ${n})
    where i.slug = ${JOURNEY} and s.audience = 'parents'`;
}

beforeAll(async () => {
  sql = postgres(inject("appDatabaseUrl"), { max: 2, onnotice: () => {} });
  await createInspectionOpenAt(sql, env(), { area: "Promoshire", slug: JOURNEY, opens: "-1 hour", closes: "3 days" });
  // Open since five days ago (so past its second working day: the quiet-channel hint shows); responses over several days and channels.
  await createInspectionOpenAt(sql, env(), { area: "Reachshire", slug: SWEEP, opens: "-5 days", closes: "1 day" });
  portal(["add-staff", "--email", FORUM, "--role", "pcf", "--inspection", JOURNEY], env());
  await sql`
    insert into staff_roles (user_id, inspection_id, role)
    select u.id, i.id, 'pcf' from staff_users u, inspections i where u.email = ${FORUM} and i.slug = ${SWEEP}`;
  await sql`
    insert into channels (inspection_id, code, label) select id, 'q7m2xk', 'GP surgery poster' from inspections where slug = ${SWEEP}`;
  await sql`update inspections set previous_response_total = 150 where slug = ${SWEEP}`;
  await sql`
    insert into responses (survey_id, submitted_on, locale, channel)
    select s.id, (now() at time zone 'Europe/London')::date - (n % 3), 'en-GB', (array['forum', 'school', null])[n % 4 + 1]
    from surveys s join inspections i on i.id = s.inspection_id, generate_series(1, 40) as n
    where i.slug = ${SWEEP} and s.audience = 'parents'`;

  browser = await launchChromium();
  const context = await browser.newContext(contextOptions(1280));
  const page = await context.newPage();
  const requested = Date.now() - 1_000;
  await page.goto("/staff/sign-in");
  await page.locator("input[type=email]").fill(FORUM);
  await page.locator("form[method=post] button[type=submit]").click();
  await page.goto(await signInLink(requested));
  await page.locator("form[method=post] button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/staff");
  storageState = await context.storageState();
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

const errorPrefix = (language: string) =>
  (
    JSON.parse(readFileSync(path.resolve("locales", language, "common.json"), "utf8")) as {
      forms: { errorPrefix: string };
    }
  ).forms.errorPrefix;

/** Answers every question of the parent survey with the first choice (or a sentence), then sends it. */
async function completeSurvey(page: Page) {
  for (let step = 0; step < 20 && !new URL(page.url()).pathname.endsWith("/check"); step += 1) {
    const textarea = page.locator("textarea");
    if (await textarea.count()) await textarea.fill("Posters at the surgery helped.");
    else await page.locator("input.choice__input").first().check();
    const before = page.url();
    await page.locator('button[value="continue"]').click();
    await page.waitForURL((url) => url.href !== before);
    await pageDrawn(page);
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.getByRole("heading", { name: "Thank you" }).waitFor();
}

test("a forum member makes a channel link, decodes its QR code, prints its poster, and sees responses through it", async () => {
  const context = await browser.newContext(contextOptions(1280, { storageState, acceptDownloads: true }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  const errors = collectPageErrors(page);

  // The inspection page says where the surveys stand, and leads to the kit.
  await page.goto(`/staff/inspections/${JOURNEY}`);
  expect(await page.locator("main").textContent()).toContain(
    "It opened without being shared with the forum for review.",
  );
  await page.getByRole("link", { name: "Promote the surveys" }).click();
  await page.getByRole("heading", { name: "Promote the surveys", level: 1 }).waitFor();

  await page.getByLabel("Name of the channel").fill("PCF Facebook");
  await page.getByRole("button", { name: "Make the link" }).click();
  await page.getByRole("heading", { name: "PCF Facebook", level: 1 }).waitFor();
  const code = new URL(page.url()).pathname.split("/").at(-1)!;
  expect(code).toMatch(/^[a-z2-9]{6}$/);
  const link = `${inject("baseURL")}/s/${JOURNEY}?src=${code}`;
  expect(await page.getByLabel("Link for this channel").inputValue()).toBe(link);

  // The QR code, downloaded as a PNG and decoded here, is the channel's link.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the QR code as a picture (PNG)" }).click(),
  ]);
  const image = PNG.sync.read(readFileSync((await download.path())!));
  expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(link);

  // A message in Polish, copied with the button: the clipboard holds it and "Copied" is announced.
  await page
    .getByRole("navigation", { name: "Language of the messages" })
    .getByRole("link", { name: "Polski" })
    .click();
  await page.waitForURL((url) => url.searchParams.get("messages") === "pl");
  const whatsapp = page.locator("#message-whatsapp");
  expect(await whatsapp.getAttribute("lang")).toBe("pl");
  expect(await whatsapp.inputValue()).toContain(link);
  await page.getByRole("button", { name: "Copy WhatsApp message" }).click();
  await expect
    .poll(() => page.locator(".copy-field:has(#message-whatsapp) [role=status]").textContent())
    .toBe("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await whatsapp.inputValue());

  // The English poster: axe clean on screen; printed, the poster alone, on one A4 page.
  await page.getByRole("link", { name: "A4 poster: English" }).click();
  await page.getByRole("heading", { name: "Have your say about SEND services in Promoshire" }).waitFor();
  await expectNoAxeViolations(page, "poster");
  await expectPrintedPosterAlone(page);

  // Follow the link, as a parent would, and answer the survey.
  const parent = await browser.newContext(contextOptions(375));
  const phone = await parent.newPage();
  await phone.goto(link);
  await phone.getByRole("link", { name: "Take the survey for parents and carers" }).click();
  await phone.getByRole("link", { name: "Start now" }).click();
  await completeSurvey(phone);
  await parent.close();
  expect(await responsesThrough(code)).toBe(1);

  const channelCount = async () => {
    await page.goto(`/staff/inspections/${JOURNEY}/reach`);
    return page.locator("#by-channel tr", { hasText: "PCF Facebook" }).locator("td").first().textContent();
  };
  // The parent's response waits for its batch of ten before anything counts it (row order privacy).
  expect(await channelCount()).toBe("0");
  // Counted responses through the link: 3 read "fewer than 5"; at 5 it is a number.
  await countedThrough(code, 3);
  expect(await channelCount()).toBe("fewer than 5");
  await countedThrough(code, 2);
  expect(await channelCount()).toBe("5");
  expect(errors).toEqual([]);
  await context.close();
});

/** In print media: no site header, staff bar, footer or screen-only notes; the poster on exactly one A4 page. */
async function expectPrintedPosterAlone(page: Page) {
  await page.emulateMedia({ media: "print" });
  for (const chrome of [".header", ".staff-bar", ".footer", ".no-print", ".skip-link"]) {
    expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
  }
  expect(await page.locator(".poster").isVisible()).toBe(true);
  expect(await page.locator(".poster__qr").isVisible()).toBe(true);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.emulateMedia({ media: null });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).toHaveLength(1);
}

test("the kit with the keyboard alone: make a link, copy it, open a poster", async () => {
  const context = await browser.newContext(contextOptions(375, { storageState }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto(`/staff/inspections/${JOURNEY}/promote`);
  await typeInto(page, page.getByLabel("Name of the channel"), "School newsletter");
  await activate(page, page.getByRole("button", { name: "Make the link" }));
  await page.getByRole("heading", { name: "School newsletter", level: 1 }).waitFor();
  await activate(page, page.getByRole("button", { name: "Copy Link for this channel" }));
  await expect.poll(() => page.locator(".copy-field:has(#channel-link) [role=status]").textContent()).toBe("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/s\/promoshire\?src=[a-z2-9]{6}$/);
  await activate(page, page.getByRole("link", { name: "A4 poster: العربية" }));
  await page.locator("article.poster[lang=ar][dir=rtl]").waitFor();
  await context.close();
});

test("without JavaScript: a mistake is shown with what was typed, then the link is made; the text can be copied by hand", async () => {
  const context = await browser.newContext(contextOptions(375, { storageState }));
  await serverRenderedOnly(context);
  const page = await context.newPage();
  await page.goto(`/staff/inspections/${JOURNEY}/promote`);
  await page.getByLabel("Name of the channel").fill("Call 07700 900123");
  await page.getByRole("button", { name: "Make the link" }).click();
  await page.locator(".error-summary").waitFor();
  expect(await page.locator(".error-summary").textContent()).toContain("must not include a person's name");
  expect(await page.getByLabel("Name of the channel").inputValue()).toBe("Call 07700 900123");
  await page.getByLabel("Name of the channel").fill("SENDIASS");
  await page.getByRole("button", { name: "Make the link" }).click();
  await page.getByRole("heading", { name: "SENDIASS", level: 1 }).waitFor();
  // No Copy buttons without JavaScript: the read-only fields are there to select and copy.
  expect(await page.getByRole("button", { name: /^Copy/ }).count()).toBe(0);
  expect(await page.locator("#message-newsletter").getAttribute("readonly")).not.toBeNull();
  await context.close();
});

test.concurrent.for(LANGUAGE_CODES)(
  "in %s every new page, at 375 and 1280 px, and the poster in print",
  async (language, { expect }) => {
    const context = await browser.newContext(contextOptions(WIDTHS[0], { storageState }));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`/language?lng=${language}&back=/staff`);
    const base = `/staff/inspections/${SWEEP}`;
    // Forms are scanned showing their errors: that state has everything the page has, plus the errors.
    // (The inspection page's new panel is scanned in every language by staff-pages.test.ts, on the demo.)
    const pages: Array<{ path: string; submit?: { field: string; value: string; button: string } }> = [
      {
        path: `${base}/promote`,
        submit: { field: "input[name=label]", value: "", button: "#new-channel button[type=submit]" },
      },
      { path: `${base}/promote/q7m2xk?messages=${language}` },
      { path: `${base}/promote/forum/poster/${language}` },
      {
        path: `${base}/reach`,
        submit: { field: "input[name=previousTotal]", value: "lots", button: "#previous-total button[type=submit]" },
      },
    ];
    for (const { path: at, submit } of pages) {
      const response = await page.goto(at);
      expect(response?.status(), at).toBe(200);
      await pageDrawn(page);
      if (submit) {
        await page.locator(submit.field).fill(submit.value);
        await page.locator(submit.button).click();
        await page.locator(".error-summary").waitFor();
        // "Error: " (in the page's language) before the title while the form shows errors.
        await expect.poll(() => page.title()).toMatch(new RegExp(`^${errorPrefix(language)} `));
      }
      expect(await page.getAttribute("html", "lang"), at).toBe(language);
      expect(await page.getAttribute("html", "dir"), at).toBe(textDirection(language));
      await expectAccessibleAtEveryWidth(page, `${at}${submit ? " (with errors)" : ""} in ${language}`);
      if (at.includes("/poster/")) await expectPrintedPosterAlone(page);
    }
    // The reach page (last scanned) names the quiet channel: made by staff, nothing through it by day 2.
    expect(await page.locator(".reach-quiet").textContent()).toContain("GP surgery poster");
    expect(errors).toEqual([]);
    await context.close();
  },
);
