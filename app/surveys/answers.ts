import { FACE_VALUES, SCALE_VALUES, type DisplayQuestion, type LocalisedText, type Question } from "./questions";

/** An answer as kept in a draft: one value, several (choose any), or free text. */
export type Answer = string | string[];
export type Answers = Record<string, Answer>;

/** The values a question accepts (none for free text). */
export function allowedValues(question: Pick<Question, "kind" | "options" | "faces">): readonly string[] {
  switch (question.kind) {
    case "scale":
      return SCALE_VALUES;
    case "faces":
      return FACE_VALUES[question.faces ?? 3];
    case "text":
      return [];
    default:
      return question.options.map((option) => option.value);
  }
}

/**
 * What was submitted for a question, checked: skipping is always allowed (null). An error is a
 * translation key; free text over the limit is an error, never cut short.
 */
export function parseAnswer(
  question: Pick<Question, "kind" | "options" | "faces" | "characterLimit">,
  submitted: string[],
): { answer: Answer | null; error?: string } {
  const values = submitted.map((value) => value.trim()).filter(Boolean);
  if (question.kind === "text") {
    const text = submitted.join("\n").replace(/\r\n/g, "\n");
    if (!text.trim()) return { answer: null };
    return text.length > (question.characterLimit ?? 2000)
      ? { answer: text, error: "survey:errors.tooLong" }
      : { answer: text };
  }
  if (values.length === 0) return { answer: null };
  const allowed = allowedValues(question);
  if (values.some((value) => !allowed.includes(value))) return { answer: null, error: "survey:errors.notAnOption" };
  if (question.kind === "multi") return { answer: [...new Set(values)] };
  if (values.length > 1) return { answer: null, error: "survey:errors.notAnOption" };
  return { answer: values[0]! };
}

/** How an answer reads on "Check your answers": the words the respondent chose, in their language. */
export function answerLabels(
  question: DisplayQuestion,
  answer: Answer | undefined,
  t: (key: string) => string,
): LocalisedText[] {
  if (answer === undefined) return [];
  const values = Array.isArray(answer) ? answer : [answer];
  if (question.kind === "text") return [{ text: values.join("\n") }];
  if (question.kind === "scale") return values.map((value) => ({ text: t(`survey:scale.${value}`) }));
  if (question.kind === "faces") return values.map((value) => ({ text: t(`survey:faces.${value}`) }));
  return values.flatMap((value) => question.options.find((option) => option.value === value)?.label ?? []);
}
