import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resumableUntil } from "~/surveys/drafts.server";
import { keepDraft, loadRespondent } from "~/surveys/public-survey.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey"] };

/** The link in a "come back later" email: picks the draft up on this device. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, base, t } = await loadRespondent(request, params);
  const token = params.token ?? "";
  const expires = await resumableUntil(open, token);
  if (expires) {
    const headers = { "Set-Cookie": await keepDraft(open.survey, token, expires), "Referrer-Policy": "no-referrer" };
    return redirect(`${base}/check`, { headers });
  }
  return json({ title: t("resume.expiredTitle"), base }, { status: 404 });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function ResumeExpired() {
  const { base } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  return (
    <>
      <h1>{t("resume.expiredTitle")}</h1>
      <p>{t("resume.expired")}</p>
      <p>
        <Link to={base}>{t("resume.startAgain")}</Link>
      </p>
    </>
  );
}
