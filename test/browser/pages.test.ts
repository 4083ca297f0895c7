import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collectPageErrors, contextOptions, launchChromium } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("without JavaScript", () => {
  test("the language switcher is a plain link that keeps the reader on the same page and remembers the choice", async () => {
    const page = await (await browser.newContext(contextOptions(375, { javaScriptEnabled: false }))).newPage();
    await page.goto("/s/demo");
    await page.getByRole("link", { name: "اردو" }).click();
    await page.waitForURL("**/s/demo");
    expect(await page.getAttribute("html", "lang")).toBe("ur");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.goto("/privacy");
    expect(await page.getAttribute("html", "lang")).toBe("ur");
  });

  test("the inspection page shows the area, whether the survey is open and the key dates", async () => {
    const page = await (await browser.newContext(contextOptions(375, { javaScriptEnabled: false }))).newPage();
    await page.goto("/s/demo");
    expect(await page.locator("h1").textContent()).toBe("Northshire (demo)");
    expect(await page.locator(".panel").first().textContent()).toContain("Survey open");
    const dates = await page.locator("dl").textContent();
    expect(dates).toContain("Online survey closes");
    expect(dates).toMatch(/at 12:00/);
  });
});

describe("language", () => {
  test("the browser's preferred language is used when the reader has not chosen one", async () => {
    const page = await (await browser.newContext(contextOptions(1280, { locale: "ar-SA" }))).newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
  });

  test("an unsupported preference falls back to English", async () => {
    const page = await (await browser.newContext(contextOptions(1280, { locale: "fr-FR" }))).newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("en-GB");
  });
});

describe("not found", () => {
  test.each(["/s/no-such-area", "/no/such/page"])("%s answers 404 with a helpful page", async (path) => {
    const page = await (await browser.newContext(contextOptions(1280))).newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.title()).toBe("Page not found – Have your say on local SEND services");
    expect(await page.getByRole("link", { name: "Go to the start page" }).count()).toBe(1);
  });
});

describe("with JavaScript", () => {
  test("pages hydrate without errors and client-side navigation shows translated text", async () => {
    const context = await browser.newContext(contextOptions(1280));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto("/language?lng=pl&back=/");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext);
    await page.locator('footer a[href="/accessibility"]').click();
    await page.waitForURL("**/accessibility");
    const heading = await page.locator("h1").textContent();
    expect(heading).not.toMatch(/accessibility\.|title/);
    expect(heading?.length).toBeGreaterThan(5);
    await page.goto("/s/demo");
    expect(errors).toEqual([]);
  });
});

test("security headers are strict", async () => {
  const page = await (await browser.newContext(contextOptions(1280))).newPage();
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});
