import { useTranslation } from "react-i18next";

/**
 * Said on the start page and beside every free-text box: nobody can follow up what is written in an
 * anonymous survey, so a worry about a child's safety must go to the people who can act on it.
 */
export function SafeguardingNotice({ area, contact }: { area: string; contact: string | null }) {
  const { t } = useTranslation("survey");
  return (
    <div className="inset safeguarding">
      <p>{t("safeguarding.anonymous")}</p>
      <p>{contact ? t("safeguarding.contact", { area, contact }) : t("safeguarding.council", { area })}</p>
      <p>
        <strong>{t("safeguarding.emergency")}</strong>
      </p>
    </div>
  );
}
