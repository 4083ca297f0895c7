import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRespondent } from "~/surveys/public-survey.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, t } = await loadRespondent(request, params);
  return json({
    title: t("done.title"),
    slug: open.inspection.slug,
    audience: open.survey.audience,
    revisit: open.inspection.kind === "revisit",
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** No reference number: the response is anonymous, so there is nothing anyone could look up. */
export default function Done() {
  const { slug, audience, revisit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  return (
    <>
      <div className="confirmation">
        <h1 className="confirmation__title">{t("done.title")}</h1>
        <p className="confirmation__body">{t("done.sent")}</p>
      </div>
      <h2>{t("done.nextHeading")}</h2>
      <p>{t("done.next")}</p>
      {revisit && audience === "parents" ? (
        <>
          <h2>{t("done.meetingHeading")}</h2>
          <p>{t("done.meeting")}</p>
          <p>
            <Link to={`/s/${slug}#open-meeting`}>{t("done.meetingLink")}</Link>
          </p>
        </>
      ) : null}
      <h2>{t("done.talkHeading")}</h2>
      <p>{t("done.talk")}</p>
      <p>
        <Link to={`/s/${slug}/talk`}>{t("done.talkLink")}</Link>
      </p>
    </>
  );
}
