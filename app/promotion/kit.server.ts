import type { TFunction } from "i18next";
import { publicUrl } from "~/auth/secret.server";
import { formatDate, formatDay, formatTime } from "~/i18n/format";
import { translations } from "~/i18n/i18next.server";
import { LANGUAGES } from "~/i18n/languages";
import type { Inspection } from "~/inspections/inspection";
import { buildTimeline, milestone } from "~/inspections/timeline.server";
import { channelLink, isDefaultChannel } from "./channels";
import type { Channel } from "./channels.server";

/**
 * The text of the promotion kit (poster and ready-to-paste messages) in any shipped language, whatever
 * language the staff member reads the page in. Made on the server: dates in London time, links from
 * PUBLIC_URL (never the request's Host header, which a caller controls).
 */
export const linkFor = (inspection: Pick<Inspection, "slug">, code: string | null) =>
  channelLink(publicUrl, inspection.slug, code);

/** The link as printed: without "http://" or "https://", which nobody needs to type. */
export const printedLink = (link: string) => link.replace(/^https?:\/\//, "");

/** What staff call a channel, in the reader's language. */
export function channelName(t: TFunction, channel: Pick<Channel, "code" | "label">): string {
  if (channel.label) return channel.label;
  return isDefaultChannel(channel.code) ? t(`promotion:defaultChannels.${channel.code}`) : channel.code;
}

/**
 * The open meeting's day. For now from the timeline's `open_meeting` milestone (re-visits only): the
 * meetings feature will hold the real date once the local area has set it.
 */
export function openMeetingDay(inspection: Pick<Inspection, "kind" | "day1">): string | null {
  const meeting = milestone(buildTimeline(inspection.kind, inspection.day1), "open_meeting");
  return meeting ? meeting.london.slice(0, 10) : null;
}

/** A closing time in plain words: "midday" rather than "12:00", the day written out in full. */
export function closingWords(t: TFunction, locale: string, instant: Date) {
  const time = formatTime("en-GB", instant);
  return {
    date: formatDate(locale, instant),
    time:
      time === "12:00"
        ? t("promotion:time.midday")
        : time === "00:00"
          ? t("promotion:time.midnight")
          : formatTime(locale, instant),
  };
}

function kitValues(inspection: Inspection, language: string) {
  const t = translations.getFixedT(language, "promotion");
  const meetingDay = openMeetingDay(inspection);
  return {
    t,
    values: { area: inspection.localAreaName, ...closingWords(t, language, inspection.surveyClosesAt) },
    meeting: meetingDay ? t("kit.meeting", { date: formatDay(language, meetingDay) }) : null,
  };
}

export interface PosterText {
  heading: string;
  what: string;
  who: string;
  anonymous: string;
  closes: string;
  scan: string;
  link: string;
  meeting: string | null;
  languagesIntro: string;
  qrAlt: string;
}

export function posterText(inspection: Inspection, code: string, language: string): PosterText {
  const { t, values, meeting } = kitValues(inspection, language);
  const link = printedLink(linkFor(inspection, code));
  return {
    heading: t("poster.heading", values),
    what: t("kit.what", values),
    who: t("kit.who"),
    anonymous: t("kit.anonymous"),
    closes: t("kit.closes", values),
    scan: t("poster.scan"),
    link,
    meeting,
    languagesIntro: t("kit.languages"),
    qrAlt: t("poster.qrAlt", { link }),
  };
}

/** Every shipped language, each named in itself, for "you can answer in". */
export const languageNames = LANGUAGES.map(({ code, name, dir }) => ({ code, name, dir }));

export interface ShareMessages {
  social: string;
  whatsapp: string;
  newsletter: string;
}

export function shareMessages(inspection: Inspection, code: string, language: string): ShareMessages {
  const { t, values, meeting } = kitValues(inspection, language);
  const link = linkFor(inspection, code);
  const names = LANGUAGES.map((entry) => entry.name).join(", ");
  return {
    social: t("messages.social", { ...values, link }),
    whatsapp: t("messages.whatsapp", { ...values, link }),
    newsletter: [
      t("poster.heading", values),
      t("kit.what", values),
      t("kit.who"),
      `${t("kit.anonymous")} ${t("kit.languages")} ${names}.`,
      t("kit.closes", values),
      ...(meeting ? [meeting] : []),
      t("messages.newsletterLink", { link }),
    ].join("\n\n"),
  };
}
