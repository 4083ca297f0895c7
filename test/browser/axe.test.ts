import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import { contextOptions, expectAccessibleAtEveryWidth, launchChromium, serverRenderedOnly } from "../support/browser";

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

test.concurrent.for(LANGUAGE_CODES)(
  "in %s every page is in the right language and has no axe violations at phone and laptop widths",
  async (language) => {
    const context = await browser.newContext(contextOptions(375));
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
      await expectAccessibleAtEveryWidth(page, `${path} in ${language}`);
    }
    await context.close();
  },
);
