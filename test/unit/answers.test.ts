import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { answerLabels, parseAnswer } from "~/surveys/answers";
import type { DisplayQuestion, Question } from "~/surveys/questions";
import { answeringState, GRACE_MINUTES } from "~/surveys/window";

const at = (minutes: number) => new Date(Date.UTC(2027, 2, 25, 12, minutes));
const window = { surveyOpensAt: at(0), surveyClosesAt: at(60 * 24) };
const closes = window.surveyClosesAt.getTime();

describe("when answers are accepted", () => {
  test.each([
    ["before it opens", null, at(-1), "upcoming"],
    ["the moment it opens", null, at(0), "open"],
    ["just before it closes", null, at(60 * 24 - 1), "open"],
    ["at the close, having started before", at(10), at(60 * 24), "late"],
    ["29 minutes after, having started before", at(10), new Date(closes + 29 * 60_000), "late"],
    ["30 minutes after, having started before", at(10), new Date(closes + 30 * 60_000), "closed"],
    ["after the close, without having started", null, at(60 * 24 + 1), "closed"],
    ["after the close, having started after it", at(60 * 24 + 1), at(60 * 24 + 2), "closed"],
  ] as const)("%s: %s", (_, startedAt, now, state) => {
    expect(answeringState(window, startedAt, now)).toBe(state);
  });

  test("the grace period never accepts anyone more than 30 minutes after the close", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), (started, after) => {
        const now = new Date(closes + after * 1000);
        const state = answeringState(window, new Date(closes + started * 1000), now);
        return state !== "late" || (after * 1000 < GRACE_MINUTES * 60_000 && started < 0);
      }),
    );
  });
});

describe("parsing an answer", () => {
  const base = { options: [], faces: null, characterLimit: null } as unknown as Question;
  const choice = {
    ...base,
    kind: "choice",
    options: [
      { value: "a", label: {} },
      { value: "b", label: {} },
    ],
  } as Question;

  test.each([
    [{ ...base, kind: "scale" }, ["agree"], { answer: "agree" }],
    [{ ...base, kind: "scale" }, [], { answer: null }],
    [{ ...base, kind: "scale" }, ["excellent"], { answer: null, error: "survey:errors.notAnOption" }],
    [{ ...base, kind: "faces", faces: 3 }, ["very-happy"], { answer: null, error: "survey:errors.notAnOption" }],
    [{ ...base, kind: "faces", faces: 5 }, ["very-happy"], { answer: "very-happy" }],
    [{ ...base, kind: "faces", faces: 4 }, ["okay"], { answer: null, error: "survey:errors.notAnOption" }],
    [{ ...base, kind: "faces", faces: 4 }, ["dont-understand"], { answer: "dont-understand" }],
    [{ ...base, kind: "faces", faces: 5 }, ["dont-know"], { answer: "dont-know" }],
    [{ ...base, kind: "faces", faces: 5 }, ["very-happy", "happy"], { answer: null, error: "survey:errors.notAnOption" }],
    [choice, ["b"], { answer: "b" }],
    [choice, ["a", "b"], { answer: null, error: "survey:errors.notAnOption" }],
    [{ ...choice, kind: "multi" }, ["a", "b", "a"], { answer: ["a", "b"] }],
    [{ ...base, kind: "text", characterLimit: 10 }, ["  "], { answer: null }],
    [{ ...base, kind: "text", characterLimit: 10 }, ["0123456789"], { answer: "0123456789" }],
    [
      { ...base, kind: "text", characterLimit: 10 },
      ["01234567890"],
      { answer: "01234567890", error: "survey:errors.tooLong" },
    ],
  ])("%#", (question, submitted, result) => {
    expect(parseAnswer(question as Question, submitted)).toEqual(result);
  });

  test("free text is kept exactly as written, line breaks and all", () => {
    const text = "  My son's school (St Mary's) was great.\r\nThe CAMHS wait was 18 months!  ";
    expect(parseAnswer({ ...base, kind: "text", characterLimit: 2000 } as Question, [text]).answer).toBe(
      "  My son's school (St Mary's) was great.\nThe CAMHS wait was 18 months!  ",
    );
  });
});

test("answers read back in the respondent's words and language", () => {
  const question: DisplayQuestion = {
    id: "1",
    kind: "multi",
    text: { text: "Q" },
    hint: null,
    options: [
      { value: "a", label: { text: "Mowa" } },
      { value: "b", label: { text: "Short breaks", lang: "en" } },
    ],
    characterLimit: null,
    faces: null,
  };
  expect(answerLabels(question, ["b", "a"], (key) => key)).toEqual([
    { text: "Short breaks", lang: "en" },
    { text: "Mowa" },
  ]);
  expect(answerLabels({ ...question, kind: "scale" }, "agree", (key) => `t(${key})`)).toEqual([
    { text: "t(survey:scale.agree)" },
  ]);
  expect(answerLabels(question, undefined, (key) => key)).toEqual([]);
});
