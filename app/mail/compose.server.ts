import { translations } from "~/i18n/i18next.server";
import { textDirection } from "~/i18n/languages";
import { buildEmail, type Email } from "./message";

/**
 * An email in the recipient's language: `keys` name the subject and paragraphs in `namespace`,
 * interpolated with `values`; the service name heads every message.
 */
export function composeEmail({
  to,
  locale,
  namespace,
  subject,
  paragraphs,
  link,
  values = {},
}: {
  to: string;
  locale: string;
  namespace: string;
  subject: string;
  paragraphs: string[];
  link?: { text: string; url: string };
  values?: Record<string, string | number>;
}): Email {
  const t = translations.getFixedT(locale, namespace);
  return buildEmail({
    to,
    subject: t(subject, values),
    serviceName: t("common:serviceName"),
    paragraphs: paragraphs.map((key) => t(key, values)),
    link: link ? { text: t(link.text, values), url: link.url } : undefined,
    lang: locale,
    dir: textDirection(locale),
  });
}
