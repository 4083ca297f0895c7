import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { inject } from "vitest";

export const WIDTHS = [375, 1280] as const;

/** Headless Debian Chromium. The flags keep it from reaching for Google's servers on a closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromium"),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Each browser context is a visitor of its own, from its own address (the test app trusts one proxy's
 * X-Forwarded-For), so the rate limits one test file uses up never refuse another file's forms.
 */
export const visitorAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export function contextOptions(width: number, options: BrowserContextOptions = {}): BrowserContextOptions {
  return {
    baseURL: inject("baseURL"),
    viewport: { width, height: 900 },
    ...options,
    extraHTTPHeaders: { "X-Forwarded-For": visitorAddress(), ...options.extraHTTPHeaders },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The WCAG 2.0, 2.1 and 2.2 level A and AA rules, plus axe's best practices, run by axe-core in the page.
 * axe is injected once per document and asked for violations only: @axe-core/playwright's builder
 * finishes every scan in a fresh blank page and serialises every passing node, about four times slower,
 * which matters with every page scanned in six languages at two widths. Our pages have no frames.
 */
export async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((results) => results.violations),
    AXE_TAGS,
  );
}

export async function expectNoAxeViolations(page: Page, context = page.url()) {
  // A form's answer can be in the DOM before its stylesheet has loaded: scan the page as people see it.
  await page.waitForLoadState("load");
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const report = violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`);
      return `  ${violation.id} (${violation.impact}): ${violation.help}\n${targets.join("\n")}`;
    })
    .join("\n");
  throw new Error(`axe found ${violations.length} kind(s) of violation on ${context}:\n${report}`);
}

/** Scans the page as it stands at each of WIDTHS (a phone, a laptop), without loading it again. */
export async function expectAccessibleAtEveryWidth(page: Page, context = page.url()) {
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${context} at ${width}px`);
  }
  if (before) await page.setViewportSize(before);
}

/**
 * Stops the app's own scripts from loading, so pages behave as they do without JavaScript while axe,
 * which Playwright injects, can still run (a context with JavaScript disabled cannot be scanned).
 */
export async function serverRenderedOnly(context: BrowserContext) {
  await context.route(/\/build\/.*\.js$/, (route) => route.abort());
}

/** Fails on any error the page logs or throws (such as a hydration mismatch). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // A form answered with its errors is a 400 page: right for the document itself, wrong for anything else.
    const documentStatus = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (documentStatus && message.location().url === page.url()) return;
    errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}
