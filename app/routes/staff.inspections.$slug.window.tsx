import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { changeSurveyWindow } from "~/inspections/inspections.server";
import { partsFromIso, SurveyWindowForm } from "~/inspections/schema";
import { londonParts, londonTime } from "~/inspections/calendar";
import { surveyWindowLimits } from "~/inspections/timeline.server";
import { windowProblems } from "~/surveys/window";
import { CsrfField, DateField, ErrorSummary, firstDateBox, summaryErrors, TextareaField, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "inspection.schedule", params.slug);
  const { t } = await translatorFor(request, "staff");
  const opens = londonParts(inspection.surveyOpensAt);
  const closes = londonParts(inspection.surveyClosesAt);
  return json({
    title: t("window.title"),
    slug: inspection.slug,
    area: inspection.localAreaName,
    current: {
      opens: partsFromIso(opens.date),
      opensTime: opens.time,
      closes: partsFromIso(closes.date),
      closesTime: closes.time,
      reason: "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "inspection.schedule", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const { t } = await translatorFor(request, "staff");
  const submission = parseWithZod(formData, { schema: SurveyWindowForm });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), title: t("window.title") }, { status: 400 });
  }
  const { opens, closes, reason } = submission.value;
  const proposed = { opensAt: londonTime(opens.date, opens.time), closesAt: londonTime(closes.date, closes.time) };
  const problems = windowProblems(proposed, session.inspection, surveyWindowLimits(session.inspection), new Date());
  if (problems.length > 0) {
    const fieldErrors = Object.fromEntries(
      problems.map(({ field, problem }) => [field, [`staff:window.errors.${problem}`]]),
    );
    return json({ result: submission.reply({ fieldErrors }), title: t("window.title") }, { status: 400 });
  }
  await changeSurveyWindow(session.inspection, { ...proposed, reason, changedBy: session.user.id });
  return redirect(`/staff/inspections/${session.inspection.slug}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function ChangeWindow() {
  const { slug, area, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "survey-window",
    lastResult: actionData?.result,
    defaultValue: current,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SurveyWindowForm }),
  });
  return (
    <>
      <ErrorSummary
        errors={summaryErrors(
          [fields.opens, fields.opensTime, fields.closes, fields.closesTime, fields.reason],
          (field) => (field.name === "opens" || field.name === "closes" ? firstDateBox(field) : field.id),
        )}
      />
      <span className="caption">{area}</span>
      <h1>{t("window.title")}</h1>
      <p>{t("window.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <DateField field={fields.opens} legend={t("window.opensDate")} hint={t("window.dateHint")} />
        <TextField
          field={fields.opensTime}
          label={t("window.opensTime")}
          hint={t("window.timeHint")}
          width="short"
          inputMode="numeric"
        />
        <DateField field={fields.closes} legend={t("window.closesDate")} hint={t("window.dateHint")} />
        <TextField
          field={fields.closesTime}
          label={t("window.closesTime")}
          hint={t("window.timeHint")}
          width="short"
          inputMode="numeric"
        />
        <TextareaField field={fields.reason} label={t("window.reason")} hint={t("window.reasonHint")} rows={3} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("window.submit")}
          </button>
          <Link to={`/staff/inspections/${slug}`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
