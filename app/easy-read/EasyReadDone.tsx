import { useTranslation } from "react-i18next";
import { DONE_LINES } from "./content";
import { EasyReadPage, type EasyReadData } from "./EasyReadPage";
import { Lines } from "./Lines";
import { Listen } from "./Listen";
import { Picture } from "./Picture";
import { pictureSrc } from "./pictures";

/** Sent. No reference number: the answers are anonymous, so there is nothing to look up. */
export function EasyReadDone({ page }: { page: EasyReadData }) {
  const { t } = useTranslation("easyread");
  return (
    <EasyReadPage page={page}>
      <div className="confirmation er-confirmation">
        <h1 className="confirmation__title">{t("done.title")}</h1>
      </div>
      <Picture src={pictureSrc("done")} size={96} />
      <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
      <Lines lines={DONE_LINES} />
    </EasyReadPage>
  );
}
