import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { bookingsOf } from "~/meetings/bookings.server";
import { toCsv } from "~/meetings/csv";
import { findMeeting } from "~/meetings/meetings.server";
import { recordAudit } from "~/results/audit.server";

/** The attendee list and waiting list as CSV, for the organisers' own records; every export is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireInspectionPermission(request, "meetings.manage", params.slug);
  const meeting = await findMeeting(session.inspection.id, params.meetingId);
  if (!meeting) throw new Response("Not Found", { status: 404 });
  const { t } = await translatorFor(request, "meetings");
  const bookings = await bookingsOf(meeting.id);
  await recordAudit(session.user, session.inspection.id, "meetings.export", { meeting: meeting.id });
  let position = 0;
  const header = ["name", "email", "phone", "places", "status", "position", "needs", "language", "other", "attended"];
  const rows = bookings.map((booking) => [
    booking.name,
    booking.email,
    booking.phone,
    booking.places,
    t(`staff.csv.status.${booking.status}`),
    booking.status === "waiting" ? (position += 1) : null,
    booking.needs.map((need) => t(`needs.${need}`)).join("; "),
    booking.interpreterLanguage,
    booking.otherNeed,
    booking.status === "confirmed" ? t(booking.attended ? "staff.csv.yes" : "staff.csv.no") : null,
  ]);
  return new Response(toCsv([header.map((column) => t(`staff.csv.columns.${column}`)), ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="meeting-${meeting.id}-attendees.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
