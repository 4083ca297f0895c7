import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import defaults from "../../db/default-questions.json";
import { MAX_WORDS, readabilityProblems } from "~/easy-read/readability";

/**
 * Every English sentence of the young people's survey is easy read: at most 15 words, and none from
 * our list of hard words. Checked: the easyread namespace (all but the inspectors' results summary),
 * the face words, and the default young people's questions and answers.
 */
const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    strings(child, path ? `${path}.${key}` : key),
  );
}

const easyread = strings(json("locales/en-GB/easyread.json")).filter(([key]) => !key.startsWith("results."));
const faces = strings((json("locales/en-GB/survey.json") as { faces: unknown }).faces, "faces");
type Default = {
  text: Record<string, string>;
  hint?: Record<string, string>;
  options?: Array<{ label: Record<string, string> }>;
};
const questions = ((defaults as unknown as Record<string, Default[]>)["young-people"] ?? []).flatMap(
  (question, index): Array<[string, string]> => [
    [`question ${index + 1}`, question.text["en-GB"]!],
    ...(question.hint?.["en-GB"] ? [[`question ${index + 1} hint`, question.hint["en-GB"]] as [string, string]] : []),
    ...(question.options ?? []).map((option, n): [string, string] => [
      `question ${index + 1} answer ${n + 1}`,
      option.label["en-GB"]!,
    ]),
  ],
);

describe("the checker", () => {
  test("finds a long sentence and a hard word, and passes a short plain one", () => {
    expect(
      readabilityProblems("This sentence has far too many words in it for anyone who is only starting to read."),
    ).toHaveLength(1);
    expect(readabilityProblems("Your statutory assessment is due.")).toEqual([
      'hard word "statutory": "Your statutory assessment is due."',
      'hard word "assessment": "Your statutory assessment is due."',
    ]);
    expect(readabilityProblems("You can stop at any time. It is your choice.")).toEqual([]);
    expect(MAX_WORDS).toBe(15);
  });
});

test.each([...easyread, ...faces, ...questions])("%s is easy read", (_, text) => {
  expect(readabilityProblems(text)).toEqual([]);
});
