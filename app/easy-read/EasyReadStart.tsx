import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AnsweredQuestion } from "~/surveys/answers";
import { AnswerSummary } from "~/surveys/AnswerSummary";
import { ChoicesField, ErrorSummary, plainField } from "~/ui/forms";
import { START_LINES, SWITCH_LINES } from "./content";
import { EasyReadPage, LateNotice, type EasyReadData } from "./EasyReadPage";
import { Lines } from "./Lines";
import { Listen } from "./Listen";
import { Picture } from "./Picture";
import { pictureSrc } from "./pictures";
import { SCAN_SPEEDS, SWITCH_MODES } from "./switch";

export interface StartView {
  page: EasyReadData;
  area: string;
  state: "upcoming" | "open" | "late" | "closed";
  when: { opens: string; closes: string; graceEnds: string };
  questions: number;
  takePart: string;
  resume: string | null;
  takenPart: boolean;
  slug: string;
  unsent: AnsweredQuestion[] | null;
  switchSaved: boolean;
}

/**
 * The young people's start page: what the survey is, in short lines with pictures; how to take part;
 * and switch mode, a form that works without JavaScript.
 */
export function EasyReadStart({ view, switchErrors }: { view: StartView; switchErrors?: Record<string, string[]> }) {
  const { t } = useTranslation("easyread");
  const answering = view.state === "open" || view.state === "late";
  return (
    <EasyReadPage page={view.page}>
      <ErrorSummary
        errors={["switches", "speed"].flatMap((name) =>
          switchErrors?.[name]?.length ? [{ href: `#${name}`, message: switchErrors[name]![0]! }] : [],
        )}
      />
      <span className="er-caption">{view.area}</span>
      <h1 className="er-title">{t("start.title")}</h1>
      <Listen src={view.page.audio} label={t("listen.label")} button={t("listen.listen")} />

      {view.state === "upcoming" ? (
        <div className="panel er-notice">
          <p>{t("start.upcoming")}</p>
          <p>{t("start.opens", { opens: view.when.opens })}</p>
        </div>
      ) : null}
      {view.state === "closed" ? (
        <div className="panel er-notice">
          <p>{t("start.closed")}</p>
          <p>{t("start.closedOn", { closes: view.when.closes })}</p>
          <p>{t("start.thanks")}</p>
        </div>
      ) : null}
      {view.unsent ? (
        <>
          <h2>{t("start.unsentHeading")}</h2>
          <p className="er-line">{t("start.unsent")}</p>
          <p className="er-line">{t("start.unsentCopy")}</p>
          <AnswerSummary rows={view.unsent} />
        </>
      ) : null}
      {view.state === "late" ? <LateNotice graceEnds={view.when.graceEnds} /> : null}

      {view.state !== "closed" ? (
        <>
          <Lines lines={START_LINES} values={{ area: view.area }} />
          <p className="er-line">{t("start.questions", { count: view.questions })}</p>
          {view.state === "open" ? <p className="er-line">{t("start.closes", { closes: view.when.closes })}</p> : null}
        </>
      ) : null}

      {answering && view.resume ? (
        <Link to={view.resume} className="button er-button er-button--start" data-scan-start>
          {t("start.continue")}
        </Link>
      ) : null}
      {answering && !view.resume && view.takenPart ? (
        <div className="panel er-notice">
          <h2>{t("start.takenPartHeading")}</h2>
          <p>{t("start.takenPart")}</p>
          <div className="er-buttons">
            <Link to={view.takePart} className="button er-button" data-scan-start>
              {t("start.another")}
            </Link>
            <Link to={`/s/${view.slug}`} className="er-link">
              {t("start.notAnother")}
            </Link>
          </div>
        </div>
      ) : null}
      {answering && !view.resume && !view.takenPart ? (
        <Link to={view.takePart} className="button er-button er-button--start" data-scan-start>
          {t("start.start")}
        </Link>
      ) : null}

      {answering ? <SwitchSettingsForm view={view} errors={switchErrors} /> : null}
    </EasyReadPage>
  );
}

/** Switch mode, turned on or off for this survey on this device (a cookie; nothing is kept on the server). */
function SwitchSettingsForm({ view, errors }: { view: StartView; errors?: Record<string, string[]> }) {
  const { t } = useTranslation("easyread");
  const settings = view.page.switchMode;
  return (
    <section className="er-switch" aria-labelledby="switch-mode">
      <h2 id="switch-mode" className="er-switch__heading">
        <Picture src={pictureSrc("switch")} size={48} />
        <span>{t("switch.heading")}</span>
      </h2>
      {view.switchSaved ? (
        <div className="notification notification--success" role="status">
          <p>{t(settings ? "switch.isOn" : "switch.isOff")}</p>
        </div>
      ) : null}
      <Lines lines={SWITCH_LINES} />
      <Form method="post" noValidate>
        <ChoicesField
          field={plainField("switches", settings?.switches ?? "off", errors?.switches)}
          type="radio"
          legend={t("switch.switches")}
          choices={SWITCH_MODES.map((mode) => ({
            value: mode,
            label: t(`switch.modes.${mode}`),
            hint: mode === "off" ? undefined : t(`switch.hints.${mode}`),
          }))}
        />
        <ChoicesField
          field={plainField("speed", settings?.speed ?? "medium", errors?.speed)}
          type="radio"
          legend={t("switch.speed")}
          hint={t("switch.speedHint")}
          choices={Object.keys(SCAN_SPEEDS).map((speed) => ({ value: speed, label: t(`switch.speeds.${speed}`) }))}
        />
        <button type="submit" name="intent" value="switch" className="button button--secondary er-button">
          {t("switch.save")}
        </button>
      </Form>
    </section>
  );
}
