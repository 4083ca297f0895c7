import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AnsweredQuestion } from "./answers";
import type { LocalisedText } from "./questions";

const Text = ({ value }: { value: LocalisedText }) => <span lang={value.lang}>{value.text}</span>;

/** The GOV.UK summary list of questions and answers; with `changeTo`, each row links to its question. */
export function AnswerSummary({ rows, changeTo }: { rows: AnsweredQuestion[]; changeTo?: (number: number) => string }) {
  const { t } = useTranslation("survey");
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.number}>
          <dt className="summary-list__key">
            <Text value={row.question} />
          </dt>
          <dd className="summary-list__value answer">
            {row.answer.length === 0 ? (
              <span className="hint">{t("check.notAnswered")}</span>
            ) : (
              row.answer.map((value, index) => (
                <p key={index}>
                  <Text value={value} />
                </p>
              ))
            )}
          </dd>
          {changeTo ? (
            <dd className="summary-list__actions">
              <Link to={changeTo(row.number)}>
                {t("check.change")}
                <span className="visually-hidden"> {row.question.text}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
