import { readFileSync } from "node:fs";
import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { parseWav } from "~/easy-read/pcm.js";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import {
  collectPageErrors,
  contextOptions,
  expectNoAxeViolations,
  launchChromium,
  serverRenderedOnly,
  WIDTHS,
} from "../support/browser";
import { createInspectionOpenAt } from "../support/inspections";
import { portal } from "../support/cli";
import { latestEmailTo, staffLinkIn } from "../support/outbox";
import { activate, tabTo } from "../support/keyboard";
import enEasyRead from "../../locales/en-GB/easyread.json";
import urEasyRead from "../../locales/ur/easyread.json";

/**
 * The young people's survey in easy read, in real Chromium: completed with the keyboard alone in
 * English and Urdu, with JavaScript and without; in switch mode pressing only Space; every screen
 * scanned by axe in every language at 375 and 1280 px; what a screen reader hears of a question,
 * pinned; sizes, focus rings and pictures measured; and each language's audio fetched and checked.
 */
let browser: Browser;
let sql: postgres.Sql;
const env = () => ({ DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") });
let areas = 0;

async function openInspection(contact: string | null = null, slug = `easy-${++areas}`) {
  await createInspectionOpenAt(sql, env(), { area: `Easyshire ${slug}`, slug, opens: "-1 hour", closes: "2 hours" });
  if (contact) await sql`update inspections set safeguarding_contact = ${contact} where slug = ${slug}`;
  return slug;
}

/** The young people's submitted responses, whether still waiting for their batch or already moved. */
async function youngPeoplesAnswers(slug: string) {
  const rows = await sql<
    { response: string; locale: string; position: number; choice: string | null; text: string | null }[]
  >`
    with submitted as (
      select r.id::text as response, r.survey_id, r.locale, a.question_id, a.choice, a.text
      from responses r join answers a on a.response_id = r.id
      union all
      select p.id::text, p.survey_id, p.locale, (a ->> 'questionId')::bigint, a ->> 'choice', a ->> 'text'
      from pending_responses p cross join jsonb_array_elements(p.answers) a
    )
    select sub.response, sub.locale, q.position, sub.choice, sub.text
    from submitted sub join surveys s on s.id = sub.survey_id join inspections i on i.id = s.inspection_id
    join questions q on q.id = sub.question_id
    where i.slug = ${slug} and s.audience = 'young-people' order by q.position`;
  return {
    responses: new Set(rows.map((row) => row.response)).size,
    locale: rows[0]?.locale,
    answers: Object.fromEntries(rows.map((row) => [row.position, row.choice ?? row.text])),
  };
}

async function inLanguage(page: Page, language: string, path: string) {
  await page.goto(`/language?${new URLSearchParams({ lng: language, back: path })}`);
  expect(await page.getAttribute("html", "lang")).toBe(language);
  expect(await page.getAttribute("html", "dir")).toBe(textDirection(language));
}

/** axe at both widths from one load. */
async function scanBothWidths(page: Page, label: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${label} at ${width}px`);
  }
  await page.setViewportSize({ width: 375, height: 900 });
}

const errorPrefix = (language: string) =>
  (JSON.parse(readFileSync(`locales/${language}/common.json`, "utf8")) as { forms: { errorPrefix: string } }).forms
    .errorPrefix;

beforeAll(async () => {
  browser = await launchChromium();
  sql = postgres(inject("appDatabaseUrl"), { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

describe.each([
  { language: "en-GB", javascript: true, axe: true },
  { language: "ur", javascript: false, axe: false },
  { language: "ur", javascript: true, axe: false },
  { language: "en-GB", javascript: false, axe: false },
] as const)("with the keyboard alone", ({ language, javascript, axe }) => {
  test(`in ${language}, ${javascript ? "with" : "without"} JavaScript`, async () => {
    const slug = await openInspection();
    const context = await browser.newContext(contextOptions(375));
    if (!javascript) await serverRenderedOnly(context);
    const page = await context.newPage();
    const errors = javascript ? collectPageErrors(page) : [];
    const words = language === "ur" ? urEasyRead : enEasyRead;
    // Every screen without JavaScript is scanned below in every language; here, the screens as
    // JavaScript changes them (the Listen and "Say each answer" buttons, switch scanning).
    const scan = async (label: string) => {
      if (axe) await scanBothWidths(page, label);
    };
    await inLanguage(page, language, `/s/${slug}/young-people`);
    await scan("start");
    await activate(page, page.locator("a[data-scan-start]"));
    await page.waitForURL(`**/s/${slug}/young-people/take-part`);
    await activate(page, page.getByRole("link", { name: words.takePart.yes }));

    for (let number = 1; number <= 9; number += 1) {
      await page.waitForURL(`**/s/${slug}/young-people/questions/${number}`);
      expect(await page.locator(".er-caption").textContent()).toBe(
        words.question.progress.replace("{{number}}", String(number)).replace("{{total}}", "9"),
      );
      const textarea = page.locator("textarea");
      if (await textarea.count()) {
        await tabTo(page, textarea);
        await page.keyboard.type("I like my school.");
      } else {
        // Tab reaches the first answer card's radio; the arrow keys move through the others.
        await tabTo(page, page.locator(".er-card__input").first());
        if (number === 1)
          await page.keyboard.press("ArrowDown"); // "a parent or carer"
        else if (number === 2) for (let press = 0; press < 6; press += 1) await page.keyboard.press("ArrowDown");
        else await page.keyboard.press("Space");
      }
      if (number === 2) await scan(`question ${number}`);
      await activate(page, page.locator('button[value="continue"]'));
    }

    await page.waitForURL(`**/s/${slug}/young-people/check`);
    const summary = await page.locator(".er-answers").textContent();
    expect(summary).toContain(words.answers["dont-understand"]);
    expect(summary).toContain("I like my school.");
    await scan("check your answers");
    await activate(page, page.locator("form button[data-scan-start]"));
    await page.waitForURL(`**/s/${slug}/young-people/done`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(words.done.title);
    await scan("done");

    expect(await youngPeoplesAnswers(slug)).toEqual({
      responses: 1,
      locale: language,
      answers: {
        1: "parent-carer",
        2: "dont-understand",
        3: "very-happy",
        4: "very-happy",
        5: "very-happy",
        6: "very-happy",
        7: "very-happy",
        8: "I like my school.",
        9: "under-11",
      },
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});

test("in switch mode, pressing only Space while the page scans by itself", async () => {
  const slug = await openInspection();
  const context = await browser.newContext(contextOptions(375));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  // A helper turns switch mode on: one switch, fast.
  await page.goto(`/s/${slug}/young-people`);
  await page.getByLabel("One switch").check();
  await page.getByLabel("Fast").check();
  await page.getByRole("button", { name: "Save switch mode" }).click();
  await page.getByRole("status").getByText("Switch mode is on.").waitFor();

  /**
   * Waits until the page whose heading includes `heading` is drawn and scanning has reached the element,
   * then presses the one switch. (The heading makes sure it is the new page, not the one just left.)
   */
  const press = async (heading: string, highlighted: string) => {
    await page.waitForFunction(
      ([text, selector]) =>
        Boolean(document.querySelector("main h1")?.textContent?.includes(text!)) &&
        Boolean(document.activeElement?.matches(selector!)) &&
        Boolean(document.activeElement?.hasAttribute("data-scan-highlight")),
      [heading, highlighted],
      { timeout: 20_000 },
    );
    await page.keyboard.press("Space");
  };

  await press("Tell the inspectors what you think", "a[data-scan-start]");
  await press("Do you want to take part?", "a[data-scan-start]");
  for (let number = 1; number <= 9; number += 1) {
    const heading = `Question ${number} of 9`;
    if (number === 1) {
      // Scanning starts on the first answer and moves on by itself: wait for the second, then choose it.
      await press(heading, ".er-card__input[value='parent-carer']");
      await page.waitForFunction(
        () => (document.activeElement as HTMLElement | null)?.dataset.scanAfterChoice !== undefined,
      );
      expect(await page.locator(".er-card__input[value='parent-carer']").isChecked()).toBe(true);
      await expectNoAxeViolations(page, "a question in switch mode");
    } else if (number !== 8) {
      await press(heading, ".er-cards > :first-child .er-card__input");
    }
    await press(heading, "button[data-scan-after-choice]");
  }
  await press("Check your answers", "form button[data-scan-start]");
  await page.waitForURL(`**/s/${slug}/young-people/done`);

  const stored = await youngPeoplesAnswers(slug);
  expect(stored.responses).toBe(1);
  expect(stored.answers).toMatchObject({ 1: "parent-carer", 2: "very-happy", 9: "under-11" });
  expect(stored.answers[8]).toBeUndefined(); // the free-text question, skipped
  expect(errors).toEqual([]);
  await context.close();
});

describe("every screen, at 375 and 1280 px, as the server renders it", () => {
  let slug: string;
  beforeAll(async () => {
    slug = await openInspection("Easyshire Children's Services, 0300 123 4567");
  });

  /** A context without the app's scripts in a language, and a visit that scans the page at both widths. */
  async function serverRendered(language: string) {
    const context = await browser.newContext(contextOptions(375));
    await serverRenderedOnly(context);
    const page = await context.newPage();
    const visit = async (path: string, label = path) => {
      await page.goto(path);
      expect(await page.getAttribute("html", "lang")).toBe(language);
      await scanBothWidths(page, `${label} in ${language}`);
    };
    await inLanguage(page, language, "/");
    return { context, page, visit, base: `/s/${slug}/young-people` };
  }

  // Loaded once per language; the question about who is helping is scanned by survey-pages.test.ts.
  test.each(LANGUAGE_CODES)("%s: start, taking part, a face scale, an error, check and done", async (language) => {
    const { context, page, visit, base } = await serverRendered(language);
    await visit(base);
    await visit(`${base}/take-part`);
    await visit(`${base}/questions/2`);
    await page.locator(".er-card__input").first().check();
    await page.locator("button[value='continue']").click();
    await page.goto(`${base}/questions/8`);
    await page.locator("textarea").fill("x".repeat(1001));
    await page.locator("button[value='continue']").click();
    await page.locator(".error-summary").waitFor();
    expect(await page.title()).toMatch(new RegExp(`^${errorPrefix(language)} `));
    await scanBothWidths(page, `free text over the limit in ${language}`);
    await visit(`${base}/check`);
    await page.locator("form button[data-scan-start]").click();
    await page.waitForURL(`**${base}/done`);
    await scanBothWidths(page, `done in ${language}`);
    await context.close();
  });

  test("and the rest: a bad switch speed, 'No thanks', saved for later, answers not found", async () => {
    const { context, page, visit, base } = await serverRendered("en-GB");
    await page.goto(base);
    // A speed the form does not offer: an easy-read error, and nothing remembered.
    await page.locator("#speed").evaluate((radio) => ((radio as HTMLInputElement).value = "warp"));
    await page.locator("#speed").check();
    await page.locator("button[value='switch']").click();
    await page.locator(".error-summary").getByText("Choose slow, medium or fast.").waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("switch_mode");
    await scanBothWidths(page, "switch mode error");
    await visit(`${base}/take-part?answer=no`);
    await page.goto(`${base}/questions/1`);
    await page.locator(".er-card__input").first().check();
    await page.locator("button[value='save']").click();
    await page.waitForURL(`**${base}/save`);
    await scanBothWidths(page, "saved for later");
    await context.clearCookies();
    await visit(`${base}/check`, "check with nothing to find");
    await context.close();
  });
});

describe("what people see and hear", () => {
  let slug: string;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    slug = await openInspection(null, "easy-sees");
    context = await browser.newContext(contextOptions(375));
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test("what a screen reader hears of a question screen stays exactly this", async () => {
    await page.goto(`/s/${slug}/young-people/questions/2`);
    // Hydrated: the Listen button has replaced the browser's player.
    await page.getByRole("button", { name: "Listen", exact: true }).waitFor();
    expect(await page.locator("main").ariaSnapshot()).toEqual(QUESTION_SCREEN);
  });

  test("text of 22px or more at line height 1.5, answers 64px tall, focus rings 3px, pictures decorative beside words", async () => {
    await page.goto(`/s/${slug}/young-people/questions/2`);
    await page.getByRole("button", { name: "Listen", exact: true }).waitFor();
    const text = await page.locator(".easy-read").evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>("*")]
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim()))
        .filter((element) => element.getClientRects().length > 0 && !element.closest(".visually-hidden"))
        .map((element) => {
          const style = getComputedStyle(element);
          return {
            text: element.textContent!.trim().slice(0, 40),
            heading: /^H\d$/.test(element.tagName) || element.closest("h1, h2, h3") !== null,
            size: parseFloat(style.fontSize),
            lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          };
        }),
    );
    expect(text.length).toBeGreaterThan(15);
    expect(text.filter((item) => item.size < 22)).toEqual([]);
    expect(text.filter((item) => !item.heading && item.lineHeight < 1.5)).toEqual([]);

    const cards = await page
      .locator(".er-card")
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    expect(cards).toHaveLength(7);
    expect(cards.every((height) => height >= 64)).toBe(true);
    // The whole card chooses: a click on its words checks its radio.
    await page.locator(".er-card", { hasText: "Okay" }).locator(".er-card__words").click();
    expect(await page.locator(".er-card__input[value='okay']").isChecked()).toBe(true);
    const targets = await page
      .locator(".easy-read :is(a, button, .er-card)")
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    expect(targets.every((height) => height >= 44)).toBe(true);

    // Keyboard focus: a ring of at least 3px, not transparent, on every kind of control.
    const ring = async (selector: string, measured = selector) => {
      await tabTo(page, page.locator(selector).first());
      return page
        .locator(measured)
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor };
        });
    };
    for (const [selector, measured] of [
      [".back-link", ".back-link"],
      [".er-listen__button", ".er-listen__button"], // the first: Listen to this page
      [".er-card__input:checked", ".er-card:has(.er-card__input:checked)"],
      ["button[value='continue']", "button[value='continue']"],
    ] as const) {
      const found = await ring(selector, measured);
      expect(found.width, selector).toBeGreaterThanOrEqual(3);
      expect(found.style, selector).toBe("solid");
      expect(found.color, selector).not.toMatch(/rgba\(.*, 0\)|transparent/);
    }

    // Pictures: beside words they are decorative; a picture on its own would need a name.
    for (const path of ["", "/take-part", "/questions/1", "/questions/2", "/check"]) {
      await page.goto(`/s/${slug}/young-people${path}`);
      const pictures = await page.locator("main img").evaluateAll((images) =>
        images.map((image) => ({
          src: image.getAttribute("src"),
          alt: image.getAttribute("alt"),
          besideWords: (image.parentElement?.textContent ?? "").trim().length > 0,
        })),
      );
      expect(pictures.length, path).toBeGreaterThan(0);
      for (const picture of pictures) {
        expect(picture.alt === "" ? picture.besideWords : Boolean(picture.alt?.trim()), `${path} ${picture.src}`).toBe(
          true,
        );
      }
    }
  });

  test("no sideways scrolling at 320px wide and at 200% zoom, in English and Urdu", async () => {
    for (const language of ["en-GB", "ur"]) {
      await inLanguage(page, language, `/s/${slug}/young-people`);
      for (const path of ["", "/take-part", "/questions/1", "/questions/2", "/questions/8", "/check"]) {
        await page.goto(`/s/${slug}/young-people${path}`);
        // 320 CSS pixels, and a 1280px window at 200% (640 CSS pixels).
        for (const width of [320, 640]) {
          await page.setViewportSize({ width, height: 800 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${language} ${path} at ${width}px`).toBeLessThanOrEqual(0);
        }
      }
    }
    await page.setViewportSize({ width: 375, height: 900 });
  });

  test("every language's question can be heard: a WAV file of plausible length, in that language", async () => {
    const sizes = new Set<number>();
    for (const language of LANGUAGE_CODES) {
      await inLanguage(page, language, `/s/${slug}/young-people`);
      // The address without JavaScript (the <audio controls> player), as any device would fetch it.
      const html = await (await page.request.get(`/s/${slug}/young-people/questions/2`)).text();
      const src = html.match(/<audio[^>]*src="(\/audio\/[0-9a-f-]+\.wav)"/)?.[1];
      expect(src, language).toBeTruthy();
      const response = await page.request.get(src!);
      expect(response.status(), language).toBe(200);
      expect(response.headers()["content-type"]).toBe("audio/wav");
      const wav = parseWav(new Uint8Array(await response.body()));
      expect(wav, language).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
      // "Question 2 of 9", the question, "You can skip this question.", seven answers and "or".
      expect(wav.seconds, language).toBeGreaterThan(8);
      expect(wav.seconds, language).toBeLessThan(90);
      const loud = wav.samples.filter((sample) => Math.abs(sample) > 2000).length / wav.samples.length;
      expect(loud, language).toBeGreaterThan(0.05); // speech, not silence
      sizes.add(wav.samples.length);
    }
    expect(sizes.size).toBe(LANGUAGE_CODES.length); // six different recordings
  });
});

