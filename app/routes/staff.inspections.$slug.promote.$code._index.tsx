import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { isLanguageCode, LANGUAGES, textDirection } from "~/i18n/languages";
import { parseChannelCode } from "~/promotion/channels";
import { findChannel } from "~/promotion/channels.server";
import { CopyField } from "~/promotion/CopyField";
import { channelName, linkFor, shareMessages } from "~/promotion/kit.server";
import styles from "~/promotion/promotion.css";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["promotion"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const MESSAGES = ["social", "whatsapp", "newsletter"] as const;

/** One channel's kit: its link, QR code, a poster in each language and messages to paste in any language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "promotion.use", params.slug);
  const channel = await findChannel(inspection.id, parseChannelCode(params.code) ?? undefined);
  if (!channel) throw new Response("Not Found", { status: 404 });
  const { locale, t } = await translatorFor(request, "promotion");
  // The messages' language is chosen on the page (not `lng`, which would change the whole page's language).
  const asked = new URL(request.url).searchParams.get("messages");
  const language = isLanguageCode(asked) ? asked : locale;
  const name = channelName(t, channel);
  return json(
    {
      title: t("channel.title", { name }),
      area: inspection.localAreaName,
      slug: inspection.slug,
      code: channel.code,
      name,
      link: linkFor(inspection, channel.code),
      language,
      dir: textDirection(language),
      messages: shareMessages(inspection, channel.code, language),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function ChannelKit() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("promotion");
  const base = `/staff/inspections/${data.slug}/promote`;
  const here = `${base}/${data.code}`;
  return (
    <>
      <Link to={base} className="back-link">
        {t("channel.back")}
      </Link>
      <span className="caption">{t("channel.caption", { area: data.area })}</span>
      <h1>{data.name}</h1>

      <CopyField id="channel-link" label={t("channel.linkLabel")} hint={t("channel.linkHint")} value={data.link} />

      <h2>{t("channel.qrHeading")}</h2>
      <div className="qr-preview">
        <img src={`${here}/qr.svg`} alt={t("channel.qrAlt", { link: data.link })} width="200" height="200" />
      </div>
      <ul className="download-list">
        <li>
          <a href={`${here}/qr.png`} download={`${data.slug}-${data.code}.png`}>
            {t("channel.downloadPng")}
          </a>
        </li>
        <li>
          <a href={`${here}/qr.svg`} download={`${data.slug}-${data.code}.svg`}>
            {t("channel.downloadSvg")}
          </a>
        </li>
      </ul>

      <h2>{t("channel.postersHeading")}</h2>
      <p>{t("channel.postersIntro")}</p>
      <ul className="language-links">
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <Link to={`${here}/poster/${language.code}`} className="language-links__link">
              {t("channel.poster")}{" "}
              <span lang={language.code} dir={language.dir}>
                {language.name}
              </span>
            </Link>
          </li>
        ))}
      </ul>

      <h2 id="messages">{t("channel.messagesHeading")}</h2>
      <p>{t("channel.messagesIntro")}</p>
      <nav aria-label={t("channel.messagesLanguage")}>
        <ul className="language-links">
          {LANGUAGES.map((language) => (
            <li key={language.code}>
              <Link
                to={`${here}?messages=${language.code}#messages`}
                className="language-links__link"
                aria-current={language.code === data.language ? "true" : undefined}
                lang={language.code}
                hrefLang={language.code}
                dir={language.dir}
              >
                {language.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {MESSAGES.map((kind) => (
        <CopyField
          key={`${kind}-${data.language}`}
          id={`message-${kind}`}
          label={t(`channel.message.${kind}`)}
          value={data.messages[kind]}
          multiline
          lang={data.language}
          dir={data.dir}
        />
      ))}
    </>
  );
}
