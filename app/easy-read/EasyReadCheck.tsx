import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HoneypotField } from "~/ui/forms";
import { CHECK_LINES, LOST_LINES, SEND_LINES } from "./content";
import { EasyReadPage, LateNotice, type EasyReadData } from "./EasyReadPage";
import { Lines } from "./Lines";
import { Listen } from "./Listen";
import { Picture } from "./Picture";
import type { LocalisedText } from "~/surveys/questions";

export interface AnswerRowView {
  number: number;
  question: LocalisedText;
  picture: string;
  answers: Array<{ label: LocalisedText; picture: string | null }>;
}

const Text = ({ value }: { value: LocalisedText }) => <span lang={value.lang}>{value.text}</span>;

/** "Check your answers" for young people: each question with its picture, the answer with its face. */
export function EasyReadCheck({
  page,
  base,
  rows,
  late,
}: {
  page: EasyReadData;
  base: string;
  rows: AnswerRowView[] | null;
  late: string | null;
}) {
  const { t } = useTranslation("easyread");
  if (!rows) {
    return (
      <EasyReadPage page={page}>
        <h1 className="er-title">{t("check.lostTitle")}</h1>
        <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
        <Lines lines={LOST_LINES} />
        <Link to={base} className="button er-button" data-scan-start>
          {t("check.startAgain")}
        </Link>
      </EasyReadPage>
    );
  }
  return (
    <EasyReadPage page={page}>
      <Link to={`${base}/questions/${rows.length}`} className="back-link">
        {t("question.back")}
      </Link>
      {late ? <LateNotice graceEnds={late} /> : null}
      <h1 className="er-title">{t("check.title")}</h1>
      <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
      <Lines lines={CHECK_LINES} />
      <ol className="er-answers">
        {rows.map((row) => (
          <li className="er-answer" key={row.number}>
            <h2 className="er-answer__question">
              <Picture src={row.picture} size={48} />
              <Text value={row.question} />
            </h2>
            {row.answers.length === 0 ? (
              <p className="er-answer__value er-answer__value--none">{t("check.notAnswered")}</p>
            ) : (
              row.answers.map((answer, index) => (
                <p className="er-answer__value" key={index}>
                  {answer.picture ? <Picture src={answer.picture} size={48} /> : null}
                  <Text value={answer.label} />
                </p>
              ))
            )}
            <Link to={`${base}/questions/${row.number}?return=check`} className="er-link">
              {t("check.changeLink")}
              <span className="visually-hidden"> {row.question.text}</span>
            </Link>
          </li>
        ))}
      </ol>
      <h2>{t("check.sendHeading")}</h2>
      <Lines lines={SEND_LINES} />
      <Form method="post">
        <HoneypotField />
        <button type="submit" className="button er-button" data-scan-start>
          {t("check.send")}
        </button>
      </Form>
    </EasyReadPage>
  );
}
