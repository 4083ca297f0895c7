import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { isLanguageCode, LANGUAGES, textDirection } from "~/i18n/languages";
import { parseChannelCode } from "~/promotion/channels";
import { findChannel } from "~/promotion/channels.server";
import { channelName, languageNames, posterText } from "~/promotion/kit.server";
import styles from "~/promotion/promotion.css";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["promotion"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * An A4 poster for one channel in one language: real text (not an image), laid out for print. On
 * screen it sits inside the staff pages; printed, only the poster is left (see promotion.css).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "promotion.use", params.slug);
  const channel = await findChannel(inspection.id, parseChannelCode(params.code) ?? undefined);
  if (!channel || !isLanguageCode(params.language)) throw new Response("Not Found", { status: 404 });
  const { t } = await translatorFor(request, "promotion");
  const language = LANGUAGES.find((entry) => entry.code === params.language)!;
  const name = channelName(t, channel);
  return json(
    {
      title: t("poster.title", { name, language: language.name }),
      name,
      slug: inspection.slug,
      code: channel.code,
      language: { code: language.code, name: language.name, dir: textDirection(language.code) },
      poster: posterText(inspection, channel.code, language.code),
      languages: languageNames,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Poster() {
  const { name, slug, code, language, poster, languages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("promotion");
  const kit = `/staff/inspections/${slug}/promote/${code}`;
  return (
    <>
      <div className="no-print">
        <Link to={kit} className="back-link">
          {t("poster.back", { name })}
        </Link>
        <p className="caption">
          {t("poster.caption")}{" "}
          <span lang={language.code} dir={language.dir}>
            {language.name}
          </span>
        </p>
        <p className="inset">{t("poster.printHint")}</p>
      </div>
      <article className="poster" lang={language.code} dir={language.dir}>
        <h1 className="poster__heading">{poster.heading}</h1>
        <p className="poster__what">{poster.what}</p>
        <p>{poster.who}</p>
        <p className="poster__closes">{poster.closes}</p>
        <div className="poster__scan">
          <img className="poster__qr" src={`${kit}/qr.svg`} alt={poster.qrAlt} width="240" height="240" />
          <div>
            <p>{poster.scan}</p>
            <p className="poster__link" dir="ltr">
              {poster.link}
            </p>
          </div>
        </div>
        <p>{poster.anonymous}</p>
        {poster.meeting ? <p>{poster.meeting}</p> : null}
        <p className="poster__languages">
          {poster.languagesIntro}{" "}
          {languages.map((entry, index) => (
            <span key={entry.code}>
              <span lang={entry.code} dir={entry.dir}>
                {entry.name}
              </span>
              {index < languages.length - 1 ? " · " : ""}
            </span>
          ))}
        </p>
      </article>
    </>
  );
}
