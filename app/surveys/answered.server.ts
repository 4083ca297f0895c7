import type { TFunction } from "i18next";
import { answerLabels } from "./answers";
import type { AnsweredQuestion } from "./AnswerSummary";
import { displayQuestion } from "./questions";
import type { Draft, PublicSurvey } from "./responding.server";

/** Every question with the draft's answer, in the reader's language, for the summary list. */
export function answeredQuestions(
  open: PublicSurvey,
  draft: Draft | null,
  locale: string,
  t: TFunction,
): AnsweredQuestion[] {
  return open.questions.map((question, index) => {
    const display = displayQuestion(question, locale);
    return {
      number: index + 1,
      question: display.text,
      answer: answerLabels(display, draft?.answers[question.id], (key) => t(key)),
    };
  });
}
