import { AxeBuilder } from "@axe-core/playwright";
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

export function contextOptions(width: number, options: BrowserContextOptions = {}): BrowserContextOptions {
  return { baseURL: inject("baseURL"), viewport: { width, height: 900 }, ...options };
}

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rules, plus axe's best practices. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations;
}

export async function expectNoAxeViolations(page: Page, context = page.url()) {
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
