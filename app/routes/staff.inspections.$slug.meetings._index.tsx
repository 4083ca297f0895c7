import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { meetingsOf } from "~/meetings/meetings.server";
import { PlacesTag } from "~/meetings/MeetingDetails";
import { meetingView } from "~/meetings/view.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["meetings"] };

/** The inspection's open meetings, for the LANO and inspectors who run them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const { locale, t } = await translatorFor(request, "meetings");
  const meetings = await meetingsOf(inspection.id);
  return json({
    title: t("staff.list.title"),
    slug: inspection.slug,
    area: inspection.localAreaName,
    meetings: meetings.map((meeting) => ({
      ...meetingView(meeting, locale),
      capacity: meeting.capacity,
      taken: meeting.placesTaken,
      waiting: meeting.waiting,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function StaffMeetings() {
  const { slug, area, meetings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("meetings");
  const base = `/staff/inspections/${slug}/meetings`;
  return (
    <>
      <span className="caption">{area}</span>
      <h1>{t("staff.list.title")}</h1>
      <p>{t("staff.list.intro")}</p>
      <p>
        <Link to={`${base}/new`} className="button">
          {t("staff.list.add")}
        </Link>
      </p>
      {meetings.length === 0 ? (
        <p>{t("staff.list.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="meetings-caption">
          <table className="table">
            <caption className="visually-hidden" id="meetings-caption">
              {t("staff.list.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.list.meeting")}</th>
                <th scope="col">{t("details.when")}</th>
                <th scope="col">{t("staff.list.places")}</th>
                <th scope="col">{t("staff.list.waiting")}</th>
                <th scope="col">{t("staff.list.state")}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <Link to={`${base}/${meeting.id}`}>{meeting.title}</Link>
                  </td>
                  <td>{meeting.when}</td>
                  <td className="numeric">
                    {t("staff.list.taken", { taken: meeting.taken, capacity: meeting.capacity })}
                  </td>
                  <td className="numeric">{meeting.waiting}</td>
                  <td>
                    <PlacesTag meeting={meeting} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`/s/${slug}/meeting`}>{t("staff.list.publicPage")}</Link>
      </p>
    </>
  );
}
