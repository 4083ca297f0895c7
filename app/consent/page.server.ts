import { json, redirect } from "@remix-run/node";
import { formatDateTime } from "~/i18n/format";
import { languageCookie, translatorFor } from "~/i18n/i18next.server";
import { isLanguageCode } from "~/i18n/languages";
import { latestDecision } from "./decisions.server";
import { noticeKind, type NoticeVersion } from "./notice";
import { showNotice } from "./notice.server";
import { findLink, type ValidLink } from "./requests.server";
import { PURPOSES, type Statuses } from "./rules";

/**
 * What the public consent pages (/consent/TOKEN and /consent/TOKEN/withdraw) start from: the link's
 * state, the reader's language, and the wording for whose link it is (easy read for a young person).
 */

// The link is a secret: never cached, never sent on as a referrer.
const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

type Problem = "unknown" | "replaced" | "expired";
const STATUS: Record<Problem, number> = { unknown: 404, replaced: 410, expired: 410 };

export type Wording = "plain" | "easy";
export const wordingFor = (link: ValidLink): Wording => (link.party === "young-person" ? "easy" : "plain");

/** The page for a link that does not work, with its reason. */
export async function problemPage(request: Request, state: Problem) {
  const { t } = await translatorFor(request, "consent");
  return json(
    { view: "problem" as const, state, title: t(`link.${state}.title`) },
    { status: STATUS[state], headers: PRIVATE },
  );
}

export type Opened = Exclude<Awaited<ReturnType<typeof openLink>>, { response: Response }>;

/**
 * Opens the link, or gives the response to send instead: its problem page, or a redirect. A `?lng=`
 * from an emailed or printed link is remembered like the language switcher's choice, then dropped, so the
 * switcher keeps working on this page.
 */
export async function openLink(request: Request, token: string | undefined) {
  const url = new URL(request.url);
  const language = url.searchParams.get("lng");
  if (request.method === "GET" && isLanguageCode(language)) {
    url.searchParams.delete("lng");
    const headers = { "Set-Cookie": await languageCookie.serialize(language), ...PRIVATE };
    return { response: redirect(url.pathname + url.search, { headers }) };
  }
  const found = await findLink(token);
  if (found.state !== "valid") return { response: await problemPage(request, found.state) };
  const { locale, t } = await translatorFor(request, "consent");
  const link = found.link;
  return { link, locale, t, wording: wordingFor(link), latest: await latestDecision(link.caseId, link.party) };
}

export const privateJson = <T>(data: T, status = 200) => json(data, { status, headers: PRIVATE });

/** The form: the notice as shown now (kept as a version), and the record it follows. */
export async function formView(opened: Opened) {
  const { link, locale, wording, latest } = opened;
  const text = await showNotice(noticeKind(link.party), locale);
  return {
    view: "form" as const,
    party: link.party,
    title: text.notice.title,
    area: link.inspection.localAreaName,
    wording,
    text,
    after: latest?.id ?? "",
  };
}

/** The withdrawal text and its button, as shown now. */
export async function withdrawalView(opened: Opened): Promise<{ text: NoticeVersion; after: string }> {
  const { link, locale, latest } = opened;
  return { text: await showNotice(noticeKind(link.party, true), locale), after: latest?.id ?? "" };
}

/** What the person has said (the latest record of this link's person), and how to change or withdraw it. */
export async function answersView(opened: Opened, flash: "saved" | "withdrawn" | "already" | null) {
  const { locale, t, wording, latest } = opened;
  const statuses: Statuses = latest!.statuses;
  const stillGiven = PURPOSES.some((purpose) => statuses[purpose] === "given");
  return {
    view: "answers" as const,
    title: t(`answers.${wording}.title`),
    area: opened.link.inspection.localAreaName,
    wording,
    flash,
    when: formatDateTime(t, locale, latest!.decidedAt),
    answers: PURPOSES.map((purpose) => ({
      purpose,
      name: t(`purposeNames.${wording}.${purpose}`),
      answer: t(`yourStatus.${wording}.${statuses[purpose]}`),
    })),
    withdrawal: stillGiven ? await withdrawalView(opened) : null,
  };
}
