import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { contactsOf, findCase } from "~/consent/cases.server";
import styles from "~/consent/consent.css";
import { historyOf } from "~/consent/decisions.server";
import { History, type HistoryEntry } from "~/consent/History";
import { requestsOf } from "~/consent/requests.server";
import { formatDateTime, formatDay } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { LANGUAGES } from "~/i18n/languages";
import { recordAudit } from "~/results/audit.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["consent"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const languageName = (code: string) => LANGUAGES.find((language) => language.code === code)?.name ?? code;

/** A tracked case: who decides, the links sent, and every decision record with the text it was made on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "consent.manage", params.slug);
  const found = await findCase(inspection.id, params.caseId);
  if (!found) throw new Response("Not Found", { status: 404 });
  const { locale, t } = await translatorFor(request, "consent");
  const at = (instant: Date) => formatDateTime(t, locale, instant);
  const mayReadContacts = can(user, "consent.contacts", inspection.id);
  const [contacts, requests, history] = await Promise.all([
    mayReadContacts ? contactsOf(found.id) : Promise.resolve(null),
    requestsOf(found.id),
    historyOf(found.id),
  ]);
  await recordAudit(user, inspection.id, "consent.case", { case: found.id });
  return json({
    title: t("case.title", { reference: found.reference }),
    area: inspection.localAreaName,
    base: `/staff/inspections/${inspection.slug}/consent`,
    id: found.id,
    reference: found.reference,
    decides: found.decides,
    addedOn: formatDay(locale, found.createdOn),
    contacts: contacts?.map((contact) => ({ ...contact, language: languageName(contact.language) })) ?? null,
    requests: requests.map((request) => ({ ...request, when: at(request.createdAt) })),
    history: history.map((record): HistoryEntry => ({
      ...record,
      languageName: languageName(record.language),
      when: at(record.decidedAt),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function ConsentCasePage() {
  const { area, base, id, reference, decides, addedOn, contacts, requests, history } = useLoaderData<typeof loader>();
  const { t } = useTranslation("consent");
  return (
    <>
      <span className="caption">{area}</span>
      <h1>{t("case.title", { reference })}</h1>
      <p>
        {t("board.decides")}: {t(`decides.${decides}`)}. {t("case.addedOn", { date: addedOn })}
      </p>
      <p className="button-group">
        <Link to={`${base}/${id}/request`} className="button">
          {t("case.sendRequest")}
        </Link>
        <Link to={`${base}/${id}/record`} className="button button--secondary">
          {t("case.recordDecision")}
        </Link>
      </p>

      <h2>{t("case.contactsHeading")}</h2>
      {contacts === null ? (
        <p>{t("case.contactsElsewhere")}</p>
      ) : contacts.length === 0 ? (
        <p>{t("case.contactsDeleted")}</p>
      ) : (
        contacts.map((contact) => (
          <dl className="summary-list" key={contact.party}>
            {[
              [t(`party.${contact.party}`), contact.name],
              [t("board.childFirstName"), contact.childFirstName],
              [t("board.email"), contact.email],
              [t("board.phone"), contact.phone],
              [t("board.language"), contact.language],
            ]
              .filter((row): row is [string, string] => Boolean(row[1]))
              .map(([key, value]) => (
                <div className="summary-list__row" key={key}>
                  <dt className="summary-list__key">{key}</dt>
                  <dd className="summary-list__value">{value}</dd>
                </div>
              ))}
          </dl>
        ))
      )}

      <h2>{t("case.requestsHeading")}</h2>
      {requests.length === 0 ? (
        <p>{t("case.noRequests")}</p>
      ) : (
        <ul>
          {requests.map((request, index) => {
            const values = { party: t(`party.${request.party}`), when: request.when };
            return (
              <li key={index}>
                {request.emailed ? t("case.requestEmailed", values) : t("case.requestLetter", values)}
                {request.replaced ? ` (${t("case.replaced")})` : null}
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t("case.historyHeading")}</h2>
      <p>{t("case.historyIntro")}</p>
      <History entries={history} />
      <p>
        <Link to={base}>{t("case.back")}</Link>
      </p>
    </>
  );
}
