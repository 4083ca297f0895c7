import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { windowChanges } from "~/inspections/inspections.server";
import { buildTimeline } from "~/inspections/timeline.server";
import { surveyStandings } from "~/promotion/standing.server";
import { surveysOf } from "~/surveys/authoring.server";
import { isLocked, windowState } from "~/surveys/window";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["promotion", "meetings", "consent"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "inspection.view", params.slug);
  const { locale, t } = await translatorFor(request, "staff");
  const at = (instant: Date | string) => formatDateTime(t, locale, instant);
  const may = (action: Parameters<typeof can>[1]) => can(user, action, inspection.id);
  return json({
    title: inspection.localAreaName,
    inspection: { slug: inspection.slug, area: inspection.localAreaName, kind: inspection.kind },
    timeline: buildTimeline(inspection.kind, inspection.day1).map((entry) => ({
      key: entry.key,
      day: entry.day,
      at: at(entry.at),
    })),
    window: {
      opens: at(inspection.surveyOpensAt),
      closes: at(inspection.surveyClosesAt),
      locked: isLocked(inspection),
    },
    safeguardingContact: inspection.safeguardingContact,
    changes: may("inspection.schedule")
      ? (await windowChanges(inspection.id)).map((change) => ({
          by: change.changedByEmail,
          when: at(change.changedAt),
          reason: change.reason,
          opens: at(change.opensAt),
          closes: at(change.closesAt),
        }))
      : [],
    surveys: await surveysOf(inspection.id),
    // Where the surveys stand: live or not, and whether the forum's review was finished before they opened.
    windowState: windowState(inspection, new Date()),
    standings: await surveyStandings(inspection),
    may: {
      schedule: may("inspection.schedule"),
      edit: may("questions.edit"),
      review: may("questions.review"),
      manageStaff: may("staff.manage"),
      results: may("results.view"),
      settingNames: may("settings.manage"),
      promote: may("promotion.use"),
      reach: may("promotion.reach"),
      meetings: may("meetings.manage"),
      consent: may("consent.manage"),
      talk: may("talk.view"),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function InspectionOverview() {
  const { inspection, timeline, window, safeguardingContact, changes, surveys, windowState, standings, may } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const base = `/staff/inspections/${inspection.slug}`;
  return (
    <>
      <span className="caption">{t(`kinds.${inspection.kind}`)}</span>
      <h1>{inspection.area}</h1>
      <p>
        <Link to={`/s/${inspection.slug}`}>{t("overview.publicPage")}</Link>
        {may.manageStaff ? (
          <>
            {" · "}
            <Link to={`${base}/team`}>{t("overview.team")}</Link>
          </>
        ) : null}
        {may.settingNames ? (
          <>
            {" · "}
            <Link to={`${base}/setting-names`}>{t("overview.settingNames")}</Link>
          </>
        ) : null}
        {may.meetings ? (
          <>
            {" · "}
            <Link to={`${base}/meetings`}>{t("meetings:staff.list.title")}</Link>
          </>
        ) : null}
        {may.consent ? (
          <>
            {" · "}
            <Link to={`${base}/consent`}>{t("consent:overview.consent")}</Link>
          </>
        ) : null}
        {may.talk ? (
          <>
            {" · "}
            <Link to={`${base}/talk-requests`}>{t("consent:overview.talk")}</Link>
          </>
        ) : null}
      </p>
      {may.results ? (
        <p>
          <Link to={`${base}/results`} className="button">
            {t("overview.results")}
          </Link>
        </p>
      ) : null}
      {may.promote || may.reach ? (
        <p>
          {may.promote ? <Link to={`${base}/promote`}>{t("promotion:overview.promote")}</Link> : null}
          {may.promote && may.reach ? " · " : null}
          {may.reach ? <Link to={`${base}/reach`}>{t("promotion:overview.reach")}</Link> : null}
        </p>
      ) : null}

      <h2>{t("overview.surveysHeading")}</h2>
      <div className="panel">
        <p>
          <strong className={`tag tag--${windowState}`}>{t(`promotion:overview.tag.${windowState}`)}</strong>
        </p>
        <p>{t(`promotion:kit.status.${windowState}`, { opens: window.opens, closes: window.closes })}</p>
      </div>
      <table className="table">
        <caption className="visually-hidden">{t("overview.surveysHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.audience")}</th>
            <th scope="col">{t("overview.questions")}</th>
            <th scope="col">{t("overview.status")}</th>
            <th scope="col">{t("overview.action")}</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((survey) => (
            <tr key={survey.audience}>
              <td>{t(`questions:audiences.${survey.audience}`)}</td>
              <td>{survey.questionCount}</td>
              <td>
                {standings[survey.audience]?.review ? (
                  // Once open, a survey's review status alone ("Draft") would mislead: say it is live, and how it opened.
                  <>
                    <strong>{t(`promotion:overview.tag.${standings[survey.audience]!.window}`)}</strong>{" "}
                    {t(`promotion:overview.review.${standings[survey.audience]!.review}`)}
                  </>
                ) : (
                  t(`questions:status.${survey.status}`)
                )}
                {survey.openComments > 0 ? <> ({t("overview.openComments", { count: survey.openComments })})</> : null}
              </td>
              <td>
                {may.edit ? (
                  <Link to={`${base}/surveys/${survey.audience}`}>
                    {t("overview.editQuestions")}
                    <span className="visually-hidden"> ({t(`questions:audiences.${survey.audience}`)})</span>
                  </Link>
                ) : may.review ? (
                  <Link to={`${base}/surveys/${survey.audience}/review`}>
                    {t("overview.reviewQuestions")}
                    <span className="visually-hidden"> ({t(`questions:audiences.${survey.audience}`)})</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("overview.windowHeading")}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("overview.opens")}</dt>
          <dd className="summary-list__value">{window.opens}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("overview.closes")}</dt>
          <dd className="summary-list__value">{window.closes}</dd>
        </div>
      </dl>
      {window.locked ? <p className="inset">{t("overview.locked")}</p> : null}
      {may.schedule ? (
        <p>
          <Link to={`${base}/window`}>{t("overview.changeWindow")}</Link>
        </p>
      ) : null}
      {changes.length > 0 ? (
        <>
          <h3>{t("overview.changesHeading")}</h3>
          <ul className="card-list">
            {changes.map((change) => (
              <li key={change.when + change.reason}>
                <p>{t("overview.change", change)}</p>
                <p className="hint">{change.reason}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("overview.safeguardingHeading")}</h2>
      <p>{safeguardingContact ?? t("overview.noSafeguardingContact")}</p>
      {may.schedule ? (
        <p>
          <Link to={`${base}/safeguarding`}>{t("overview.changeSafeguarding")}</Link>
        </p>
      ) : null}

      <h2>{t("overview.timelineHeading")}</h2>
      <table className="table">
        <caption className="visually-hidden">{t("overview.timelineHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.milestone")}</th>
            <th scope="col">{t("overview.day")}</th>
            <th scope="col">{t("overview.when")}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((entry) => (
            <tr key={entry.key}>
              <td>{t(`milestones.${entry.key}`)}</td>
              <td>{entry.day}</td>
              <td>{entry.at}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("overview.timelineNote")}</p>
    </>
  );
}
