import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { cancelMeeting } from "~/meetings/bookings.server";
import { findMeeting } from "~/meetings/meetings.server";
import { CsrfField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["meetings"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const meeting = await findMeeting(session.inspection.id, params.meetingId);
  if (!meeting || meeting.cancelledAt) throw new Response("Not Found", { status: 404 });
  return { session, meeting };
}

/** "Are you sure?": cancelling emails everyone signed up and removes their bookings. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const { t } = await translatorFor(request, "meetings");
  return json({
    title: t("staff.cancelMeeting.title"),
    slug: session.inspection.slug,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    placesTaken: meeting.placesTaken,
    waiting: meeting.waiting,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, meeting } = await load(request, params);
  requireCsrf(session, await request.formData());
  await cancelMeeting(meeting.id);
  return redirect(`/staff/inspections/${session.inspection.slug}/meetings`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function CancelMeeting() {
  const { slug, meetingId, meetingTitle, placesTaken, waiting } = useLoaderData<typeof loader>();
  const { csrf } = useStaff();
  const { t } = useTranslation("meetings");
  return (
    <>
      <span className="caption">{meetingTitle}</span>
      <h1>{t("staff.cancelMeeting.title")}</h1>
      <p>{t("staff.cancelMeeting.body", { count: placesTaken })}</p>
      {waiting > 0 ? <p>{t("staff.cancelMeeting.waiting", { count: waiting })}</p> : null}
      <Form method="post" className="button-group">
        <CsrfField token={csrf} />
        <button type="submit" className="button button--warning">
          {t("staff.cancelMeeting.submit")}
        </button>
        <Link to={`/staff/inspections/${slug}/meetings/${meetingId}`}>{t("staff.cancelMeeting.keep")}</Link>
      </Form>
    </>
  );
}
