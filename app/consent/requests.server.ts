import QRCode from "qrcode";
import { publicUrl } from "~/auth/secret.server";
import { randomToken, sha256 } from "~/auth/sessions.server";
import { sql } from "~/db.server";
import { formatDate } from "~/i18n/format";
import type { Inspection } from "~/inspections/inspection";
import { INSPECTION_COLUMNS } from "~/inspections/inspections.server";
import { buildTimeline, milestone } from "~/inspections/timeline.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Decider, Party } from "./rules";

/** A consent link works until the inspection ends (worked out from its timeline, so a moved day 1 moves it). */
export function linkExpiry(inspection: Pick<Inspection, "kind" | "day1">): Date {
  return new Date(milestone(buildTimeline(inspection.kind, inspection.day1), "onsite_ends")!.at);
}

export interface ValidLink {
  token: string;
  requestId: string;
  caseId: string;
  party: Party;
  decides: Decider;
  inspection: Inspection;
  expiresAt: Date;
}

export type LinkState = { state: "unknown" | "replaced" | "expired" } | { state: "valid"; link: ValidLink };

/** What a /consent/TOKEN link leads to: only the token's hash is looked up. */
export async function findLink(token: string | undefined, now = new Date()): Promise<LinkState> {
  if (!token || !/^[\w-]{20,100}$/.test(token)) return { state: "unknown" };
  const [row] = await sql<
    Array<Inspection & { requestId: string; caseId: string; party: Party; decides: Decider; replacedAt: Date | null }>
  >`
    select r.id as request_id, r.case_id, r.party, r.replaced_at, c.decides, ${INSPECTION_COLUMNS}
    from consent_requests r
    join consent_cases c on c.id = r.case_id
    join inspections i on i.id = c.inspection_id
    where r.token_hash = ${sha256(token)}`;
  if (!row) return { state: "unknown" };
  if (row.replacedAt) return { state: "replaced" };
  const { requestId, caseId, party, decides, replacedAt: _, ...inspection } = row;
  const expiresAt = linkExpiry(inspection);
  if (now >= expiresAt) return { state: "expired" };
  return { state: "valid", link: { token, requestId, caseId, party, decides, inspection, expiresAt } };
}

export const consentUrl = (token: string) => `${publicUrl}/consent/${token}`;

export interface MadeRequest {
  url: string;
  emailed: boolean;
  /** The link as a QR code (SVG), for the printed letter. */
  qrSvg: string;
}

/**
 * A new link for one person of a case, replacing any earlier one (which then says so), and the email with
 * it when asked and an address is known, in one transaction: no email without its link, nor the reverse.
 * The token itself is returned once, for the letter printed now, and never stored.
 */
export async function makeRequest(
  inspection: Inspection,
  caseId: string,
  party: Party,
  { sendEmail, staffUserId }: { sendEmail: boolean; staffUserId: string },
): Promise<MadeRequest> {
  const token = randomToken();
  const [contact] = await sql<{ name: string; email: string | null; language: string }[]>`
    select name, email, language from consent_contacts where case_id = ${caseId} and party = ${party}`;
  // The link opens the page in the person's language (the page then remembers it and drops the parameter).
  const url = `${consentUrl(token)}${contact ? `?lng=${encodeURIComponent(contact.language)}` : ""}`;
  const emailed = sendEmail && Boolean(contact?.email);
  await sql.begin(async (tx) => {
    await tx`
      update consent_requests set replaced_at = now()
      where case_id = ${caseId} and party = ${party} and replaced_at is null`;
    await tx`
      insert into consent_requests (case_id, party, token_hash, created_by, emailed)
      values (${caseId}, ${party}, ${sha256(token)}, ${staffUserId}, ${emailed})`;
    if (emailed) {
      const mode = party === "young-person" ? "easy" : "plain";
      await enqueueEmail(
        tx,
        composeEmail({
          to: contact!.email!,
          locale: contact!.language,
          namespace: "consent",
          subject: `email.${mode}.request.subject`,
          paragraphs: [
            `email.${mode}.request.hello`,
            `email.${mode}.request.intro`,
            `email.${mode}.request.ask`,
            `email.${mode}.request.until`,
          ],
          link: { text: `email.${mode}.request.link`, url },
          values: {
            name: contact!.name,
            area: inspection.localAreaName,
            date: formatDate(contact!.language, linkExpiry(inspection)),
          },
        }),
      );
    }
  });
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return { url, emailed, qrSvg };
}

export interface RequestSummary {
  party: Party;
  createdAt: Date;
  emailed: boolean;
  replaced: boolean;
}

export async function requestsOf(caseId: string): Promise<RequestSummary[]> {
  return sql<RequestSummary[]>`
    select party, created_at, emailed, replaced_at is not null as replaced
    from consent_requests where case_id = ${caseId} order by id desc`;
}
