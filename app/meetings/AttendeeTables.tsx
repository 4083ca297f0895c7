import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/ui/forms";
import { ACCESS_NEEDS, type AccessNeed } from "./options";

/** One booking as the organisers' page shows it (times already formatted by the loader). */
export interface AttendeeRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  places: number;
  needs: AccessNeed[];
  interpreterLanguage: string | null;
  otherNeed: string | null;
  status: "confirmed" | "offered" | "waiting";
  offerEnds: string | null;
  attended: boolean;
  position: number | null;
}

function Needs({ row }: { row: AttendeeRow }) {
  const { t } = useTranslation("meetings");
  if (row.needs.length === 0) return <>{t("staff.attendees.noNeeds")}</>;
  return (
    <ul className="plain-list">
      {row.needs.map((need) => (
        <li key={need}>
          {t(`needs.${need}`)}
          {need === "interpreter" ? `: ${row.interpreterLanguage}` : need === "other" ? `: ${row.otherNeed}` : ""}
        </li>
      ))}
    </ul>
  );
}

function Contact({ row }: { row: AttendeeRow }) {
  return (
    <>
      {row.email}
      {row.phone ? (
        <>
          <br />
          {row.phone}
        </>
      ) : null}
    </>
  );
}

export function AttendeeTable({ rows, csrf }: { rows: AttendeeRow[]; csrf: string }) {
  const { t } = useTranslation("meetings");
  if (rows.length === 0) return <p>{t("staff.attendees.none")}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="attendees-caption">
      <table className="table">
        <caption className="visually-hidden" id="attendees-caption">
          {t("staff.attendees.heading")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.attendees.name")}</th>
            <th scope="col">{t("staff.attendees.contact")}</th>
            <th scope="col">{t("staff.attendees.places")}</th>
            <th scope="col">{t("staff.attendees.needs")}</th>
            <th scope="col">{t("staff.attendees.attended")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>
                <Contact row={row} />
              </td>
              <td className="numeric">{row.places}</td>
              <td>
                <Needs row={row} />
              </td>
              <td>
                <Form method="post" className="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="booking" value={row.id} />
                  <input type="hidden" name="attended" value={row.attended ? "no" : "yes"} />
                  <span>{t(row.attended ? "staff.attendees.yes" : "staff.attendees.notYet")} </span>
                  <button type="submit" name="intent" value="attended" className="link-button">
                    {t(row.attended ? "staff.attendees.unmark" : "staff.attendees.mark")}
                    <span className="visually-hidden">: {row.name}</span>
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WaitingTable({ rows }: { rows: AttendeeRow[] }) {
  const { t } = useTranslation("meetings");
  if (rows.length === 0) return <p>{t("staff.waiting.none")}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="waiting-caption">
      <table className="table">
        <caption className="visually-hidden" id="waiting-caption">
          {t("staff.waiting.heading")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.waiting.position")}</th>
            <th scope="col">{t("staff.attendees.name")}</th>
            <th scope="col">{t("staff.attendees.contact")}</th>
            <th scope="col">{t("staff.attendees.places")}</th>
            <th scope="col">{t("staff.attendees.needs")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.status === "offered" ? t("staff.waiting.offered", { deadline: row.offerEnds }) : row.position}
              </td>
              <th scope="row">{row.name}</th>
              <td>
                <Contact row={row} />
              </td>
              <td className="numeric">{row.places}</td>
              <td>
                <Needs row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Totals = {
  needs: Record<AccessNeed, { withPlace: number; waiting: number }>;
  languages: Array<{ language: string; withPlace: number; waiting: number }>;
};

/** Interpreters first (they need weeks of notice), then every other need, with and without a place. */
export function AccessTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation("meetings");
  const bsl = totals.needs.bsl;
  return (
    <>
      <div className="panel">
        <h2 className="heading-m">{t("staff.totals.interpreters")}</h2>
        <p>{t("staff.totals.bsl", { count: bsl.withPlace, waiting: bsl.waiting })}</p>
        {totals.languages.length === 0 ? (
          <p>{t("staff.totals.noLanguages")}</p>
        ) : (
          <ul>
            {totals.languages.map((entry) => (
              <li key={entry.language}>
                {t("staff.totals.language", {
                  language: entry.language,
                  count: entry.withPlace,
                  waiting: entry.waiting,
                })}
              </li>
            ))}
          </ul>
        )}
        <p className="hint">{t("staff.totals.notice")}</p>
      </div>
      <table className="table">
        <caption className="table__caption">{t("staff.totals.heading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.totals.need")}</th>
            <th scope="col">{t("staff.totals.withPlace")}</th>
            <th scope="col">{t("staff.totals.waiting")}</th>
          </tr>
        </thead>
        <tbody>
          {ACCESS_NEEDS.map((need) => (
            <tr key={need}>
              <th scope="row">{t(`needs.${need}`)}</th>
              <td className="numeric">{totals.needs[need].withPlace}</td>
              <td className="numeric">{totals.needs[need].waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