test("inspectors see the young people's faces at a glance and how many had help (the demo's responses)", async () => {
  const inspector = "easy.inspector@example.org";
  portal(["add-staff", "--email", inspector, "--role", "admin"], env());
  const context = await browser.newContext(contextOptions(1280));
  const page = await context.newPage();
  const requested = Date.now() - 1_000;
  await page.goto("/staff/sign-in");
  await page.locator("input[type=email]").fill(inspector);
  await page.locator("form[method=post] button[type=submit]").click();
  await page.goto(staffLinkIn((await latestEmailTo(inject("appDataDir"), inspector, { after: requested })).text));
  await page.locator("form[method=post] button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/staff");

  await page.goto("/staff/inspections/demo/results?survey=young-people");
  const summary = page.locator("section[aria-labelledby='easy-read-summary']");
  await expect(summary.getByRole("heading", { name: "Answered with help" }).isVisible()).resolves.toBe(true);
  expect(await summary.locator(".panel p").first().textContent()).toMatch(
    /^\d+ of the \d+ young people who answered had someone helping them \(\d+%\)\.$/,
  );
  const table = summary.getByRole("table");
  expect(await table.locator("thead th").allTextContents()).toEqual([
    "Question",
    "Happy or very happy",
    "Sad or very sad",
    "I don't know",
    "I don't understand the question",
  ]);
  expect(await table.locator("tbody tr").count()).toBe(6);
  await scanBothWidths(page, "the young people's results");
  await context.close();
});

