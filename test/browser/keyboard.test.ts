import { expect, test } from "vitest";
import { contextOptions, launchChromium } from "../support/browser";

const FOCUS_YELLOW = "rgb(255, 221, 0)";

test("the start page works with the keyboard alone, with a visible focus at every step", async () => {
  const browser = await launchChromium();
  const page = await (await browser.newContext(contextOptions(375))).newPage();
  await page.goto("/");

  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim(),
        id: element.id,
        background: style.backgroundColor,
        outline: style.outlineStyle,
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
      };
    });

  // The first Tab reveals the skip link; Enter moves focus to the main content.
  await page.keyboard.press("Tab");
  expect(await focused()).toMatchObject({ text: "Skip to main content", background: FOCUS_YELLOW, visible: true });
  await page.keyboard.press("Enter");
  expect((await focused()).id).toBe("main-content");

  // The next Tab lands on the first link in the content: the first survey open now (the demo is one).
  await page.keyboard.press("Tab");
  const link = await focused();
  expect(link.text).toMatch(/^.+: open until /);
  const area = link.text!.replace(/: open until .*$/, "");
  expect(link.background).toBe(FOCUS_YELLOW);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/s/*");
  await expect.poll(() => page.locator("h1").textContent()).toBe(area);

  // Shift+Tab from the top of the page reaches the language links; one of them switches language.
  await page.goto("/");
  for (let step = 0; step < 3; step += 1) await page.keyboard.press("Tab");
  expect((await focused()).text).toBe("Polski");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/");
  expect(await page.getAttribute("html", "lang")).toBe("pl");
  await browser.close();
});
