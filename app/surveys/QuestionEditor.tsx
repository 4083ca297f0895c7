import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors, TextareaField, TextField } from "~/ui/forms";
import { hasOptions, type QuestionKind } from "./questions";
import { QuestionFormSchema } from "./schemas";

export interface QuestionDraft {
  kind: QuestionKind;
  text: string;
  hint: string;
  options: string;
  focusArea: string;
  characterLimit: string;
  faces: string;
}

/** The form for writing a question in English, for new and existing questions alike. */
export function QuestionEditor({
  title,
  draft,
  lastResult,
  csrf,
  cancelTo,
}: {
  title: string;
  draft: QuestionDraft;
  lastResult?: SubmissionResult<string[]>;
  csrf: string;
  cancelTo: string;
}) {
  const { t } = useTranslation("questions");
  const [form, fields] = useForm({
    id: "question",
    lastResult,
    defaultValue: draft,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuestionFormSchema }),
  });
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          fields.text,
          fields.hint,
          fields.options,
          fields.faces,
          fields.characterLimit,
          fields.focusArea,
        ])}
      />
      <span className="caption">{t(`kinds.${draft.kind}`)}</span>
      <h1>{title}</h1>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <input type="hidden" name="kind" value={draft.kind} />
        <TextareaField field={fields.text} label={t("form.text")} hint={t("form.textHint")} rows={3} />
        <TextareaField field={fields.hint} label={t("form.hint")} hint={t("form.hintHint")} rows={2} />
        {hasOptions(draft.kind) ? (
          <TextareaField field={fields.options} label={t("form.options")} hint={t("form.optionsHint")} rows={6} />
        ) : null}
        {draft.kind === "faces" ? (
          <ChoicesField
            field={fields.faces}
            type="radio"
            legend={t("form.faces")}
            choices={[
              { value: "4", label: t("form.faces4") },
              { value: "5", label: t("form.faces5") },
            ]}
          />
        ) : null}
        {draft.kind === "text" ? (
          <TextField
            field={fields.characterLimit}
            label={t("form.characterLimit")}
            hint={t("form.characterLimitHint")}
            inputMode="numeric"
            width="short"
          />
        ) : null}
        <TextField field={fields.focusArea} label={t("form.focusArea")} hint={t("form.focusAreaHint")} width="medium" />
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {t("form.save")}
          </button>
          <Link to={cancelTo}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