/**
 * What a screen reader is given on question 2, after hydration (Playwright's ARIA snapshot). A change
 * here is a change in what people hear: make it on purpose, and update this with it.
 */
const QUESTION_SCREEN = `- main:
  - link "Back":
    - /url: /s/easy-sees/young-people/questions/1
  - button "Listen"
  - button "Say each answer"
  - group "Question 2 of 9 How do you feel about the help you get at school or college?":
    - heading "Question 2 of 9 How do you feel about the help you get at school or college?" [level=1]
    - paragraph: You can skip this question.
    - radio "Very happy"
    - text: Very happy
    - radio "Happy"
    - text: Happy
    - radio "Okay"
    - text: Okay
    - radio "Sad"
    - text: Sad
    - radio "Very sad"
    - text: Very sad
    - paragraph: or
    - radio "I don't know"
    - text: I don't know
    - radio "I don't understand the question"
    - text: I don't understand the question
  - button "Next"
  - button "Save and stop for now"
  - region "Are you safe?":
    - heading "Are you safe?" [level=2]
    - paragraph: If you are not safe or someone is hurting you, tell an adult you trust.
    - paragraph: Or call Childline free on 0800 1111.
    - paragraph: "In danger now: call 999."
    - paragraph: Nobody can reply to what you write in this survey.
    - button "Listen to this"`;
