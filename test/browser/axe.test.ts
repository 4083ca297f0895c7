import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import { contextOptions, expectNoAxeViolations, launchChromium, serverRenderedOnly, WIDTHS } from "../support/browser";

/** Every public page, with the status it should answer. */
const PAGES = [
  { path: "/", status: 200 },
  { path: "/s/demo", status: 200 },
  { path: "/privacy", status: 200 },
  { path: "/accessibility", status: 200 },
  { path: "/cookies", status: 200 },
  { path: "/s/no-such-area", status: 404 },
  { path: "/no/such/page", status: 404 },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe.each(LANGUAGE_CODES)("in %s", (language) => {
  test.each(WIDTHS)("every page at %i px wide is in the right language and has no axe violations", async (width) => {
    const context = await browser.newContext(contextOptions(width));
    await serverRenderedOnly(context);
    const page = await context.newPage();
    // Choose the language as a reader would, through the switcher's link.
    await page.goto(`/language?lng=${language}&back=/`);
    for (const { path, status } of PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      expect(await page.getAttribute("html", "lang"), path).toBe(language);
      expect(await page.getAttribute("html", "dir"), path).toBe(textDirection(language));
      expect(await page.locator("h1").count(), path).toBe(1);
      await expectNoAxeViolations(page, `${path} in ${language} at ${width}px`);
    }
    await context.close();
  });
});
