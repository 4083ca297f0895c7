import type { Locator, Page } from "playwright-core";

/**
 * Presses Tab until `target` has focus, as a keyboard user would; fails if it cannot be reached.
 * Shift+Tab goes backwards when the target is behind the current focus.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}) {
  const handle = await target.elementHandle({ timeout: 10_000 });
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error(`${target} could not be reached with the Tab key in ${max} presses.`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/**
 * Tabs to a link or button and presses Enter, then waits for what follows: a client-side navigation or
 * form submission (Remix's router going busy and back to idle), or a full page load without JavaScript.
 */
export async function activate(page: Page, target: Locator) {
  await tabTo(page, target);
  // Start listening before the key press (awaited), so a quick navigation cannot be missed.
  await page.evaluate(() => {
    type Router = { subscribe(listener: (state: { navigation: { state: string } }) => void): () => void };
    const router = (window as unknown as { __remixRouter?: Router }).__remixRouter;
    (window as unknown as { __settled: Promise<void> }).__settled = new Promise<void>((resolve) => {
      if (!router) return resolve();
      let busy = false;
      const unsubscribe = router.subscribe((state) => {
        if (state.navigation.state !== "idle") busy = true;
        else if (busy) {
          unsubscribe();
          resolve();
        }
      });
      // Nothing started (say, the browser-side validation stopped the form): no navigation to wait for.
      setTimeout(() => busy || resolve(), 1_000);
      setTimeout(resolve, 15_000);
    });
  });
  await page.keyboard.press("Enter");
  // A full page load (no JavaScript) replaces the page that held the promise: then wait for the load.
  await page.evaluate(() => (window as unknown as { __settled?: Promise<void> }).__settled).catch(() => undefined);
  await page.waitForLoadState("load");
  await pageDrawn(page);
}

/**
 * After a client-side navigation the URL and the router change before React has drawn the new page:
 * wait for a frame to pass. Without JavaScript there is no router, and nothing to wait for.
 */
export async function pageDrawn(page: Page) {
  await page
    .evaluate(() =>
      "__remixRouter" in window
        ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
        : undefined,
    )
    .catch(() => undefined);
}
