import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { AccessTotals, AttendeeTable, WaitingTable, type AttendeeRow } from "~/meetings/AttendeeTables";
import { bookingsOf, setAttended } from "~/meetings/bookings.server";
import { MeetingDetails } from "~/meetings/MeetingDetails";
import { findMeeting } from "~/meetings/meetings.server";
import { accessTotals } from "~/meetings/totals";
import { meetingView, whenText } from "~/meetings/view.server";
import { recordAudit } from "~/results/audit.server";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["meetings"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const meeting = await findMeeting(session.inspection.id, params.meetingId);
  if (!meeting) throw new Response("Not Found", { status: 404 });
  return { session, meeting };
}

/** Who is coming and what they need: every look at this list is written to the audit log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const { locale, t } = await translatorFor(request, "meetings");
  const bookings = await bookingsOf(meeting.id);
  await recordAudit(session.user, session.inspection.id, "meetings.view", { meeting: meeting.id });
  let position = 0;
  const rows: AttendeeRow[] = bookings.map((booking) => ({
    id: booking.id,
    name: booking.name,
    email: booking.email,
    phone: booking.phone,
    places: booking.places,
    needs: booking.needs,
    interpreterLanguage: booking.interpreterLanguage,
    otherNeed: booking.otherNeed,
    status: booking.status,
    offerEnds: booking.offerExpiresAt ? whenText(locale, booking.offerExpiresAt) : null,
    attended: booking.attended,
    position: booking.status === "waiting" ? (position += 1) : null,
  }));
  const sent = new URL(request.url).searchParams.get("sent");
  return json(
    {
      title: meeting.title,
      slug: session.inspection.slug,
      area: session.inspection.localAreaName,
      meeting: meetingView(meeting, locale),
      capacity: meeting.capacity,
      taken: meeting.placesTaken,
      attendees: rows.filter((row) => row.status === "confirmed"),
      waiting: rows.filter((row) => row.status !== "confirmed"),
      totals: accessTotals(bookings),
      sent: sent !== null && /^\d+$/.test(sent) ? Number(sent) : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, meeting } = await load(request, params);
  const formData = await request.formData();
  requireCsrf(session, formData);
  if (formData.get("intent") === "attended") {
    await setAttended(meeting.id, String(formData.get("booking") ?? ""), formData.get("attended") === "yes");
  }
  return redirect(`${new URL(request.url).pathname}#attendees`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function MeetingAttendees() {
  const { slug, area, meeting, capacity, taken, attendees, waiting, totals, sent } = useLoaderData<typeof loader>();
  const { csrf } = useStaff();
  const { t } = useTranslation("meetings");
  const base = `/staff/inspections/${slug}/meetings/${meeting.id}`;
  return (
    <>
      {sent !== null ? (
        <div className="notification notification--success" role="status">
          <p>{t("staff.message.sent", { count: sent })}</p>
        </div>
      ) : null}
      <span className="caption">{area}</span>
      <h1>{meeting.title}</h1>
      {meeting.cancelled ? <p className="inset">{t("state.cancelled")}</p> : null}
      <ul className="plain-list">
        {meeting.cancelled ? null : (
          <>
            <li>
              <Link to={`${base}/edit`}>{t("staff.meeting.edit")}</Link>
            </li>
            <li>
              <Link to={`${base}/message`}>{t("staff.meeting.message")}</Link>
            </li>
          </>
        )}
        <li>
          <a href={`${base}/attendees.csv`} download>
            {t("staff.meeting.csv")}
          </a>
        </li>
        <li>
          <Link to={`/staff/inspections/${slug}/meetings`}>{t("staff.meeting.all")}</Link>
        </li>
      </ul>
      <AccessTotals totals={totals} />
      <h2>{t("staff.meeting.placesHeading")}</h2>
      <p>{t("staff.meeting.places", { taken, capacity, waiting: waiting.length })}</p>
      <h2 id="attendees">{t("staff.attendees.heading")}</h2>
      <AttendeeTable rows={attendees} csrf={csrf} />
      <h2>{t("staff.waiting.heading")}</h2>
      <WaitingTable rows={waiting} />
      <h2>{t("staff.meeting.detailsHeading")}</h2>
      <MeetingDetails meeting={meeting} />
    </>
  );
}
