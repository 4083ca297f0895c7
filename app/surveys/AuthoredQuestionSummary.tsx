import { useTranslation } from "react-i18next";
import type { QuestionKind } from "./questions";

export interface AuthoredQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  hint: string;
  options: string[];
  focusArea: string | null;
  characterLimit: number | null;
  /** Names of the languages it is not yet translated into. */
  missing: string[];
}

/** A question as its authors see it in the list: its words in English, its settings and its translations. */
export function AuthoredQuestionSummary({ question, number }: { question: AuthoredQuestion; number: number }) {
  const { t } = useTranslation("questions");
  return (
    <>
      <h3 className="heading-s">
        {t("authoring.questionNumber", { number: number })}{" "}
        <span className="caption caption--inline">{t(`kinds.${question.kind}`)}</span>
      </h3>
      <p className="question-list__text">{question.text}</p>
      {question.hint ? <p className="hint">{question.hint}</p> : null}
      {question.options.length > 0 ? (
        <ul>
          {question.options.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      ) : null}
      <dl className="question-list__facts">
        {question.focusArea ? (
          <div>
            <dt>{t("authoring.focusArea")}</dt>
            <dd>{question.focusArea}</dd>
          </div>
        ) : null}
        {question.characterLimit ? (
          <div>
            <dt>{t("authoring.characterLimit")}</dt>
            <dd>{question.characterLimit}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("authoring.translations")}</dt>
          <dd>
            {question.missing.length
              ? t("authoring.missing", { languages: question.missing.join(", ") })
              : t("authoring.complete")}
          </dd>
        </div>
      </dl>
    </>
  );
}
