import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { MeetingDetails, PlacesTag } from "~/meetings/MeetingDetails";
import { meetingsOf } from "~/meetings/meetings.server";
import { meetingView } from "~/meetings/view.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["meetings"] };

/** The inspection's open meetings with the places each has left; each links to its own sign-up form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspection = await findInspection(params.slug ?? "");
  if (!inspection) throw new Response("Not Found", { status: 404 });
  const { locale, t } = await translatorFor(request, "meetings");
  const now = new Date();
  const meetings = await meetingsOf(inspection.id, { upcomingOnly: true, now });
  return json({
    title: t("list.title"),
    slug: inspection.slug,
    area: inspection.localAreaName,
    meetings: meetings.map((meeting) => meetingView(meeting, locale, now)),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Meetings() {
  const { slug, area, meetings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("meetings");
  return (
    <>
      <Link to={`/s/${slug}`} className="back-link">
        {t("back")}
      </Link>
      <span className="caption">{area}</span>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro", { area })}</p>
      {meetings.length === 0 ? (
        <div className="inset">
          <p>{t("list.none")}</p>
        </div>
      ) : (
        meetings.map((meeting) => (
          <section key={meeting.id} className="meeting-card" aria-labelledby={`meeting-${meeting.id}`}>
            <h2 id={`meeting-${meeting.id}`}>{meeting.title}</h2>
            <p>
              <PlacesTag meeting={meeting} />
            </p>
            <MeetingDetails meeting={meeting} />
            {meeting.state === "closed" ? null : (
              <p>
                <Link to={`/s/${slug}/meeting/${meeting.id}`} className="button">
                  {t(meeting.state === "full" ? "list.joinWaitingList" : "list.signUp")}
                  <span className="visually-hidden">: {meeting.title}</span>
                </Link>
              </p>
            )}
          </section>
        ))
      )}
      <h2>{t("list.privacyHeading")}</h2>
      <p>{t("list.privacy")}</p>
    </>
  );
}
