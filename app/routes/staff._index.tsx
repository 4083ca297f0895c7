import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { formatDay } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { inspectionsFor } from "~/inspections/inspections.server";
import { pageTitle } from "~/ui/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request);
  const { locale, t } = await translatorFor(request, "staff");
  const inspections = await inspectionsFor(user);
  return json({
    title: t("dashboard.title"),
    canCreate: can(user, "inspection.create"),
    inspections: inspections.map((inspection) => ({
      slug: inspection.slug,
      area: inspection.localAreaName,
      kind: inspection.kind,
      day1: formatDay(locale, inspection.day1),
      role: inspection.role ?? "admin",
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Dashboard() {
  const { canCreate, inspections } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      {canCreate ? (
        <Link to="/staff/inspections/new" className="button">
          {t("dashboard.create")}
        </Link>
      ) : null}
      {inspections.length === 0 ? (
        <p>{t("dashboard.none")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("dashboard.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.area")}</th>
              <th scope="col">{t("dashboard.kind")}</th>
              <th scope="col">{t("dashboard.day1")}</th>
              <th scope="col">{t("dashboard.role")}</th>
            </tr>
          </thead>
          <tbody>
            {inspections.map((inspection) => (
              <tr key={inspection.slug}>
                <td>
                  <Link to={`/staff/inspections/${inspection.slug}`}>{inspection.area}</Link>
                </td>
                <td>{t(`kinds.${inspection.kind}`)}</td>
                <td>{inspection.day1}</td>
                <td>{t(`roles.${inspection.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
