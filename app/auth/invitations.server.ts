import type { TransactionSql } from "postgres";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { GlobalRole, InspectionRole } from "./permissions";
import { publicUrl } from "./secret.server";
import { ensureStaffUser, grantGlobalRole, grantInspectionRole } from "./staff.server";

/**
 * Gives someone a role and emails them how to sign in, in one transaction: no role without its email.
 * `area` names the inspection for a role on one inspection.
 */
async function invite(
  email: string,
  role: GlobalRole | InspectionRole,
  locale: string,
  grant: (userId: string, tx: TransactionSql) => Promise<void>,
  area?: string,
) {
  const t = translations.getFixedT(locale, "staff");
  await sql.begin(async (tx) => {
    await grant(await ensureStaffUser(email, tx), tx);
    await enqueueEmail(
      tx,
      composeEmail({
        to: email,
        locale,
        namespace: "staff",
        subject: "invitation.subject",
        paragraphs: [area ? "invitation.bodyInspection" : "invitation.bodyGlobal", "invitation.howTo"],
        link: { text: "invitation.link", url: `${publicUrl}/staff/sign-in` },
        values: { area: area ?? "", role: t(area ? `roles.${role}` : `people.roles.${role}`) },
      }),
    );
  });
}

export function inviteToInspection(inspection: Inspection, email: string, role: InspectionRole, locale: string) {
  return invite(
    email,
    role,
    locale,
    (userId, tx) => grantInspectionRole(userId, inspection.id, role, tx),
    inspection.localAreaName,
  );
}

export function inviteWithGlobalRole(email: string, role: GlobalRole, locale: string) {
  return invite(email, role, locale, (userId, tx) => grantGlobalRole(userId, role, tx));
}
