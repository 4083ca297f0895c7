import { Form, isRouteErrorResponse, useLocation, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusError } from "./StatusError";

/**
 * A route's ErrorBoundary for forms whose answers must not be lost: when the database was away as the
 * form was sent (a 503 from guardBuild, carrying what was submitted), the page keeps what the person
 * sent, shows what they wrote, and offers Continue to send exactly the same again. It works without
 * JavaScript: a plain form posting back to the same address. Any other error is the usual error page.
 */
export function OutageBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const { t } = useTranslation("common");
  const data = isRouteErrorResponse(error) && error.status === 503 ? (error.data as Partial<Outage> | null) : null;
  if (!data?.unavailable || !data.submitted?.length) return <StatusError error={error} />;
  const fields = data.submitted.filter(([name]) => name !== "intent");
  // What they wrote in their own words is shown back; choices are codes, kept in the form but not shown.
  const written = fields.filter(([name, value]) => name === "answer" && value.trim() && !/^[a-z0-9-]+$/.test(value));
  return (
    <>
      <h1 className="heading-l">{t("errors.notSaved.title")}</h1>
      <p>{t("errors.notSaved.body")}</p>
      {written.length > 0 ? (
        <div className="inset">
          <p>{t("errors.notSaved.yourAnswer")}</p>
          {written.map(([, value], index) => (
            <p key={index} className="preserve-lines">
              {value}
            </p>
          ))}
        </div>
      ) : (
        <p>{t("errors.notSaved.kept")}</p>
      )}
      <Form method="post" action={location.pathname + location.search} reloadDocument>
        {fields.map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" name="intent" value="continue" className="button">
          {t("errors.notSaved.continue")}
        </button>
      </Form>
    </>
  );
}

interface Outage {
  unavailable: true;
  submitted: Array<[string, string]>;
}
