import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { setSafeguardingContact } from "~/inspections/inspections.server";
import { SafeguardingForm } from "~/inspections/schema";
import { CsrfField, ErrorSummary, summaryErrors, TextareaField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "inspection.schedule", params.slug);
  const { t } = await translatorFor(request, "staff");
  return json({
    title: t("safeguarding.title"),
    area: inspection.localAreaName,
    slug: inspection.slug,
    contact: inspection.safeguardingContact ?? "",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "inspection.schedule", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: SafeguardingForm });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await setSafeguardingContact(session.inspection.id, submission.value.contact || null);
  return redirect(`/staff/inspections/${session.inspection.slug}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SafeguardingContact() {
  const { area, slug, contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "safeguarding",
    lastResult: actionData?.result,
    defaultValue: { contact },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SafeguardingForm }),
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.contact])} />
      <span className="caption">{area}</span>
      <h1>{t("safeguarding.title")}</h1>
      <p>{t("safeguarding.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextareaField
          field={fields.contact}
          label={t("safeguarding.contact")}
          hint={t("safeguarding.hint")}
          rows={3}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("safeguarding.save")}
          </button>
          <Link to={`/staff/inspections/${slug}`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
