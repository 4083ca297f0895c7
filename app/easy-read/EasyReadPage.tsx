import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SafetyMessage } from "./SafetyMessage";
import type { SwitchSettings } from "./switch";
import { SwitchScanning } from "./SwitchScanning";

/** What every easy-read loader adds (see screens.server.ts). */
export interface EasyReadData {
  audio: string;
  lines: Array<string | null>;
  safetyAudio: string;
  contact: string | null;
  switchMode: SwitchSettings | null;
}

/**
 * Every young people's page: the easy-read styles, the page itself, the safety message, and switch
 * scanning when the young person turned it on.
 */
export function EasyReadPage({ page, children }: { page: EasyReadData; children: ReactNode }) {
  return (
    <div className="easy-read" id="easy-read">
      {children}
      <SafetyMessage audio={page.safetyAudio} contact={page.contact} />
      {page.switchMode ? <SwitchScanning settings={page.switchMode} rootId="easy-read" /> : null}
    </div>
  );
}

/** After the close, for someone who started before it: they may still finish, until when. */
export function LateNotice({ graceEnds }: { graceEnds: string }) {
  const { t } = useTranslation("easyread");
  return (
    <div className="notification er-notice">
      <p>{t("late.closed")}</p>
      <p>{t("late.finish")}</p>
      <p>{t("late.until", { graceEnds })}</p>
    </div>
  );
}
