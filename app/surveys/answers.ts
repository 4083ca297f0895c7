import {
  choicesOf,
  choiceValues,
  DEFAULT_CHARACTER_LIMIT,
  displayQuestion,
  type DisplayQuestion,
  type LocalisedText,
  type Question,
} from "./questions";

/** An answer as kept in a draft: one value, several (choose any), or free text. */
export type Answer = string | string[];
export type Answers = Record<string, Answer>;

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
    return text.length > (question.characterLimit ?? DEFAULT_CHARACTER_LIMIT)
      ? { answer: text, error: "survey:errors.tooLong" }
      : { answer: text };
  }
  if (values.length === 0) return { answer: null };
  const allowed = choiceValues(question);
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
  const choices = choicesOf(question, t);
  return values.flatMap((value) => choices.find((choice) => choice.value === value)?.label ?? []);
}

export interface AnsweredQuestion {
  number: number;
  question: LocalisedText;
  answer: LocalisedText[];
}

/** Every question with its answer so far, in the reader's language, for the summary list. */
export function answeredQuestions(
  questions: Question[],
  answers: Answers | undefined,
  locale: string,
  t: (key: string) => string,
): AnsweredQuestion[] {
  return questions.map((question, index) => {
    const display = displayQuestion(question, locale);
    return { number: index + 1, question: display.text, answer: answerLabels(display, answers?.[question.id], t) };
  });
}
