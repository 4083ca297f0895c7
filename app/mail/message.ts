/**
 * Builds an email's plain-text and HTML parts. Pure: callers pass text already translated into the
 * reader's language. The HTML has no images, no remote resources and no tracking: only text and one
 * optional link, so it reads the same in any mail client, with images off, and to a screen reader.
 */
export interface EmailContent {
  to: string;
  subject: string;
  /** The service's name in the reader's language, shown at the top of every email. */
  serviceName: string;
  paragraphs: string[];
  link?: { text: string; url: string };
  lang: string;
  dir: "ltr" | "rtl";
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation (.ics text) sent as a `text/calendar; method=...` part and an attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

// One line: a subject with a line break in it would otherwise be folded or rejected by mail servers.
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

export function buildEmail({ to, subject, serviceName, paragraphs, link, lang, dir }: EmailContent): Email {
  // Only web links: a `javascript:` or `data:` URL in an email is never what a caller meant.
  if (link && !/^https?:\/\//i.test(link.url)) throw new Error("An email link must be an http(s) URL.");
  const title = oneLine(subject);

  const text = [serviceName, ...paragraphs, ...(link ? [`${link.text}\n${link.url}`] : [])].join("\n\n") + "\n";

  const paragraph = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value).replace(/\r?\n/g, "<br>")}</p>`;
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;background:#ffffff">
<div lang="${escapeHtml(lang)}" dir="${dir}" style="max-width:580px">
<p style="margin:0 0 24px;font-weight:bold">${escapeHtml(serviceName)}</p>
${paragraphs.map(paragraph).join("\n")}
${link ? `<p style="margin:0 0 16px"><a href="${escapeHtml(link.url)}" style="color:#1d70b8">${escapeHtml(link.text)}</a></p>` : ""}
</div>
</body>
</html>
`;
  return { to: oneLine(to), subject: title, text, html };
}
