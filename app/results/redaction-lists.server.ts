import type { StaffUser } from "~/auth/permissions";
import { sql } from "~/db.server";
import { recordAudit } from "./audit.server";
import type { RedactionLists } from "./redaction";

/**
 * What is taken out of comments besides the patterns: the area's school and setting names (kept by the
 * local area and inspectors) and phrases inspectors chose to remove by hand.
 */
export async function redactionLists(inspectionId: string): Promise<RedactionLists> {
  const [settings, phrases] = await Promise.all([
    sql<{ name: string }[]>`select name from setting_names where inspection_id = ${inspectionId} order by name`,
    sql<
      { phrase: string }[]
    >`select phrase from redacted_phrases where inspection_id = ${inspectionId} order by phrase`,
  ]);
  return { settings: settings.map((row) => row.name), phrases: phrases.map((row) => row.phrase) };
}

/** Adds a phrase to redact, and records that a redaction was made (not the phrase: it may be personal). */
export async function addRedactedPhrase(inspectionId: string, phrase: string, user: StaffUser) {
  await sql.begin(async (tx) => {
    await tx`
      insert into redacted_phrases (inspection_id, phrase, added_by) values (${inspectionId}, ${phrase}, ${user.id})
      on conflict do nothing`;
    await recordAudit(user, inspectionId, "results.redact", {}, tx);
  });
}

export async function addSettingNames(inspectionId: string, names: string[]) {
  await sql`
    insert into setting_names (inspection_id, name) select ${inspectionId}, unnest(${names}::text[])
    on conflict do nothing`;
}

export async function removeSettingName(inspectionId: string, name: string) {
  await sql`delete from setting_names where inspection_id = ${inspectionId} and name = ${name}`;
}
