import { useTranslation } from "react-i18next";
import { ChoicesField, TextareaField, type Choice, type Field } from "~/ui/forms";
import { choicesOf, type DisplayQuestion, type LocalisedText } from "./questions";

/** Text that may be an English fallback: marked with lang="en" so screen readers switch voice. */
function Localised({ value }: { value: LocalisedText }) {
  return value.lang ? <span lang={value.lang}>{value.text}</span> : <>{value.text}</>;
}

/**
 * One question exactly as respondents see it: the same component serves the survey itself and the
 * parent carer forum's review, so what the forum approves is what families get.
 */
export function QuestionField({
  question,
  field,
  asHeading,
  caption,
}: {
  question: DisplayQuestion;
  field: Field;
  asHeading?: boolean;
  /** Shown above the question, such as "Question 3 of 12". */
  caption?: string;
}) {
  const { t } = useTranslation("survey");
  const label = (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <Localised value={question.text} />
    </>
  );
  const hint = question.hint ? <Localised value={question.hint} /> : undefined;

  if (question.kind === "text") {
    return (
      <TextareaField
        field={field}
        label={label}
        hint={hint}
        rows={8}
        characterLimit={question.characterLimit ?? undefined}
        labelAsHeading={asHeading}
      />
    );
  }

  const choices: Choice[] = choicesOf(question, t).map((choice) => ({
    value: choice.value,
    apart: choice.apart,
    lang: choice.label.lang,
    label: choice.picture ? (
      <span className="face">
        <img className="face__picture" src={choice.picture} alt="" width="64" height="64" />
        <span className="face__words">{choice.label.text}</span>
      </span>
    ) : (
      choice.label.text
    ),
  }));

  return (
    <ChoicesField
      field={field}
      type={question.kind === "multi" ? "checkbox" : "radio"}
      legend={label}
      hint={hint ?? (question.kind === "multi" ? t("selectAll") : undefined)}
      choices={choices}
      legendAsHeading={asHeading}
    />
  );
}
