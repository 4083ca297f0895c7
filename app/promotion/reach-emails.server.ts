import type { TransactionSql } from "postgres";
import { publicUrl } from "~/auth/secret.server";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import type { Inspection } from "~/inspections/inspection";
import { inspectionsWithOpenSurveys } from "~/inspections/inspections.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { closingWords } from "./kit.server";
import type { Shown } from "./reach";
import { minCell, reachOf } from "./reach.server";
import { dueReachEmail, type ReachEmail } from "./reach-emails";

/**
 * Emails the inspection's forum (PCF) and local area (LANO) contacts about reach, each kind once per
 * inspection. The record and the emails are written in one transaction; a second process running the
 * same job at the same moment waits on the record's key and then finds it taken, so nothing is sent twice.
 * Staff have no language of their own on record yet, so these go in English.
 */
export async function sendDueReachEmails(now = new Date()): Promise<number> {
  let sent = 0;
  for (const inspection of await inspectionsWithOpenSurveys(now)) {
    const recorded = await sql<Array<{ kind: ReachEmail }>>`
      select kind from promotion_emails where inspection_id = ${inspection.id}`;
    const { send, skip } = dueReachEmail(inspection, now, new Set(recorded.map((row) => row.kind)));
    if (!send) continue;
    // Counted before the transaction: reading counts needs no lock, and the email says "so far".
    const total = send === "opened" ? null : (await reachOf(inspection, now)).total;
    sent += await sql.begin(async (tx) => {
      for (const kind of skip) {
        await tx`insert into promotion_emails (inspection_id, kind, sent) values (${inspection.id}, ${kind}, false)
                 on conflict do nothing`;
      }
      const [claimed] = await tx`
        insert into promotion_emails (inspection_id, kind, sent) values (${inspection.id}, ${send}, true)
        on conflict do nothing returning kind`;
      return claimed ? queueReachEmails(tx, inspection, send, total) : 0;
    });
  }
  return sent;
}

async function queueReachEmails(tx: TransactionSql, inspection: Inspection, kind: ReachEmail, total: Shown | null) {
  const contacts = await tx<Array<{ email: string }>>`
    select u.email from staff_roles r join staff_users u on u.id = r.user_id
    where r.inspection_id = ${inspection.id} and r.role in ('pcf', 'lano') order by u.email`;
  const locale = DEFAULT_LANGUAGE;
  const t = translations.getFixedT(locale, "promotion");
  const base = `${publicUrl}/staff/inspections/${inspection.slug}`;
  const values = {
    area: inspection.localAreaName,
    ...closingWords(t, locale, inspection.surveyClosesAt),
    total: total ? totalWords(t, total) : "",
  };
  for (const { email } of contacts) {
    await enqueueEmail(
      tx,
      composeEmail({
        to: email,
        locale,
        namespace: "promotion",
        subject: `emails.${kind}.subject`,
        paragraphs: [`emails.${kind}.body`, `emails.${kind}.next`],
        link:
          kind === "halfway"
            ? { text: "emails.reachLink", url: `${base}/reach` }
            : { text: "emails.kitLink", url: `${base}/promote` },
        values,
      }),
    );
  }
  return contacts.length;
}

/** The total as the reach page shows it: a number only from 5 up. */
function totalWords(t: (key: string, options?: Record<string, unknown>) => string, total: Shown): string {
  if (total.state === "shown") return t("emails.total", { count: total.count });
  return t("emails.totalFewer", { minCell });
}
