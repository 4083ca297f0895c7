import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guard.server";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { auditEntries } from "~/results/audit.server";
import { pageTitle } from "~/ui/meta";
import { optionalId } from "~/http/params";

const PAGE_SIZE = 50;

/** The append-only record of who looked at or exported results, newest first. Admins only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.view");
  const { locale, t } = await translatorFor(request, "staff");
  const before = optionalId(new URL(request.url).searchParams.get("before"));
  const entries = await auditEntries({ limit: PAGE_SIZE, before });
  return json({
    title: t("audit.title"),
    entries: entries.map((entry) => ({
      id: entry.id,
      when: formatDateTime(t, locale, entry.at),
      who: entry.staffEmail,
      inspection: entry.inspectionSlug,
      action: entry.action,
      detail: Object.entries(entry.detail)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(", "),
    })),
    older: entries.length === PAGE_SIZE ? `?before=${entries.at(-1)!.id}` : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function AuditLog() {
  const { entries, older } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden" id="audit-caption">
              {t("audit.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.inspection")}</th>
                <th scope="col">{t("audit.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.when}</td>
                  <td>{entry.who}</td>
                  <td>{entry.inspection ?? ""}</td>
                  <td>
                    {t(`audit.actions.${entry.action}`)}
                    {entry.detail ? <span className="secondary-text"> ({entry.detail})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older ? <Link to={older}>{t("audit.older")}</Link> : null}
    </>
  );
}
