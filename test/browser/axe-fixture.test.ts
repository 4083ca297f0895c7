import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { axeViolations, expectNoAxeViolations, launchChromium } from "../support/browser";

test("the accessibility check fails a page whose field has lost its label", async () => {
  const browser = await launchChromium();
  const page = await (await browser.newContext()).newPage();
  await page.setContent(readFileSync(path.join(import.meta.dirname, "fixtures", "unlabelled-field.html"), "utf8"));

  const violations = await axeViolations(page);
  expect(violations.map((violation) => violation.id)).toContain("label");
  await expect(expectNoAxeViolations(page, "fixture")).rejects.toThrow(/label/);
  await browser.close();
});
