import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/i18n/languages";
import { TranslationFormSchema } from "~/surveys/schemas";
import { loadQuestion } from "~/surveys/staff-survey.server";
import { updateTranslation } from "~/surveys/authoring.server";
import { isLocked } from "~/surveys/window";
import { CsrfField, ErrorSummary, summaryErrors, TextareaField, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { surveyLocked } from "~/http/params.server";

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const loaded = await loadQuestion(request, params, "questions.edit");
  const language = LANGUAGES.find(
    (candidate) => candidate.code === params.language && candidate.code !== DEFAULT_LANGUAGE,
  );
  if (!language) throw new Response("Not Found", { status: 404 });
  return {
    ...loaded,
    language,
    back: `/staff/inspections/${loaded.inspection.slug}/surveys/${loaded.survey.audience}/questions/${loaded.question.id}/translations`,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, question, language, back } = await load(request, params);
  if (isLocked(inspection)) throw redirect(back);
  const { t } = await translatorFor(request, "questions");
  return json({
    title: t("translations.languageTitle", { language: language.name }),
    language,
    back,
    english: {
      text: question.text[DEFAULT_LANGUAGE] ?? "",
      hint: question.hint[DEFAULT_LANGUAGE] ?? "",
      options: question.options.map((option) => option.label[DEFAULT_LANGUAGE] ?? ""),
    },
    current: {
      text: question.text[language.code] ?? "",
      hint: question.hint[language.code] ?? "",
      options: question.options.map((option) => option.label[language.code] ?? ""),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { inspection, question, language, back, ...session } = await load(request, params);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: TranslationFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await updateTranslation(inspection, question, language.code, submission.value).catch(surveyLocked);
  return redirect(back);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** One language's translation, with the English beside each box; what is typed is marked as that language. */
export default function TranslateQuestion() {
  const { title, language, back, english, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("questions");
  const [form, fields] = useForm({
    id: "translation",
    lastResult: actionData?.result,
    defaultValue: current,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TranslationFormSchema }),
  });
  const optionFields = fields.options.getFieldList();
  const inLanguage = { lang: language.code, dir: language.dir } as const;
  const englishHint = (text: string) => (
    <>
      {t("translations.english")} <span lang="en">{text}</span>
    </>
  );
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.text, fields.hint, ...optionFields])} />
      <h1>{title}</h1>
      <p>{t("translations.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextareaField
          field={fields.text}
          label={t("form.text")}
          hint={englishHint(english.text)}
          rows={3}
          {...inLanguage}
        />
        {english.hint ? (
          <TextareaField
            field={fields.hint}
            label={t("form.hint")}
            hint={englishHint(english.hint)}
            rows={2}
            {...inLanguage}
          />
        ) : null}
        {english.options.map((option, index) => (
          <TextField
            key={option}
            field={optionFields[index]!}
            label={t("translations.option", { number: index + 1 })}
            hint={englishHint(option)}
            {...inLanguage}
          />
        ))}
        <div className="button-group">
          <button type="submit" className="button">
            {t("translations.save")}
          </button>
          <Link to={back}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
