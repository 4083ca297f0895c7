import { useTranslation } from "react-i18next";
import { SAFETY_LINES } from "./content";
import { Lines } from "./Lines";
import { Listen } from "./Listen";
import { Picture } from "./Picture";
import { pictureSrc } from "./pictures";

/**
 * On every young people's page: the survey is anonymous, so nobody can act on what is written in it.
 * If the young person is not safe, they are told who can help, in easy words, and can hear it.
 */
export function SafetyMessage({ audio, contact }: { audio: string; contact: string | null }) {
  const { t } = useTranslation("easyread");
  return (
    <section className="er-safety" aria-labelledby="safety-heading">
      <h2 className="er-safety__heading" id="safety-heading">
        <Picture src={pictureSrc("safe")} size={48} />
        <span>{t("safety.heading")}</span>
      </h2>
      <Lines lines={SAFETY_LINES} />
      {contact ? <p className="er-line">{t("safety.local", { contact })}</p> : null}
      <Listen src={audio} label={t("listen.safety")} button={t("listen.safety")} />
    </section>
  );
}
