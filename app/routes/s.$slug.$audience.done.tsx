import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DONE_LINES } from "~/easy-read/content";
import { EasyReadDone } from "~/easy-read/EasyReadDone";
import { easyReadPage, easyReadT, spokenLines } from "~/easy-read/screens.server";
import { loadRespondent } from "~/surveys/public-survey.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "easyread"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, t, locale } = await loadRespondent(request, params);
  const youngPeople = open.survey.audience === "young-people";
  return json({
    title: youngPeople ? easyReadT(locale)("done.title") : t("done.title"),
    slug: open.inspection.slug,
    audience: open.survey.audience,
    revisit: open.inspection.kind === "revisit",
    easyRead: youngPeople
      ? await easyReadPage(request, open.inspection, locale, spokenLines(locale, "done.title", [DONE_LINES]))
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** No reference number: the response is anonymous, so there is nothing anyone could look up. */
export default function Done() {
  const { slug, audience, revisit, easyRead } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  if (easyRead) return <EasyReadDone page={easyRead} />;
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
