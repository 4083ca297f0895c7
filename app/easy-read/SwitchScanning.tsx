import { useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { SwitchSettings } from "./switch";

/**
 * Starts switch scanning on each easy-read page while switch mode is on. The scanner (and the part of
 * react-aria it uses) is loaded only then, so nobody else downloads it. Without JavaScript there is no
 * scanning, and the page's short, straight tab order serves the young person's own switch software.
 */
export function SwitchScanning({ settings, rootId }: { settings: SwitchSettings; rootId: string }) {
  const { t } = useTranslation("easyread");
  const location = useLocation();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./scanner").then(({ startScanning }) => {
      const root = document.getElementById(rootId);
      if (cancelled || !root) return;
      stop = startScanning(root, settings, {
        started: t(settings.switches === "one" ? "switch.startedOne" : "switch.startedTwo"),
        chosen: (answer) => t("switch.chosen", { answer }),
        stopped: t("switch.stopped"),
      });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [settings, rootId, t, location.key]);
  return null;
}
