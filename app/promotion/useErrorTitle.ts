import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * "Error: " before the page title while a form shows errors, as GOV.UK pages do, so a screen reader's
 * first words on the page say something went wrong. Remix's `meta` cannot see an action's result, so
 * this is done in the browser; the error summary (focused, with role=alert) says it without JavaScript.
 */
export function useErrorTitle(hasErrors: boolean) {
  const { t } = useTranslation("common");
  useEffect(() => {
    const prefix = `${t("forms.errorPrefix")} `;
    const plain = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
    document.title = hasErrors ? prefix + plain : plain;
  }, [hasErrors, t]);
}
