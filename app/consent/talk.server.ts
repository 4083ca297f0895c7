import { sql } from "~/db.server";

export interface TalkDetails {
  name: string;
  email: string | null;
  phone: string | null;
  contactWay: "phone" | "video" | "email" | "either" | null;
  language: string | null;
  accessNeeds: string | null;
  note: string | null;
}

/**
 * Contact details from someone happy to talk to an inspector. Kept apart from survey responses with
 * nothing in common with them (a random id and the date only), so the two can never be matched up.
 */
export async function requestToTalk(inspectionId: string, details: TalkDetails) {
  await sql`
    insert into talk_requests (inspection_id, name, email, phone, contact_way, language, access_needs, note, requested_on)
    values (${inspectionId}, ${details.name}, ${details.email}, ${details.phone}, ${details.contactWay},
            ${details.language}, ${details.accessNeeds}, ${details.note}, (now() at time zone 'Europe/London')::date)`;
}

/**
 * The requests for an inspection, for its inspectors. Ordered by date, then name: never by when each was
 * written within a day, which could be matched against the order of survey responses.
 */
export async function talkRequestsOf(
  inspectionId: string,
): Promise<Array<TalkDetails & { id: string; requestedOn: string }>> {
  return sql`
    select id, name, email, phone, contact_way, language, access_needs, note, requested_on
    from talk_requests where inspection_id = ${inspectionId}
    order by requested_on desc, name, id`;
}
