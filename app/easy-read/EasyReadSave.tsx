import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SAVE_LINES } from "./content";
import { EasyReadPage, type EasyReadData } from "./EasyReadPage";
import { Lines } from "./Lines";
import { Listen } from "./Listen";

/** "Save and stop for now": the answers wait on this device until the survey closes. */
export function EasyReadSave({ page, until, continueTo }: { page: EasyReadData; until: string; continueTo: string }) {
  const { t } = useTranslation("easyread");
  return (
    <EasyReadPage page={page}>
      <h1 className="er-title">{t("save.title")}</h1>
      <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
      <Lines lines={SAVE_LINES} />
      <p className="er-line">{t("save.until", { until })}</p>
      <Link to={continueTo} className="button er-button" data-scan-start>
        {t("save.continue")}
      </Link>
    </EasyReadPage>
  );
}
