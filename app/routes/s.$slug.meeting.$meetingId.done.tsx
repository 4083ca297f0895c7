import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { findMeeting } from "~/meetings/meetings.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["meetings"] };

const OUTCOMES = ["confirmed", "offered", "waiting"] as const;

/** After signing up: a place, an offer waiting in their inbox, or their number on the waiting list. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspection = await findInspection(params.slug ?? "");
  const meeting = inspection ? await findMeeting(inspection.id, params.meetingId) : undefined;
  if (!inspection || !meeting) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const outcome = OUTCOMES.find((candidate) => candidate === url.searchParams.get("outcome")) ?? "confirmed";
  const position = Number(url.searchParams.get("position"));
  const { t } = await translatorFor(request, "meetings");
  return json({
    title: t(`done.${outcome}.title`),
    slug: inspection.slug,
    meetingTitle: meeting.title,
    outcome,
    position: Number.isInteger(position) && position > 0 ? position : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SignedUp() {
  const { slug, meetingTitle, outcome, position } = useLoaderData<typeof loader>();
  const { t } = useTranslation("meetings");
  return (
    <>
      <div className="confirmation">
        <h1 className="confirmation__title">{t(`done.${outcome}.title`)}</h1>
        <p className="confirmation__body">{meetingTitle}</p>
      </div>
      {outcome === "waiting" && position ? <p className="lead">{t("done.waiting.position", { position })}</p> : null}
      <p>{t(`done.${outcome}.body`)}</p>
      <p>{t(`done.${outcome}.next`)}</p>
      <p>{t("done.checkSpam")}</p>
      <p>
        <Link to={`/s/${slug}/meeting`}>{t("done.back")}</Link>
      </p>
    </>
  );
}
