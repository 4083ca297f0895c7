import { Form, Link } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { DisplayQuestion, LocalisedText } from "~/surveys/questions";
import { ErrorSummary } from "~/ui/forms";
import { EasyReadPage, LateNotice, type EasyReadData } from "./EasyReadPage";
import { Listen, SayEachAnswer } from "./Listen";
import { Picture } from "./Picture";

export interface EasyReadCardView {
  value: string;
  label: LocalisedText;
  apart: boolean;
  picture: string | null;
  audio: string | null;
}

const Text = ({ value }: { value: LocalisedText }) => <span lang={value.lang}>{value.text}</span>;

function ErrorLine({ error }: { error?: string }) {
  const { t } = useTranslation("common");
  if (!error) return null;
  return (
    <p className="error-message er-error" id="answer-error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error)}
    </p>
  );
}

/** "Question 2 of 9", the question's picture and its words: the page's heading. */
function Heading({ caption, picture, text }: { caption: string; picture: string; text: LocalisedText }) {
  return (
    <>
      <span className="er-caption">{caption}</span>
      <span className="er-question__text">
        <Picture src={picture} size={72} />
        <Text value={text} />
      </span>
    </>
  );
}

/**
 * The answers as big cards. Each card is the label of a real radio button (a checkbox for "choose
 * any"), so the whole card chooses it and it stays a native radio group named by its legend (arrow keys move between answers, and
 * screen readers say "radio button, 2 of 7"). "I don't know" and "I don't understand" come after an
 * "or", apart from the faces.
 */
export function AnswerCards({
  question,
  caption,
  picture,
  cards,
  chosen,
  error,
}: {
  question: DisplayQuestion;
  caption: string;
  picture: string;
  cards: EasyReadCardView[];
  chosen?: string | string[];
  error?: string;
}) {
  const { t } = useTranslation("easyread");
  const picked = new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen] : []);
  const firstApart = cards.findIndex((card) => card.apart);
  const describedBy = ["answer-hint", error ? "answer-error" : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset er-question" aria-describedby={describedBy}>
        <legend className="er-question__legend">
          <h1 className="er-question__heading">
            <Heading caption={caption} picture={picture} text={question.text} />
          </h1>
        </legend>
        <div className="er-hint" id="answer-hint">
          {question.hint ? (
            <p>
              <Text value={question.hint} />
            </p>
          ) : null}
          <p>{t("question.skip")}</p>
        </div>
        <ErrorLine error={error} />
        <div className="er-cards">
          {cards.map((card, index) => {
            const id = index === 0 ? "answer" : `answer-${index}`;
            return (
              <Fragment key={card.value}>
                {index === firstApart ? <p className="er-or">{t("question.or")}</p> : null}
                <label className={`er-card${card.apart ? " er-card--apart" : ""}`} htmlFor={id}>
                  <input
                    className="er-card__input"
                    type={question.kind === "multi" ? "checkbox" : "radio"}
                    id={id}
                    name="answer"
                    value={card.value}
                    defaultChecked={picked.has(card.value)}
                    data-audio={card.audio ?? undefined}
                  />
                  {card.picture ? <Picture src={card.picture} /> : null}
                  <span className="er-card__words">
                    <Text value={card.label} />
                  </span>
                </label>
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A free-text question in easy read: a big box, and a reminder that it can be left empty. */
export function EasyReadText({
  question,
  caption,
  picture,
  written,
  error,
}: {
  question: DisplayQuestion;
  caption: string;
  picture: string;
  written?: string;
  error?: string;
}) {
  const { t } = useTranslation("easyread");
  const describedBy = ["answer-hint", error ? "answer-error" : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <h1 className="er-question__heading">
        <label htmlFor="answer">
          <Heading caption={caption} picture={picture} text={question.text} />
        </label>
      </h1>
      <div className="er-hint" id="answer-hint">
        {question.hint ? (
          <p>
            <Text value={question.hint} />
          </p>
        ) : null}
        <p>{t("question.skip")}</p>
        <p>{t("question.limit", { count: question.characterLimit ?? 0 })}</p>
      </div>
      <ErrorLine error={error} />
      <textarea
        className={`textarea er-textarea${error ? " textarea--error" : ""}`}
        id="answer"
        name="answer"
        rows={6}
        defaultValue={written}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** The whole question page for young people (the route decides what is asked and saves the answer). */
export function EasyReadQuestion({
  page,
  question,
  caption,
  picture,
  cards,
  back,
  late,
  formAction,
  src,
  answer,
  error,
}: {
  page: EasyReadData;
  question: DisplayQuestion;
  caption: string;
  picture: string;
  cards: EasyReadCardView[];
  back: string;
  late: string | null;
  formAction?: string;
  src: string | null;
  answer?: string | string[];
  error?: string;
}) {
  const { t } = useTranslation("easyread");
  return (
    <EasyReadPage page={page}>
      <Link to={back} className="back-link">
        {t("question.back")}
      </Link>
      <ErrorSummary errors={error ? [{ href: "#answer", message: error }] : []} />
      {late ? <LateNotice graceEnds={late} /> : null}
      <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
      {question.kind === "text" ? null : <SayEachAnswer within=".er-cards" />}
      {/* Keyed by question: moving to the next question must not carry this one's choice over. */}
      <Form method="post" action={formAction} noValidate key={question.id}>
        {src ? <input type="hidden" name="src" value={src} /> : null}
        {question.kind === "text" ? (
          <EasyReadText
            question={question}
            caption={caption}
            picture={picture}
            written={typeof answer === "string" ? answer : undefined}
            error={error}
          />
        ) : (
          <AnswerCards
            question={question}
            caption={caption}
            picture={picture}
            cards={cards}
            chosen={answer}
            error={error}
          />
        )}
        <div className="er-buttons">
          {/* Switch scanning starts on the answers; on a free-text question (nothing to choose), on Next. */}
          <button
            type="submit"
            name="intent"
            value="continue"
            className="button er-button"
            data-scan-after-choice
            data-scan-start={question.kind === "text" ? true : undefined}
          >
            {t("question.next")}
          </button>
          <button type="submit" name="intent" value="save" className="button button--secondary er-button">
            {t("question.save")}
          </button>
        </div>
      </Form>
    </EasyReadPage>
  );
}
