import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { updateMeeting } from "~/meetings/bookings.server";
import { meetingFormValues, parseMeetingForm } from "~/meetings/meeting-form.server";
import { MEETING_FIELD_ORDER, MeetingFormFields } from "~/meetings/MeetingFormFields";
import { findMeeting } from "~/meetings/meetings.server";
import { MeetingSchema, type MeetingFormShape, type MeetingInput } from "~/meetings/schemas";
import { CsrfField, ErrorSummary, firstDateBox, summaryErrors } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["meetings"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const meeting = await findMeeting(session.inspection.id, params.meetingId);
  // A cancelled meeting stays cancelled: nothing about it can change.
  if (!meeting || meeting.cancelledAt) throw new Response("Not Found", { status: 404 });
  return { session, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const { t } = await translatorFor(request, "meetings");
  return json({
    title: t("staff.edit.title"),
    slug: session.inspection.slug,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    signedUp: meeting.placesTaken > 0 || meeting.waiting > 0,
    values: meetingFormValues(meeting),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const parsed = parseMeetingForm(formData, meeting);
  const fail = (result: typeof parsed.reply) => {
    return json({ result }, { status: 400 });
  };
  if (!parsed.input) return fail(parsed.reply);
  if ((await updateMeeting(meeting.id, parsed.input)) === "below-booked") {
    return fail(parsed.submission.reply({ fieldErrors: { capacity: ["meetings:form.errors.belowBooked"] } }));
  }
  return redirect(`/staff/inspections/${session.inspection.slug}/meetings/${meeting.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function EditMeeting() {
  const { slug, meetingId, meetingTitle, signedUp, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("meetings");
  const [form, fields] = useForm<MeetingFormShape, MeetingInput>({
    id: "meeting",
    lastResult: actionData?.result,
    defaultValue: values,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
  });
  const errors = summaryErrors(
    MEETING_FIELD_ORDER.map((name) => fields[name]),
    (field) => (field.name === "date" || field.name === "closesDate" ? firstDateBox(field) : field.id),
  );
  const base = `/staff/inspections/${slug}/meetings/${meetingId}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{meetingTitle}</span>
      <h1>{t("staff.edit.title")}</h1>
      {signedUp ? <p className="inset">{t("staff.edit.notice")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <MeetingFormFields fields={fields} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("staff.edit.submit")}
          </button>
          <Link to={base}>{t("staff.cancelLink")}</Link>
        </div>
      </Form>
      <h2>{t("staff.cancelMeeting.heading")}</h2>
      <p>
        <Link to={`${base}/cancel`}>{t("staff.cancelMeeting.link")}</Link>
      </p>
    </>
  );
}
