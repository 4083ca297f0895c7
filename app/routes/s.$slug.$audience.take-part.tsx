import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NO_THANKS_LINES, TAKE_PART_LINES } from "~/easy-read/content";
import { EasyReadPage } from "~/easy-read/EasyReadPage";
import { Lines } from "~/easy-read/Lines";
import { Listen } from "~/easy-read/Listen";
import { Picture } from "~/easy-read/Picture";
import { pictureSrc } from "~/easy-read/pictures";
import { easyReadPage, easyReadT, spokenLines } from "~/easy-read/screens.server";
import { channelParam, loadRespondent } from "~/surveys/public-survey.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "easyread"] };

/**
 * Before the first question, young people choose to take part: what the survey is, that it is their
 * choice, that they can stop or skip, that nobody will know it was them. "No thanks" is a plain link
 * to a page that thanks them: nothing is stored, because nothing has been sent.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, state, locale, base } = await loadRespondent(request, params);
  if (open.survey.audience !== "young-people") throw new Response("Not Found", { status: 404 });
  if (state === "upcoming" || state === "closed") throw redirect(base);
  const t = easyReadT(locale);
  const declined = new URL(request.url).searchParams.get("answer") === "no";
  const title = declined ? "takePart.noTitle" : "takePart.title";
  const src = channelParam(request);
  return json({
    title: t(title),
    declined,
    base,
    start: `${base}/questions/1${src ? `?${new URLSearchParams({ src })}` : ""}`,
    page: await easyReadPage(
      request,
      open.inspection,
      locale,
      spokenLines(locale, title, [declined ? NO_THANKS_LINES : TAKE_PART_LINES]),
    ),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function TakePart() {
  const { title, declined, base, start, page } = useLoaderData<typeof loader>();
  const { t } = useTranslation("easyread");
  return (
    <EasyReadPage page={page}>
      <Link to={declined ? `${base}/take-part` : base} className="back-link">
        {t("question.back")}
      </Link>
      <h1 className="er-title">{title}</h1>
      <Listen src={page.audio} label={t("listen.label")} button={t("listen.listen")} />
      {declined ? (
        <>
          <Lines lines={NO_THANKS_LINES} />
          <Link to={base} className="er-link" data-scan-start>
            {t("takePart.back")}
          </Link>
        </>
      ) : (
        <>
          <Lines lines={TAKE_PART_LINES} />
          <div className="er-buttons er-buttons--choice">
            <Link to={start} className="button er-button er-button--picture" data-scan-start>
              <Picture src={pictureSrc("yes")} size={48} />
              <span>{t("takePart.yes")}</span>
            </Link>
            <Link to={`${base}/take-part?answer=no`} className="button button--secondary er-button er-button--picture">
              <Picture src={pictureSrc("no-thanks")} size={48} />
              <span>{t("takePart.no")}</span>
            </Link>
          </div>
        </>
      )}
    </EasyReadPage>
  );
}
