import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/i18n/languages";
import { missingTranslations } from "~/surveys/questions";
import { loadQuestion } from "~/surveys/staff-survey.server";
import { pageTitle } from "~/ui/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, survey, question } = await loadQuestion(request, params, "questions.edit");
  const { t } = await translatorFor(request, "questions");
  const missing = missingTranslations(question);
  return json({
    title: t("translations.title"),
    english: question.text[DEFAULT_LANGUAGE],
    back: `/staff/inspections/${inspection.slug}/surveys/${survey.audience}`,
    languages: LANGUAGES.filter((language) => language.code !== DEFAULT_LANGUAGE).map((language) => ({
      ...language,
      complete: !missing.includes(language.code),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** Which languages this question is translated into, and where each translation is edited. */
export default function Translations() {
  const { english, back, languages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("questions");
  return (
    <>
      <h1>{t("translations.title")}</h1>
      <p className="inset" lang="en">
        {english}
      </p>
      <table className="table">
        <caption className="visually-hidden">{t("translations.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("translations.language")}</th>
            <th scope="col">{t("translations.status")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("translations.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {languages.map((language) => (
            <tr key={language.code}>
              <td lang={language.code} dir={language.dir}>
                {language.name}
              </td>
              <td>
                <strong className="tag">
                  {t(language.complete ? "translations.complete" : "translations.missing")}
                </strong>
              </td>
              <td>
                <Link to={language.code}>
                  {t("translations.edit")}
                  <span className="visually-hidden" lang={language.code}>
                    {" "}
                    {language.name}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link to={back}>{t("translations.back")}</Link>
      </p>
    </>
  );
}
