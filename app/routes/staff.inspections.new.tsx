import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requirePermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { createInspection, NewInspectionFormOnServer, SlugTakenError } from "~/inspections/inspections.server";
import { NewInspectionForm } from "~/inspections/schema";
import { ChoicesField, CsrfField, DateField, ErrorSummary, firstDateBox, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "inspection.create");
  const { t } = await translatorFor(request, "staff");
  return json({ title: t("newInspection.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requirePermission(request, "inspection.create");
  const formData = await request.formData();
  requireCsrf(session, formData);
  const { t } = await translatorFor(request, "staff");
  const submission = parseWithZod(formData, { schema: NewInspectionFormOnServer });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), title: t("newInspection.title") }, { status: 400 });
  }
  try {
    const inspection = await createInspection(submission.value, session.user.id);
    return redirect(`/staff/inspections/${inspection.slug}`);
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return json(
      {
        result: submission.reply({ fieldErrors: { slug: ["staff:newInspection.errors.slugTaken"] } }),
        title: t("newInspection.title"),
      },
      { status: 400 },
    );
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function NewInspectionPage() {
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "new-inspection",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewInspectionForm }),
  });
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([fields.localAreaName, fields.kind, fields.day1, fields.slug], (field) =>
          field.name === "day1" ? firstDateBox(field) : field.id,
        )}
      />
      <h1>{t("newInspection.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField field={fields.localAreaName} label={t("newInspection.area")} hint={t("newInspection.areaHint")} />
        <ChoicesField
          field={fields.kind}
          type="radio"
          legend={t("newInspection.kind")}
          choices={[
            { value: "revisit", label: t("kinds.revisit"), hint: t("newInspection.revisitHint") },
            { value: "full", label: t("kinds.full"), hint: t("newInspection.fullHint") },
          ]}
        />
        <DateField field={fields.day1} legend={t("newInspection.day1")} hint={t("newInspection.day1Hint")} />
        <TextField
          field={fields.slug}
          label={t("newInspection.slug")}
          hint={t("newInspection.slugHint")}
          width="medium"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("newInspection.submit")}
        </button>
      </Form>
    </>
  );
}
