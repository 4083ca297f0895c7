import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { inspectionsWithOpenSurveys } from "~/inspections/inspections.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["home"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t } = await translatorFor(request, "home");
  const open = await inspectionsWithOpenSurveys();
  return json({
    title: t("title"),
    open: open.map((inspection) => ({
      slug: inspection.slug,
      area: inspection.localAreaName,
      closes: formatDateTime(t, locale, inspection.surveyClosesAt),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function StartPage() {
  const { open } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  return (
    <>
      <h1 className="heading-xl">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("canHeading")}</h2>
      <ul>
        <li>{t("can.survey")}</li>
        <li>{t("can.youngPeople")}</li>
        <li>{t("can.practitioners")}</li>
        <li>{t("can.meeting")}</li>
      </ul>
      <p>{t("anonymous")}</p>

      <h2>{t("openHeading")}</h2>
      {open.length === 0 ? (
        <p>{t("noneOpen")}</p>
      ) : (
        <ul className="card-list">
          {open.map((inspection) => (
            <li key={inspection.slug}>
              <Link to={`/s/${inspection.slug}`}>
                {t("openItem", { area: inspection.area, closes: inspection.closes })}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("linkHeading")}</h2>
      <p>{t("linkBody")}</p>

      <h2>{t("safetyHeading")}</h2>
      <p>{t("safetyBody")}</p>
    </>
  );
}
