import { useTranslation } from "react-i18next";
import { PostButton } from "~/ui/forms";
import { PURPOSES, type Capacity, type Decider, type Method, type Party, type Purpose, type Status } from "./rules";
import type { Preferences } from "./schemas";
import { Link } from "@remix-run/react";

/** A status in words (never colour alone), as a tag. */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation("consent");
  return <strong className={`tag tag--${status}`}>{t(`status.${status}`)}</strong>;
}

export interface BoardCaseView {
  id: string;
  reference: string;
  decides: Decider;
  statuses: Record<Purpose, Status>;
  latest: Array<{ party: Party; capacity: Capacity; method: Method; recordedByEmail: string | null; when: string }>;
  warning: { kind: "withdrawn"; when: string } | { kind: "no-consent" } | null;
  callPlanned: { when: string; staff: string } | null;
  contacts: Array<{
    party: Party;
    name: string;
    childFirstName: string | null;
    email: string | null;
    phone: string | null;
    language: string;
    preferences: Preferences | null;
  }> | null;
}

/** One tracked case on the board: statuses for all, contact details only where allowed and agreed. */
export function BoardCard({
  entry,
  base,
  csrf,
  mayPlan,
  languageName,
}: {
  entry: BoardCaseView;
  base: string;
  csrf: string;
  mayPlan: boolean;
  languageName: (code: string) => string;
}) {
  const { t } = useTranslation("consent");
  const headingId = `case-${entry.id}`;
  return (
    <section className="consent-case" aria-labelledby={headingId} data-case={entry.reference}>
      <h2 id={headingId}>{t("board.caseHeading", { reference: entry.reference })}</h2>
      <p>
        {t("board.decides")}: {t(`decides.${entry.decides}`)}
      </p>
      {entry.warning ? (
        <div className="consent-warning">
          <span className="visually-hidden">{t("board.warningTitle")}: </span>
          {entry.warning.kind === "withdrawn"
            ? t("board.warningWithdrawn", { when: entry.warning.when })
            : t("board.warningNoConsent")}
        </div>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t("board.caseHeading", { reference: entry.reference })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("board.purpose")}</th>
            <th scope="col">{t("board.state")}</th>
          </tr>
        </thead>
        <tbody>
          {PURPOSES.map((purpose) => (
            <tr key={purpose}>
              <th scope="row">{t(`purposeNames.plain.${purpose}`)}</th>
              <td data-purpose={purpose}>
                <StatusTag status={entry.statuses[purpose]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("board.lastAnswer")}</h3>
      {entry.latest.length === 0 ? (
        <p>{t("board.noAnswer")}</p>
      ) : (
        <ul>
          {entry.latest.map((answer) => {
            const values = {
              party: t(`party.${answer.party}`),
              when: answer.when,
              capacity: t(`capacity.${answer.capacity}`),
              method: t(`method.${answer.method}`),
              staff: answer.recordedByEmail ?? "",
            };
            return (
              <li key={answer.party}>
                {answer.method === "online" ? t("board.answeredOnline", values) : t("board.answeredByStaff", values)}
              </li>
            );
          })}
        </ul>
      )}
      {mayPlan ? <ContactDetails entry={entry} languageName={languageName} /> : null}
      {entry.callPlanned ? <p>{t("board.callPlanned", entry.callPlanned)}</p> : null}
      <div className="button-group">
        {mayPlan ? (
          <PostButton csrf={csrf} intent={entry.callPlanned ? "unplan" : "plan"} values={{ case: entry.id }}>
            {t(entry.callPlanned ? "board.unplanCall" : "board.planCall")}
            <span className="visually-hidden"> {t("board.forCase", { reference: entry.reference })}</span>
          </PostButton>
        ) : null}
        <Link to={`${base}/${entry.id}`}>
          {t("board.details")}
          <span className="visually-hidden"> {t("board.forCase", { reference: entry.reference })}</span>
        </Link>
      </div>
    </section>
  );
}

function ContactDetails({ entry, languageName }: { entry: BoardCaseView; languageName: (code: string) => string }) {
  const { t } = useTranslation("consent");
  if (!entry.contacts) return <p className="inset">{t("board.contactHidden")}</p>;
  return (
    <>
      {entry.contacts.map((contact) => {
        const prefs = contact.preferences;
        const rows: Array<[string, string | null]> = [
          [t("board.name"), contact.name],
          [t("board.childFirstName"), contact.childFirstName],
          [t("board.email"), contact.email],
          [t("board.phone"), contact.phone],
          [t("board.language"), languageName(contact.language)],
          [t("board.contactWay"), prefs?.contactWay ? t(`prefs.ways.${prefs.contactWay}`) : null],
          [t("board.bestTimes"), prefs?.bestTimes ?? null],
          [t("board.interpreter"), prefs?.interpreter ?? null],
          [t("board.bsl"), prefs?.bsl ? t("board.bslNeeded") : null],
          [t("board.accessNeeds"), prefs?.accessNeeds ?? null],
          [t("board.note"), prefs?.note ?? null],
        ];
        return (
          <div key={contact.party} className="consent-contact">
            <h3>
              {t("board.contactHeading")}: {t(`party.${contact.party}`)}
            </h3>
            <dl className="summary-list">
              {rows
                .filter((row): row is [string, string] => Boolean(row[1]))
                .map(([key, value]) => (
                  <div className="summary-list__row" key={key}>
                    <dt className="summary-list__key">{key}</dt>
                    <dd className="summary-list__value">{value}</dd>
                  </div>
                ))}
            </dl>
            {prefs ? null : <p>{t("board.noPreferences")}</p>}
          </div>
        );
      })}
    </>
  );
}
