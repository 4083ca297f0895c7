import { isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "./ErrorPage";

/** The title key of the error page for a status, shared by the page and its <title> (root meta). */
export function errorTitleKey(status: number): string {
  switch (status) {
    case 400:
      return "errors.badRequest.title";
    case 403:
      return "errors.forbidden.title";
    case 404:
      return "errors.notFound.title";
    case 409:
      return "errors.locked.title";
    case 413:
      return "errors.tooLarge.title";
    case 415:
      return "errors.unsupported.title";
    case 429:
      return "errors.tooMany.title";
    case 503:
      return "errors.unavailable.title";
    default:
      return "errors.failed.title";
  }
}

/** What a person is told when a page cannot be shown, by status: what happened and what to do. */
export function StatusError({ error }: { error: unknown }) {
  const { t } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = t(errorTitleKey(status));
  switch (status) {
    case 403:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.forbidden.body")}</p>
        </ErrorPage>
      );
    case 404:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.notFound.typed")}</p>
          <p>{t("errors.notFound.pasted")}</p>
          <p>{t("errors.notFound.link")}</p>
        </ErrorPage>
      );
    case 400:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.badRequest.body")}</p>
        </ErrorPage>
      );
    case 409:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.locked.body")}</p>
        </ErrorPage>
      );
    case 413:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.tooLarge.body")}</p>
        </ErrorPage>
      );
    case 415:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.unsupported.body")}</p>
        </ErrorPage>
      );
    case 429:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.tooMany.body")}</p>
        </ErrorPage>
      );
    case 503:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.unavailable.body")}</p>
        </ErrorPage>
      );
    default:
      return (
        <ErrorPage title={title}>
          <p>{t("errors.failed.tryLater")}</p>
        </ErrorPage>
      );
  }
}
