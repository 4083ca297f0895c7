import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { talkRequestsOf } from "~/consent/talk.server";
import { env } from "~/env.server";
import { formatDay } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { recordAudit } from "~/results/audit.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["consent"] };

/** "Happy to talk to an inspector" requests from the survey's last page, for the inspectors. Every view is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "talk.view", params.slug);
  const { locale, t } = await translatorFor(request, "consent");
  const requests = await talkRequestsOf(inspection.id);
  await recordAudit(user, inspection.id, "talk.view", { requests: requests.length });
  return json({
    title: t("talk.title"),
    area: inspection.localAreaName,
    retentionDays: env.TALK_REQUEST_RETENTION_DAYS,
    requests: requests.map((entry) => ({ ...entry, sentOn: formatDay(locale, entry.requestedOn) })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function TalkRequests() {
  const { area, retentionDays, requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation("consent");
  return (
    <>
      <span className="caption">{area}</span>
      <h1>{t("talk.title")}</h1>
      <p>{t("talk.intro")}</p>
      <p className="inset">
        {t("talk.notLinked")} {t("talk.retention", { count: retentionDays })}
      </p>
      <p className="hint">{t("board.audited")}</p>
      {requests.length === 0 ? (
        <p>{t("talk.none")}</p>
      ) : (
        <ul className="card-list">
          {requests.map((entry) => {
            const rows: Array<[string, string | null]> = [
              [t("talk.email"), entry.email],
              [t("talk.phone"), entry.phone],
              [t("talk.contactWay"), entry.contactWay ? t(`talk.ways.${entry.contactWay}`) : null],
              [t("talk.language"), entry.language],
              [t("talk.accessNeeds"), entry.accessNeeds],
              [t("talk.note"), entry.note],
            ];
            return (
              <li key={entry.id}>
                <h2>{entry.name}</h2>
                <p className="hint">{t("talk.sentOn", { date: entry.sentOn })}</p>
                <dl className="summary-list">
                  {rows.map(([key, value]) => (
                    <div className="summary-list__row" key={key}>
                      <dt className="summary-list__key">{key}</dt>
                      <dd className="summary-list__value">{value ?? t("talk.notGiven")}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
