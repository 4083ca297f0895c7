import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { addCase, ReferenceTakenError } from "~/consent/cases.server";
import { DECIDERS } from "~/consent/rules";
import { NewCaseSchema } from "~/consent/schemas";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/i18n/languages";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors, TextField, type Field } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStableErrors } from "~/consent/stable";
import { useStaff } from "./staff";

export const handle = { i18n: ["consent"] };

/** The local area adds a child or young person selected for tracking, and who decides for them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "consent.manage", params.slug);
  const { t } = await translatorFor(request, "consent");
  return json({ title: t("newCase.title"), area: inspection.localAreaName });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "consent.manage", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: NewCaseSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const caseId = await addCase(session.inspection.id, submission.value, session.user.id);
    return redirect(`/staff/inspections/${session.inspection.slug}/consent/${caseId}`);
  } catch (error) {
    if (!(error instanceof ReferenceTakenError)) throw error;
    const taken = { reference: ["consent:newCase.errors.referenceTaken"] };
    return json({ result: submission.reply({ fieldErrors: taken }) }, { status: 400 });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

const languageChoices = LANGUAGES.map((language) => ({
  value: language.code,
  label: language.name,
  lang: language.code,
}));

export default function NewCase() {
  const { area } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("consent");
  const [form, fields] = useForm({
    id: "new-case",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewCaseSchema }),
  });
  const errors = useStableErrors(
    summaryErrors([
      fields.reference,
      fields.decides,
      fields.childFirstName,
      fields.parentName,
      fields.parentEmail,
      fields.parentPhone,
      fields.youngPersonName,
      fields.youngPersonEmail,
      fields.youngPersonPhone,
    ]),
  );
  const person = (prefix: "parent" | "youngPerson") => {
    const field = (name: string) => fields[`${prefix}${name}` as keyof typeof fields] as unknown as Field;
    return (
      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--heading">
          <span className="heading-m">{t(`newCase.${prefix}Heading`)}</span>
        </legend>
        <p className="hint">{t(`newCase.${prefix}Hint`)}</p>
        <TextField field={field("Name")} label={t("newCase.name")} autoComplete="off" spellCheck={false} />
        <TextField
          field={field("Email")}
          label={t("newCase.email")}
          hint={t("newCase.contactHint")}
          type="email"
          spellCheck={false}
        />
        <TextField field={field("Phone")} label={t("newCase.phone")} type="tel" width="medium" />
        <ChoicesField
          field={field("Language")}
          type="radio"
          legend={t("newCase.language")}
          choices={languageChoices}
          defaultValue={(field("Language").initialValue as string | undefined) ?? DEFAULT_LANGUAGE}
        />
      </fieldset>
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{area}</span>
      <h1>{t("newCase.title")}</h1>
      <p>{t("newCase.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField
          field={fields.reference}
          label={t("newCase.reference")}
          hint={t("newCase.referenceHint")}
          width="medium"
          spellCheck={false}
        />
        <ChoicesField
          field={fields.decides}
          type="radio"
          legend={t("newCase.decides")}
          choices={DECIDERS.map((decider) => ({
            value: decider,
            label: t(`decides.${decider}`),
            hint: t(`newCase.decidesHint.${decider}`),
          }))}
        />
        <TextField
          field={fields.childFirstName}
          label={t("newCase.childFirstName")}
          hint={t("newCase.childFirstNameHint")}
          width="medium"
        />
        {person("parent")}
        {person("youngPerson")}
        <button type="submit" className="button">
          {t("newCase.submit")}
        </button>
      </Form>
    </>
  );
}
