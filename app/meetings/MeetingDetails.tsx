import { useTranslation } from "react-i18next";
import type { MeetingView } from "./view.server";

/** When, how, where and what a meeting is about, as a GOV.UK summary list. */
export function MeetingDetails({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation("meetings");
  const rows: Array<[string, React.ReactNode]> = [
    [t("details.when"), `${meeting.when} (${t("details.londonTime")})`],
    [t("details.format"), t(`formats.${meeting.format}`)],
  ];
  if (meeting.venue) rows.push([t("details.where"), <span className="pre-line">{meeting.venue}</span>]);
  if (meeting.format !== "in-person") rows.push([t("details.online"), t("details.onlineValue")]);
  if (meeting.venue) {
    rows.push([
      t("details.access"),
      <>
        {meeting.venueAccess.length ? (
          <ul className="plain-list">
            {meeting.venueAccess.map((item) => (
              <li key={item}>{t(`venueAccess.${item}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t("details.accessNone")}</p>
        )}
        {meeting.accessNotes ? <p className="pre-line">{meeting.accessNotes}</p> : null}
      </>,
    ]);
  }
  rows.push([t("details.focus"), <span className="pre-line">{meeting.focus}</span>]);
  rows.push([t("details.closes"), meeting.closes]);
  return (
    <dl className="summary-list">
      {rows.map(([key, value]) => (
        <div className="summary-list__row" key={key}>
          <dt className="summary-list__key">{key}</dt>
          <dd className="summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "12 places left", "Full: join the waiting list" or "Sign-up has closed", in words, never colour alone. */
export function PlacesTag({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation("meetings");
  const [tone, text] =
    meeting.state === "closed"
      ? ["closed", meeting.cancelled ? t("state.cancelled") : t("state.closed")]
      : meeting.state === "full"
        ? ["waiting", t("state.full")]
        : ["open", t("state.placesLeft", { count: meeting.placesLeft })];
  return <strong className={`tag tag--${tone}`}>{text}</strong>;
}
