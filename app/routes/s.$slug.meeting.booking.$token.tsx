import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { meetingLimit, tooManyRequests } from "~/http/limits.server";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { answerLink, describeLink, type LinkIntent } from "~/meetings/bookings.server";
import { MeetingDetails } from "~/meetings/MeetingDetails";
import { findMeeting } from "~/meetings/meetings.server";
import { meetingView, whenText } from "~/meetings/view.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["meetings"] };

/**
 * Where an emailed link lands: answer an offer of a place, or cancel. Opening it changes nothing (mail
 * scanners open links); the buttons post. A used link says what it did; an old one says it has expired.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspection = await findInspection(params.slug ?? "");
  if (!inspection) throw new Response("Not Found", { status: 404 });
  const { locale, t } = await translatorFor(request, "meetings");
  const link = await describeLink(inspection.slug, params.token ?? "");
  const meeting = "meetingId" in link ? await findMeeting(inspection.id, link.meetingId) : undefined;
  const title =
    link.state === "used"
      ? t(`link.used.${link.outcome}.title`)
      : link.state === "offer"
        ? t("link.offer.title", { count: link.places })
        : link.state === "cancel"
          ? t(link.status === "confirmed" ? "link.cancel.title" : "link.leave.title")
          : t("link.expired.title");
  const status = link.state === "invalid" ? 404 : link.state === "expired" ? 410 : 200;
  return json(
    {
      title,
      slug: inspection.slug,
      link,
      meeting: meeting ? meetingView(meeting, locale) : null,
      deadline: link.state === "offer" ? whenText(locale, link.offerEnds) : null,
    },
    { status, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

const INTENTS: LinkIntent[] = ["accept", "decline", "cancel"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await meetingLimit.allows(context.clientAddress))) throw tooManyRequests();
  const asked = String((await request.formData()).get("intent"));
  const intent = INTENTS.find((candidate) => candidate === asked);
  if (intent) await answerLink(params.slug ?? "", params.token ?? "", intent);
  // The page then says what happened (or why nothing could), from the link's own record.
  return redirect(new URL(request.url).pathname);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function BookingLink() {
  const { title, slug, link, meeting, deadline } = useLoaderData<typeof loader>();
  const { t } = useTranslation("meetings");
  const backToMeetings = (
    <p>
      <Link to={`/s/${slug}/meeting`}>{t("done.back")}</Link>
    </p>
  );
  if (link.state === "used" || link.state === "expired" || link.state === "invalid") {
    const key = link.state === "used" ? `link.used.${link.outcome}` : "link.expired";
    return (
      <>
        <h1>{title}</h1>
        <p>{t(`${key}.body`)}</p>
        {backToMeetings}
      </>
    );
  }
  return (
    <>
      <span className="caption">{meeting?.title}</span>
      <h1>{title}</h1>
      {link.state === "offer" ? (
        <>
          <p className="lead">{t("link.offer.body", { deadline })}</p>
          {meeting ? <MeetingDetails meeting={meeting} /> : null}
          <Form method="post" className="button-group">
            <button type="submit" name="intent" value="accept" className="button">
              {t("link.offer.accept", { count: link.places })}
            </button>
            <button type="submit" name="intent" value="decline" className="button button--secondary">
              {t("link.offer.decline")}
            </button>
          </Form>
        </>
      ) : (
        <>
          {link.status === "waiting" && link.position ? (
            <p className="lead">{t("done.waiting.position", { position: link.position })}</p>
          ) : null}
          {meeting ? <MeetingDetails meeting={meeting} /> : null}
          <p>{t(link.status === "confirmed" ? "link.cancel.body" : "link.leave.body", { count: link.places })}</p>
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="button button--warning">
              {t(link.status === "confirmed" ? "link.cancel.submit" : "link.leave.submit")}
            </button>
          </Form>
        </>
      )}
      {backToMeetings}
    </>
  );
}
