import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { newMeetingDefaults, parseMeetingForm } from "~/meetings/meeting-form.server";
import { MEETING_FIELD_ORDER, MeetingFormFields } from "~/meetings/MeetingFormFields";
import { createMeeting } from "~/meetings/meetings.server";
import { MeetingSchema, type MeetingFormShape, type MeetingInput } from "~/meetings/schemas";
import { CsrfField, ErrorSummary, firstDateBox, summaryErrors } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["meetings"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const { t } = await translatorFor(request, "meetings");
  return json({
    title: t("staff.new.title"),
    slug: inspection.slug,
    area: inspection.localAreaName,
    defaults: newMeetingDefaults(inspection),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const parsed = parseMeetingForm(formData);
  if (!parsed.input) {
    return json({ result: parsed.reply }, { status: 400 });
  }
  const meeting = await createMeeting(session.inspection.id, parsed.input);
  return redirect(`/staff/inspections/${session.inspection.slug}/meetings/${meeting.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function NewMeeting() {
  const { slug, area, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("meetings");
  const [form, fields] = useForm<MeetingFormShape, MeetingInput>({
    id: "meeting",
    lastResult: actionData?.result,
    defaultValue: defaults,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
  });
  const errors = summaryErrors(
    MEETING_FIELD_ORDER.map((name) => fields[name]),
    (field) => (field.name === "date" || field.name === "closesDate" ? firstDateBox(field) : field.id),
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{area}</span>
      <h1>{t("staff.new.title")}</h1>
      <p>{t("staff.new.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <MeetingFormFields fields={fields} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("staff.new.submit")}
          </button>
          <Link to={`/staff/inspections/${slug}/meetings`}>{t("staff.cancelLink")}</Link>
        </div>
      </Form>
    </>
  );
}
