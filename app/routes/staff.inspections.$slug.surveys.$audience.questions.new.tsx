import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_CHARACTER_LIMIT, kindsFor, type QuestionKind } from "~/surveys/questions";
import { QuestionEditor } from "~/surveys/QuestionEditor";
import { QuestionFormSchema } from "~/surveys/schemas";
import { loadSurvey } from "~/surveys/staff-survey.server";
import { addQuestion } from "~/surveys/authoring.server";
import { isLocked } from "~/surveys/window";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { surveyLocked } from "~/http/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, survey } = await loadSurvey(request, params, "questions.edit");
  const kind = new URL(request.url).searchParams.get("kind") as QuestionKind;
  const back = `/staff/inspections/${inspection.slug}/surveys/${survey.audience}`;
  if (!kindsFor(survey.audience).includes(kind) || isLocked(inspection)) throw redirect(back);
  const { t } = await translatorFor(request, "questions");
  return json({ title: t("form.newTitle"), kind, back });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { inspection, survey, ...session } = await loadSurvey(request, params, "questions.edit");
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: QuestionFormSchema });
  if (submission.status !== "success" || !kindsFor(survey.audience).includes(submission.value.kind)) {
    return json({ result: submission.reply() }, { status: 400 });
  }
  await addQuestion(inspection, survey, submission.value).catch(surveyLocked);
  return redirect(`/staff/inspections/${inspection.slug}/surveys/${survey.audience}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function NewQuestion() {
  const { title, kind, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  return (
    <QuestionEditor
      title={title}
      csrf={csrf}
      cancelTo={back}
      lastResult={actionData?.result}
      draft={{
        kind,
        text: "",
        hint: "",
        options: "",
        focusArea: "",
        characterLimit: String(DEFAULT_CHARACTER_LIMIT),
        faces: kind === "faces" ? "5" : "",
      }}
    />
  );
}
