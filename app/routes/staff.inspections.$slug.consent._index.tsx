import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { BoardCard, type BoardCaseView } from "~/consent/Board";
import { consentBoard, findCase, markCallPlanned } from "~/consent/cases.server";
import styles from "~/consent/consent.css";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { LANGUAGES } from "~/i18n/languages";
import { recordAudit } from "~/results/audit.server";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["consent"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * The consent board: every tracked case with its status per purpose. Inspectors also see contact details
 * and preferences, only while consent to contact stands; the local area sees statuses. Every view is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "consent.manage", params.slug);
  const { locale, t } = await translatorFor(request, "consent");
  const at = (instant: Date) => formatDateTime(t, locale, instant);
  const contactDetails = can(user, "consent.view", inspection.id);
  const board = await consentBoard(inspection.id, { contactDetails, notes: contactDetails });
  await recordAudit(user, inspection.id, "consent.board", {
    cases: board.length,
    contactDetails: Number(contactDetails),
  });
  const cases: BoardCaseView[] = board.map((entry) => ({
    id: entry.id,
    reference: entry.reference,
    decides: entry.decides,
    statuses: entry.statuses,
    latest: entry.latest.map((answer) => ({ ...answer, when: at(answer.decidedAt) })),
    // Consent to contact that went after a call was planned is the one thing an inspector must not miss.
    warning:
      entry.callPlannedAt && entry.statuses.contact !== "given"
        ? entry.contactWithdrawnAt && entry.contactWithdrawnAt > entry.callPlannedAt
          ? { kind: "withdrawn", when: at(entry.contactWithdrawnAt) }
          : { kind: "no-consent" }
        : null,
    callPlanned: entry.callPlannedAt ? { when: at(entry.callPlannedAt), staff: entry.callPlannedByEmail ?? "" } : null,
    contacts: entry.contacts,
  }));
  return json({
    title: t("board.title"),
    area: inspection.localAreaName,
    slug: inspection.slug,
    mayPlan: contactDetails,
    mayReadTalk: can(user, "talk.view", inspection.id),
    cases,
  });
}

/** Inspectors mark (or unmark) that a call with a family is planned. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, inspection, ...session } = await requireInspectionPermission(request, "consent.view", params.slug);
  const formData = await request.formData();
  requireCsrf({ user, ...session }, formData);
  const found = await findCase(inspection.id, String(formData.get("case") ?? ""));
  if (!found) throw new Response("Not Found", { status: 404 });
  await markCallPlanned(inspection.id, found.id, formData.get("intent") === "plan" ? user.id : null);
  return redirect(`${new URL(request.url).pathname}#case-${found.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

const languageName = (code: string) => LANGUAGES.find((language) => language.code === code)?.name ?? code;

export default function ConsentBoard() {
  const { area, slug, mayPlan, mayReadTalk, cases } = useLoaderData<typeof loader>();
  const { csrf } = useStaff();
  const { t } = useTranslation("consent");
  const base = `/staff/inspections/${slug}/consent`;
  return (
    <>
      <span className="caption">{area}</span>
      <h1>{t("board.title")}</h1>
      <p>{t("board.intro")}</p>
      <p className="hint">{t("board.audited")}</p>
      <p className="button-group">
        <Link to={`${base}/new`} className="button">
          {t("board.addCase")}
        </Link>
        {mayReadTalk ? <Link to={`/staff/inspections/${slug}/talk-requests`}>{t("overview.talk")}</Link> : null}
      </p>
      {cases.length === 0 ? <p>{t("board.none")}</p> : null}
      {cases.map((entry) => (
        <BoardCard key={entry.id} entry={entry} base={base} csrf={csrf} mayPlan={mayPlan} languageName={languageName} />
      ))}
    </>
  );
}
