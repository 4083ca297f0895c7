import { sql } from "~/db.server";

/**
 * Contact details from someone happy to talk to an inspector. Kept apart from survey responses with
 * nothing in common with them (a random id and the date only), so the two can never be matched up.
 */
export async function requestToTalk(
  inspectionId: string,
  details: { name: string; email: string | null; phone: string | null; note: string | null },
) {
  await sql`
    insert into talk_requests (inspection_id, name, email, phone, note, requested_on)
    values (${inspectionId}, ${details.name}, ${details.email}, ${details.phone}, ${details.note},
            (now() at time zone 'Europe/London')::date)`;
}
