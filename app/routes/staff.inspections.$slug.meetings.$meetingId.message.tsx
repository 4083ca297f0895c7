import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { messageEveryoneBooked } from "~/meetings/bookings.server";
import { findMeeting } from "~/meetings/meetings.server";
import { MessageSchema } from "~/meetings/schemas";
import { CsrfField, ErrorSummary, summaryErrors, TextareaField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["meetings"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const meeting = await findMeeting(session.inspection.id, params.meetingId);
  if (!meeting || meeting.cancelledAt) throw new Response("Not Found", { status: 404 });
  return { session, meeting };
}

/** A message to everyone with a place (a room change, what to bring), sent in each person's language frame. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const { t } = await translatorFor(request, "meetings");
  return json({
    title: t("staff.message.title"),
    back: `/staff/inspections/${session.inspection.slug}/meetings/${meeting.id}`,
    meetingTitle: meeting.title,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: MessageSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply() }, { status: 400 });
  }
  const sent = await messageEveryoneBooked(meeting.id, submission.value.message);
  return redirect(`/staff/inspections/${session.inspection.slug}/meetings/${meeting.id}?sent=${sent}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function MessageEveryone() {
  const { back, meetingTitle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("meetings");
  const [form, fields] = useForm({
    id: "message",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MessageSchema }),
  });
  const errors = summaryErrors([fields.message]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{meetingTitle}</span>
      <h1>{t("staff.message.title")}</h1>
      <p>{t("staff.message.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextareaField
          field={fields.message}
          label={t("staff.message.label")}
          hint={t("staff.message.hint")}
          rows={8}
          characterLimit={2000}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("staff.message.submit")}
          </button>
          <Link to={back}>{t("staff.cancelLink")}</Link>
        </div>
      </Form>
    </>
  );
}
