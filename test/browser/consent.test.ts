import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import {
  collectPageErrors,
  contextOptions,
  expectAccessibleAtEveryWidth,
  expectNoAxeViolations,
  launchChromium,
  serverRenderedOnly,
} from "../support/browser";
import { addCalendarDays } from "~/inspections/calendar";
import { nearestWorkingDay } from "~/inspections/working-days.server";
import { portal } from "../support/cli";
import { futureDay1 } from "../support/inspections";
import { activate, tabTo, typeInto } from "../support/keyboard";
import { latestEmailTo, staffLinkIn } from "../support/outbox";

/**
 * Consent and contact in a real browser: the local area adds tracked cases and sends links; a parent and
 * a 17-year-old decide for themselves (the young person with the keyboard alone, in easy read); staff
 * record a phone call; inspectors see on the board only what was agreed, at once. Then every new page,
 * public and staff, with and without errors, in every language at phone and laptop widths, without
 * JavaScript, through axe.
 */
type State = Awaited<ReturnType<BrowserContext["storageState"]>>;
let browser: Browser;
let sql: postgres.Sql;
let inspectorState: State;
let lanoState: State;
const SLUG = "consentville";
const INSPECTOR = "board.inspector@example.org";
const LANO = "nominated.officer@example.org";
const env = () => ({ DATABASE_URL: inject("appDatabaseUrl"), DATA_DIR: inject("appDataDir") });
const BOARD = `/staff/inspections/${SLUG}/consent`;
// The sweep has an inspection of its own, so its pages are no bigger than they need to be.
const SCAN_SLUG = "scanville";
const SCAN_BOARD = `/staff/inspections/${SCAN_SLUG}/consent`;
const errorPrefix = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/common.json`, "utf8")).forms.errorPrefix as string;

async function signIn(email: string): Promise<State> {
  const context = await browser.newContext(contextOptions(1280));
  const page = await context.newPage();
  const requested = Date.now() - 1_000;
  await page.goto("/staff/sign-in");
  await page.locator("input[type=email]").fill(email);
  await page.locator("form[method=post] button[type=submit]").click();
  await page.waitForURL("**/check-email**");
  await page.goto(staffLinkIn((await latestEmailTo(inject("appDataDir"), email, { after: requested })).text));
  await page.locator("form[method=post] button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/staff");
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A page of its own, failing the test on any error it logs. */
async function open(options: { state?: State; width?: number; javaScript?: boolean } = {}) {
  const context = await browser.newContext(
    contextOptions(options.width ?? 1280, {
      storageState: options.state,
      javaScriptEnabled: options.javaScript ?? true,
    }),
  );
  const page = await context.newPage();
  return { page, errors: collectPageErrors(page), close: () => context.close() };
}

interface Person {
  name: string;
  email?: string;
  phone?: string;
}

/** The local area adds a case through its form; returns the case page's path. */
async function addCase(
  page: Page,
  reference: string,
  decides: "parent" | "young-person" | "both",
  people: { parent?: Person; young?: Person },
  board = BOARD,
) {
  await page.goto(`${board}/new`);
  await page.getByLabel("Case reference").fill(reference);
  const decider = {
    parent: "The parent or carer",
    "young-person": "The young person",
    both: "Both the parent or carer and the young person",
  };
  await page.getByLabel(decider[decides], { exact: true }).check();
  for (const [group, person] of [
    ["Parent or carer", people.parent],
    ["Young person", people.young],
  ] as const) {
    if (!person) continue;
    const fieldset = page.getByRole("group", { name: group, exact: true });
    await fieldset.getByLabel("Full name").fill(person.name);
    if (person.email) await fieldset.getByLabel("Email address").fill(person.email);
    if (person.phone) await fieldset.getByLabel("Phone number").fill(person.phone);
  }
  await page.getByRole("button", { name: "Add the case" }).click();
  await page.getByRole("heading", { name: `Case ${reference}` }).waitFor();
  return new URL(page.url()).pathname;
}

/** Makes a link (and letter) for a case's only person, or `party`; returns the link. */
async function makeLink(page: Page, casePath: string, party?: string) {
  await page.goto(`${casePath}/request`);
  if (party) await page.getByLabel(party, { exact: true }).check();
  await page.getByRole("button", { name: "Make the link and the letter" }).click();
  await page.getByRole("heading", { name: "The link is ready" }).waitFor();
  return (await page.locator(".letter__link").textContent())!.trim();
}

const question = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

/** A parent answers with the mouse: who they are, then yes or no for each purpose. */
async function answerAsParent(
  page: Page,
  link: string,
  answers: { contact: boolean; meet: boolean; records: boolean; quote: boolean },
) {
  await page.goto(link);
  await page.getByLabel("I am the child's parent").check();
  const questions = {
    contact: "May an inspector phone you or call you by video?",
    meet: "May an inspector meet or talk with your child, or with you?",
    records: "May inspectors look at records that services hold about your child?",
    quote: "May inspectors quote what you say, without your name?",
  };
  for (const [purpose, name] of Object.entries(questions)) {
    await question(page, name)
      .getByLabel(answers[purpose as keyof typeof answers] ? "Yes" : "No", { exact: true })
      .check();
  }
}

const card = (page: Page, reference: string) => page.locator(`section[data-case="${reference}"]`);
const statusOf = (page: Page, reference: string, purpose: string) =>
  card(page, reference).locator(`td[data-purpose="${purpose}"]`).textContent();

beforeAll(async () => {
  portal(["create-inspection", "--area", "Consentville", "--kind", "full", "--day1", futureDay1(120)], env());
  portal(["add-staff", "--email", INSPECTOR, "--role", "inspector", "--inspection", SLUG], env());
  portal(["add-staff", "--email", LANO, "--role", "lano", "--inspection", SLUG], env());
  portal(["create-inspection", "--area", "Scanville", "--kind", "full", "--day1", futureDay1(130)], env());
  portal(["add-staff", "--email", INSPECTOR, "--role", "inspector", "--inspection", SCAN_SLUG], env());
  portal(["add-staff", "--email", LANO, "--role", "lano", "--inspection", SCAN_SLUG], env());
  sql = postgres(inject("appDatabaseUrl"), { max: 2, onnotice: () => {} });
  browser = await launchChromium();
  [inspectorState, lanoState] = await Promise.all([signIn(INSPECTOR), signIn(LANO)]);
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

describe("journeys", () => {
  test("a parent gives consent for some purposes and refuses others; a withdrawal shows on the board at once", async () => {
    const lano = await open({ state: lanoState });
    const casePath = await addCase(lano.page, "PARENT-1", "parent", {
      parent: { name: "Pat Parent", email: "pat.parent@example.org", phone: "01632 960 001" },
    });
    await expectNoAxeViolations(lano.page, "case page");
    const requested = Date.now() - 1_000;
    const link = await makeLink(lano.page, casePath);
    await expectNoAxeViolations(lano.page, "letter");
    // The letter's QR code holds the same link as the letter's text and the email.
    const png = PNG.sync.read(await lano.page.locator(".letter__qr svg").screenshot());
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
    const request = await latestEmailTo(inject("appDataDir"), "pat.parent@example.org", { after: requested });
    expect(request.text).toContain(link);

    // The parent, on a phone: nothing is chosen for them.
    const parent = await open({ width: 375 });
    await parent.page.goto(link);
    expect(new URL(parent.page.url()).search).toBe("");
    await expectNoAxeViolations(parent.page, "consent page");
    expect(await parent.page.locator("input:checked").count()).toBe(0);
    await answerAsParent(parent.page, parent.page.url(), { contact: true, meet: true, records: false, quote: false });
    await parent.page.getByLabel("Best times to contact you").fill("Weekday mornings");
    await parent.page.getByRole("button", { name: "Send my answers" }).click();
    await parent.page.getByText("Thank you. Your answers have been saved.").waitFor();
    await expectNoAxeViolations(parent.page, "answers");
    expect(await parent.page.locator(".summary-list__value").allTextContents()).toEqual(["Yes", "Yes", "No", "No"]);

    // The inspector sees it, with the contact details and preferences, and plans a call.
    const inspector = await open({ state: inspectorState });
    await inspector.page.goto(BOARD);
    expect(await statusOf(inspector.page, "PARENT-1", "contact")).toBe("Given");
    expect(await statusOf(inspector.page, "PARENT-1", "records")).toBe("Refused");
    await expect.poll(() => card(inspector.page, "PARENT-1").textContent()).toContain("pat.parent@example.org");
    expect(await card(inspector.page, "PARENT-1").textContent()).toContain("Weekday mornings");
    await expectNoAxeViolations(inspector.page, "board");
    await card(inspector.page, "PARENT-1").getByRole("button", { name: "Mark a call as planned" }).click();
    await card(inspector.page, "PARENT-1").getByText(`Call planned on`).waitFor();

    // The parent withdraws from the confirmation email, in one step.
    let confirmation = request;
    await expect
      .poll(
        async () =>
          (confirmation = await latestEmailTo(inject("appDataDir"), "pat.parent@example.org", { after: requested }))
            .subject,
      )
      .toBe("Your answers have been saved");
    const withdrawLink = confirmation.text!.match(/http:\/\/\S+\/withdraw/)![0];
    await parent.page.goto(withdrawLink);
    await expectNoAxeViolations(parent.page, "withdraw");
    await parent.page.getByRole("button", { name: "Withdraw my consent" }).click();
    await parent.page.getByText("Your consent has been withdrawn.").waitFor();

    await inspector.page.reload();
    expect(await statusOf(inspector.page, "PARENT-1", "contact")).toBe("Withdrawn");
    expect(await card(inspector.page, "PARENT-1").locator(".consent-warning").textContent()).toMatch(
      /Consent to contact was withdrawn on .*, after a call was planned\. Do not call\./,
    );
    expect(await card(inspector.page, "PARENT-1").textContent()).not.toContain("pat.parent@example.org");
    await expectNoAxeViolations(inspector.page, "board with a warning");
    expect([...lano.errors, ...parent.errors, ...inspector.errors]).toEqual([]);
    await Promise.all([lano.close(), parent.close(), inspector.close()]);
  });

  test("a 17-year-old gives their own consent through the easy-read page with the keyboard alone", async () => {
    const lano = await open({ state: lanoState });
    const casePath = await addCase(lano.page, "YOUNG-1", "young-person", {
      young: { name: "Sam Young", email: "sam.young@example.org" },
    });
    const link = await makeLink(lano.page, casePath);

    // A parent opening the young person's link is told the decision is the young person's; nothing is kept.
    const parent = await open({ width: 375 });
    await parent.page.goto(link);
    await parent.page.getByLabel("My parent").check();
    for (const name of [
      "Can an inspector phone you or video call you?",
      "Can an inspector meet you or talk with you?",
      "Can inspectors read notes about you?",
      "Can inspectors use your words?",
    ]) {
      await question(parent.page, name).getByLabel("Yes", { exact: true }).check();
    }
    await parent.page.getByRole("button", { name: "Send my answers" }).click();
    await expect
      .poll(() => parent.page.locator(".error-summary").textContent())
      .toContain("This is the young person's choice. Please ask them to fill in this form. You can help them.");
    await expectNoAxeViolations(parent.page, "easy read with errors");

    // The young person, on a phone, with the keyboard alone.
    const young = await open({ width: 375 });
    const page = young.page;
    await page.goto(link);
    await expectNoAxeViolations(page, "easy read");
    expect(
      parseFloat(await page.locator(".easy-read").evaluate((element) => getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(22);
    const cardHeights = await page
      .locator(".easy-read .choice__label")
      .evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height));
    expect(Math.min(...cardHeights)).toBeGreaterThanOrEqual(64);
    expect(await page.locator("input:checked").count()).toBe(0);

    await tabTo(page, page.getByLabel("Me. I am the young person."));
    await page.keyboard.press("Space");
    const answers: Array<[string, "Yes" | "No"]> = [
      ["Can an inspector phone you or video call you?", "Yes"],
      ["Can an inspector meet you or talk with you?", "No"],
      ["Can inspectors read notes about you?", "Yes"],
      ["Can inspectors use your words?", "No"],
    ];
    for (const [name, answer] of answers) {
      // Tab reaches a radio group at its first choice; an arrow key moves to (and chooses) the next.
      await tabTo(page, question(page, name).getByLabel("Yes", { exact: true }));
      await page.keyboard.press(answer === "Yes" ? "Space" : "ArrowDown");
      expect(await question(page, name).getByLabel(answer, { exact: true }).isChecked()).toBe(true);
    }
    await typeInto(page, page.getByLabel("When is a good time?"), "After college");
    await activate(page, page.getByRole("button", { name: "Send my answers" }));
    await page.getByText("Thank you. We saved your answers.").waitFor();
    await expectNoAxeViolations(page, "easy read answers");

    const inspector = await open({ state: inspectorState });
    await inspector.page.goto(BOARD);
    expect(await statusOf(inspector.page, "YOUNG-1", "contact")).toBe("Given");
    expect(await statusOf(inspector.page, "YOUNG-1", "meet")).toBe("Refused");
    expect(await card(inspector.page, "YOUNG-1").textContent()).toContain("Young person: ");
    expect(await card(inspector.page, "YOUNG-1").textContent()).toContain("online, by the young person");
    expect([...lano.errors, ...parent.errors, ...young.errors, ...inspector.errors]).toEqual([]);
    await Promise.all([lano.close(), parent.close(), young.close(), inspector.close()]);
  });

  test("a consent given by phone and recorded by staff shows who recorded it", async () => {
    const lano = await open({ state: lanoState });
    const casePath = await addCase(lano.page, "PHONE-1", "parent", {
      parent: { name: "Chris Carer", phone: "07700 900 982" },
    });
    await lano.page.getByRole("link", { name: "Record a decision from a phone call or paper form" }).click();
    await lano.page.getByRole("button", { name: "Save the decision" }).click();
    await lano.page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(lano.page, "record with errors");
    await lano.page.getByLabel("By phone").check();
    await lano.page.getByLabel("The carer").check();
    await lano.page.getByLabel("English").check();
    for (const [name, answer] of [
      ["May an inspector phone them or call them by video?", "Yes"],
      ["May an inspector meet or talk with the child or young person, or with the family?", "No"],
      ["May inspectors look at records that services hold?", "Yes"],
      ["May inspectors quote what they say, without their name?", "No"],
    ]) {
      await question(lano.page, name!).getByLabel(answer!, { exact: true }).check();
    }
    await lano.page.getByRole("button", { name: "Save the decision" }).click();
    await lano.page.waitForURL(`**${casePath}`);
    expect(await lano.page.locator("li[data-receipt]").textContent()).toContain(`By phone, recorded by ${LANO}`);

    const inspector = await open({ state: inspectorState });
    await inspector.page.goto(BOARD);
    expect(await card(inspector.page, "PHONE-1").textContent()).toContain(
      `from a phone call, given by the carer, recorded by ${LANO}`,
    );
    expect(await statusOf(inspector.page, "PHONE-1", "contact")).toBe("Given");
    expect([...lano.errors, ...inspector.errors]).toEqual([]);
    await Promise.all([lano.close(), inspector.close()]);
  });

  test("the board never shows contact details without consent to contact, in each state", async () => {
    const lano = await open({ state: lanoState, javaScript: false });
    const parent = await open({ width: 375, javaScript: false });
    const states = ["NONE", "REFUSED", "GIVEN", "WITHDRAWN"] as const;
    const emailOf = (state: string) => `state.${state.toLowerCase()}@example.org`;
    for (const state of states) {
      const casePath = await addCase(lano.page, `STATE-${state}`, "parent", {
        parent: { name: `Parent ${state}`, email: emailOf(state) },
      });
      if (state === "NONE") continue;
      const link = await makeLink(lano.page, casePath);
      await answerAsParent(parent.page, link, { contact: state !== "REFUSED", meet: true, records: true, quote: true });
      await parent.page.getByRole("button", { name: "Send my answers" }).click();
      await parent.page.getByRole("heading", { name: "Your answers" }).waitFor();
      if (state === "WITHDRAWN") {
        await parent.page.getByRole("button", { name: "Withdraw my consent" }).click();
        await parent.page.getByText("Your consent has been withdrawn.").waitFor();
      }
    }
    const inspector = await open({ state: inspectorState, javaScript: false });
    await inspector.page.goto(BOARD);
    await lano.page.goto(BOARD);
    const expected = { NONE: "Not answered yet", REFUSED: "Refused", GIVEN: "Given", WITHDRAWN: "Withdrawn" };
    for (const state of states) {
      expect(await statusOf(inspector.page, `STATE-${state}`, "contact")).toBe(expected[state]);
      const seen = await card(inspector.page, `STATE-${state}`).textContent();
      if (state === "GIVEN") expect(seen).toContain(emailOf(state));
      else {
        expect(seen).not.toContain(emailOf(state));
        expect(seen).toContain("Contact details are shown only while consent to a phone or video call stands.");
      }
      // The local area sees statuses, never the contact details on the board.
      expect(await statusOf(lano.page, `STATE-${state}`, "contact")).toBe(expected[state]);
      expect(await card(lano.page, `STATE-${state}`).textContent()).not.toContain(emailOf(state));
    }
    const [audited] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where action = 'consent.board' and staff_email in (${INSPECTOR}, ${LANO})`;
    expect(audited!.n).toBeGreaterThanOrEqual(2);
    await Promise.all([lano.close(), parent.close(), inspector.close()]);
  });
});

