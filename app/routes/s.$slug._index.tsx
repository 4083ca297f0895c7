import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDay } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { buildTimeline, milestone } from "~/inspections/timeline.server";
import { workingDay } from "~/inspections/working-days.server";
import { AUDIENCES } from "~/surveys/survey";
import { windowState } from "~/surveys/window";
import { parseChannelCode } from "~/promotion/channels";
import { openMeetingSummary } from "~/meetings/meetings.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["inspection", "meetings"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspection = await findInspection(params.slug ?? "");
  if (!inspection) throw new Response("Not Found", { status: 404 });

  const { locale, t } = await translatorFor(request, "inspection");
  const timeline = buildTimeline(inspection.kind, inspection.day1);
  const at = (instant: Date | string) => formatDateTime(t, locale, instant);
  const lastDay = milestone(timeline, "onsite_ends")!.london.slice(0, 10);
  const trackingCalls = milestone(timeline, "tracking_calls");

  // A link shared through a channel (?src=forum) carries its code on to the surveys; a malformed one is dropped.
  const src = parseChannelCode(new URL(request.url).searchParams.get("src"));
  const query = src ? `?${new URLSearchParams({ src })}` : "";
  return json({
    title: inspection.localAreaName,
    slug: inspection.slug,
    surveys: AUDIENCES.map((audience) => ({ audience, href: `/s/${inspection.slug}/${audience}${query}` })),
    area: inspection.localAreaName,
    kind: inspection.kind,
    status: windowState(inspection, new Date()),
    opens: at(inspection.surveyOpensAt),
    closes: at(inspection.surveyClosesAt),
    onsite: t("common:dateRange", { from: formatDay(locale, inspection.day1), to: formatDay(locale, lastDay) }),
    openMeeting: inspection.kind === "revisit" ? formatDay(locale, inspection.day1) : null,
    trackingCalls: trackingCalls
      ? t("common:dateRange", {
          from: formatDay(locale, trackingCalls.london.slice(0, 10)),
          to: formatDay(locale, workingDay(inspection.day1, -1)),
        })
      : null,
    meetings: await openMeetingSummary(inspection.id),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function InspectionPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("inspection");
  return (
    <>
      <span className="caption">{t("caption")}</span>
      <h1 className="heading-xl">{data.area}</h1>
      <p className="lead">{t(`kind.${data.kind}`, { area: data.area })}</p>

      <div className="panel">
        <p>
          <strong className={`tag tag--${data.status}`}>{t(`statusTag.${data.status}`)}</strong>
        </p>
        <p>{t(`status.${data.status}`, { opens: data.opens, closes: data.closes })}</p>
        {data.status === "open" ? (
          <ul className="survey-links">
            {data.surveys.map((survey) => (
              <li key={survey.audience}>
                <Link to={survey.href}>{t(`surveyLink.${survey.audience}`)}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {data.meetings.meetings > 0 ? (
        <section aria-labelledby="open-meetings" className="panel">
          <h2 id="open-meetings">{t("meetings:inspectionPage.heading")}</h2>
          <p>
            {data.meetings.open === 0
              ? t("meetings:inspectionPage.closed")
              : data.meetings.placesLeft > 0
                ? t("meetings:inspectionPage.placesLeft", { count: data.meetings.placesLeft })
                : t("meetings:inspectionPage.full")}
          </p>
          <p>
            <Link to={`/s/${data.slug}/meeting`}>{t("meetings:inspectionPage.link")}</Link>
          </p>
        </section>
      ) : null}

      <h2>{t("whyHeading")}</h2>
      <p>{t("why")}</p>

      <h2>{t("datesHeading")}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("milestone.survey_opens")}</dt>
          <dd className="summary-list__value">{data.opens}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("milestone.survey_closes")}</dt>
          <dd className="summary-list__value">{data.closes}</dd>
        </div>
        {data.trackingCalls ? (
          <div className="summary-list__row">
            <dt className="summary-list__key">{t("milestone.tracking_calls")}</dt>
            <dd className="summary-list__value">{data.trackingCalls}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("milestone.onsite")}</dt>
          <dd className="summary-list__value">{data.onsite}</dd>
        </div>
        {data.openMeeting ? (
          <div className="summary-list__row" id="open-meeting">
            <dt className="summary-list__key">{t("milestone.open_meeting")}</dt>
            <dd className="summary-list__value">{t("openMeetingWhen", { date: data.openMeeting })}</dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{t("londonTime")}</p>

      <h2>{t("otherWaysHeading")}</h2>
      <p>{t("otherWays")}</p>
    </>
  );
}
