import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { QuestionEditor } from "~/surveys/QuestionEditor";
import { QuestionFormSchema } from "~/surveys/schemas";
import { loadQuestion } from "~/surveys/staff-survey.server";
import { removeQuestion, updateQuestion } from "~/surveys/authoring.server";
import { isLocked } from "~/surveys/window";
import { CsrfField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { surveyLocked } from "~/http/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, survey, question } = await loadQuestion(request, params, "questions.edit");
  const back = `/staff/inspections/${inspection.slug}/surveys/${survey.audience}`;
  if (isLocked(inspection)) throw redirect(back);
  const { t } = await translatorFor(request, "questions");
  const english = (text: Record<string, string | undefined>) => text[DEFAULT_LANGUAGE] ?? "";
  return json({
    title: t("form.editTitle"),
    back,
    draft: {
      kind: question.kind,
      text: english(question.text),
      hint: english(question.hint),
      options: question.options.map((option) => english(option.label)).join("\n"),
      focusArea: question.focusArea ?? "",
      characterLimit: String(question.characterLimit ?? ""),
      faces: String(question.faces ?? ""),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { inspection, survey, question, ...session } = await loadQuestion(request, params, "questions.edit");
  const formData = await request.formData();
  requireCsrf(session, formData);
  const back = `/staff/inspections/${inspection.slug}/surveys/${survey.audience}`;
  if (formData.get("intent") === "remove") {
    await removeQuestion(inspection, question).catch(surveyLocked);
    return redirect(back);
  }
  const submission = parseWithZod(formData, { schema: QuestionFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await updateQuestion(inspection, question, submission.value).catch(surveyLocked);
  return redirect(`${back}#question-${question.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function EditQuestion() {
  const { title, back, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("questions");
  return (
    <>
      <QuestionEditor title={title} csrf={csrf} cancelTo={back} lastResult={actionData?.result} draft={draft} />
      <h2>{t("form.removeHeading")}</h2>
      <p>{t("form.removeHelp")}</p>
      <Form method="post">
        <CsrfField token={csrf} />
        <button type="submit" name="intent" value="remove" className="button button--warning">
          {t("form.remove")}
        </button>
      </Form>
    </>
  );
}