describe("every new page", () => {
  const links = {} as Record<"parent" | "young" | "answered" | "replaced" | "expired", string>;
  let scanCase = "";
  let letterCase = "";
  let bothCase = "";

  beforeAll(async () => {
    const lano = await open({ state: lanoState, javaScript: false });
    const parentCase = await addCase(
      lano.page,
      "SCAN-PARENT",
      "parent",
      { parent: { name: "Scan Parent", phone: "01632 960 003" } },
      SCAN_BOARD,
    );
    links.parent = await makeLink(lano.page, parentCase);
    bothCase = await addCase(
      lano.page,
      "SCAN-YOUNG",
      "both",
      {
        parent: { name: "Scan Parent", phone: "01632 960 004" },
        young: { name: "Scan Young", phone: "07700 900 983" },
      },
      SCAN_BOARD,
    );
    links.young = await makeLink(lano.page, bothCase, "Young person");
    scanCase = await addCase(
      lano.page,
      "SCAN-ANSWERED",
      "parent",
      { parent: { name: "Scan Answered", phone: "01632 960 005" } },
      SCAN_BOARD,
    );
    links.answered = await makeLink(lano.page, scanCase);
    const replacedCase = await addCase(
      lano.page,
      "SCAN-REPLACED",
      "parent",
      { parent: { name: "Scan Replaced", phone: "01632 960 006" } },
      SCAN_BOARD,
    );
    links.replaced = await makeLink(lano.page, replacedCase);
    await makeLink(lano.page, replacedCase);
    letterCase = await addCase(
      lano.page,
      "SCAN-LETTER",
      "parent",
      { parent: { name: "Scan Letter", email: "scan.letter@example.org" } },
      SCAN_BOARD,
    );
    await lano.close();

    const parent = await open({ javaScript: false });
    await answerAsParent(parent.page, links.answered, { contact: true, meet: false, records: true, quote: false });
    await parent.page.getByRole("button", { name: "Send my answers" }).click();
    await parent.page.getByRole("heading", { name: "Your answers" }).waitFor();
    await parent.page.goto(`/s/${SCAN_SLUG}/talk`);
    await parent.page.getByLabel("Your name").fill("Robin Talker");
    await parent.page.getByLabel("Phone number").fill("07700 900 984");
    await parent.page.getByLabel("Video call").check();
    await parent.page
      .getByLabel("I agree that an inspector may contact me about my family's experience of SEND services")
      .check();
    await parent.page.getByRole("button", { name: "Send my details" }).click();
    await parent.page.getByRole("heading", { name: "Thank you" }).waitFor();
    await parent.close();

    // A link of an inspection that has ended (made directly: the local area's pages are tested above).
    portal(["create-inspection", "--area", "Endedville", "--kind", "revisit", "--day1", futureDay1(40)], env());
    const token = randomBytes(32).toString("base64url");
    await sql.begin(async (tx) => {
      const [ended] = await tx`select id from inspections where slug = 'endedville'`;
      const [made] = await tx`
        insert into consent_cases (inspection_id, reference, decides) values (${ended!.id}, 'ENDED-1', 'parent') returning id`;
      await tx`insert into consent_requests (case_id, party, token_hash) values (${made!.id}, 'parent', ${createHash("sha256").update(token).digest()})`;
      await tx`update inspections set day1 = ${nearestWorkingDay(addCalendarDays(futureDay1(0), -60), "backward")} where id = ${ended!.id}`;
    });
    links.expired = `/consent/${token}`;
  });

  const pagesFor = (): Array<{ path: string; submit?: string }> => [
    { path: SCAN_BOARD },
    { path: `${SCAN_BOARD}/new` },
    { path: `${SCAN_BOARD}/new`, submit: "#new-case button[type=submit]" },
    { path: scanCase },
    { path: `${letterCase}/request` },
    { path: `${bothCase}/request`, submit: "#request button[type=submit]" },
    { path: `${scanCase}/record` },
    { path: `${scanCase}/record`, submit: "#record button[type=submit]" },
    { path: `/staff/inspections/${SCAN_SLUG}/talk-requests` },
    { path: `/staff/inspections/${SCAN_SLUG}` },
  ];
  const publicPages = (): Array<{ path: string; submit?: string; status?: number }> => [
    { path: new URL(links.parent).pathname },
    { path: new URL(links.parent).pathname, submit: "#consent button[type=submit]" },
    { path: new URL(links.young).pathname },
    { path: new URL(links.young).pathname, submit: "#consent button[type=submit]" },
    { path: new URL(links.answered).pathname },
    { path: `${new URL(links.answered).pathname}/withdraw` },
    { path: "/consent/not-a-link-that-exists-0000000000", status: 404 },
    { path: new URL(links.replaced).pathname, status: 410 },
    { path: links.expired, status: 410 },
    { path: `/s/${SCAN_SLUG}/talk` },
    { path: `/s/${SCAN_SLUG}/talk`, submit: "#talk button[type=submit]" },
  ];

  test.concurrent.each(LANGUAGE_CODES)("in %s, at phone and laptop widths, without JavaScript", async (language) => {
    const check = async (page: Page, path: string, submit: string | undefined, status = 200) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      if (submit) {
        await page.locator(submit).click();
        await page.locator(".error-summary").waitFor();
        expect(await page.title(), path).toMatch(new RegExp(`^${errorPrefix(language)} `));
      }
      expect(await page.getAttribute("html", "lang"), path).toBe(language);
      expect(await page.getAttribute("html", "dir"), path).toBe(textDirection(language));
      await expectAccessibleAtEveryWidth(page, `${path}${submit ? " (with errors)" : ""} in ${language}`);
    };
    const staff = await browser.newContext(contextOptions(375, { storageState: inspectorState }));
    await serverRenderedOnly(staff);
    const staffPage = await staff.newPage();
    await staffPage.goto(`/language?lng=${language}&back=/staff`);
    for (const { path, submit } of pagesFor()) await check(staffPage, path, submit);
    // The letter, in the person's language inside a page in the reader's.
    await staffPage.goto(`${letterCase}/request`);
    await staffPage.locator("#request button[type=submit]").click();
    await staffPage.locator(".letter").waitFor();
    await expectAccessibleAtEveryWidth(staffPage, `letter in ${language}`);
    await staff.close();

    const visitor = await browser.newContext(contextOptions(375));
    await serverRenderedOnly(visitor);
    const publicPage = await visitor.newPage();
    await publicPage.goto(`/language?lng=${language}&back=/`);
    for (const { path, submit, status } of publicPages()) await check(publicPage, path, submit, status);
    await visitor.close();
  });

  test("nothing on those pages was stored by the forms sent with errors", async () => {
    const [stored] = await sql<{ n: number }[]>`
      select count(*)::int as n from consent_decisions d join consent_cases c on c.id = d.case_id
      where c.reference in ('SCAN-PARENT', 'SCAN-YOUNG')`;
    expect(stored!.n).toBe(0);
  });
});
