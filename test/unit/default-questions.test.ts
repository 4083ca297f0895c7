import { expect, test } from "vitest";
import defaults from "../../db/default-questions.json";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { kindsFor, missingTranslations, type Question } from "~/surveys/questions";
import { AUDIENCES, type Audience } from "~/surveys/survey";

const sets = defaults as unknown as Record<
  Audience,
  Array<Pick<Question, "kind" | "text" | "options"> & { hint?: Question["hint"] }>
>;

test("there is a default question set for each audience, with only kinds that audience may have", () => {
  expect(Object.keys(sets).sort()).toEqual([...AUDIENCES].sort());
  for (const audience of AUDIENCES) {
    expect(sets[audience].length).toBeGreaterThan(3);
    for (const question of sets[audience]) expect(kindsFor(audience)).toContain(question.kind);
  }
});

test("every default question is translated into every shipped language", () => {
  for (const audience of AUDIENCES) {
    for (const question of sets[audience]) {
      const missing = missingTranslations({
        text: question.text,
        hint: question.hint ?? {},
        options: question.options ?? [],
      });
      expect(missing, question.text["en-GB"]).toEqual([]);
      expect(Object.keys(question.text).sort()).toEqual([...LANGUAGE_CODES].sort());
    }
  }
});
