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

/**
 * Adds school and setting names, recording that the list changed (who, when, how many; never which
 * names). A name added back while its removal waits for confirmation simply stays.
 */
export async function addSettingNames(inspectionId: string, names: string[], user: StaffUser) {
  await sql.begin(async (tx) => {
    const added = await tx`
      insert into setting_names (inspection_id, name) select ${inspectionId}, unnest(${names}::text[])
      on conflict do nothing`;
    await tx`delete from setting_name_removals where inspection_id = ${inspectionId} and name = any(${names}::text[])`;
    await recordAudit(user, inspectionId, "results.setting-names", { change: "added", count: added.count }, tx);
  });
}

/**
 * Takes a name off the list, which shows it again wherever comments mention it. When someone else has
 * already read this inspection's comments with it removed, the removal waits (the name stays redacted)
 * until an inspector of the inspection confirms it. Recorded in the audit log without the name.
 */
export async function removeSettingName(
  inspectionId: string,
  name: string,
  user: StaffUser,
): Promise<"removed" | "waiting" | "unknown"> {
  return sql.begin(async (tx) => {
    const [known] = await tx`select 1 from setting_names where inspection_id = ${inspectionId} and name = ${name}`;
    if (!known) return "unknown";
    const [readByOthers] = await tx`
      select 1 from audit_log
      where inspection_id = ${inspectionId} and action = 'results.comments' and staff_user_id is distinct from ${user.id}
      limit 1`;
    if (readByOthers) {
      await tx`
        insert into setting_name_removals (inspection_id, name, requested_by) values (${inspectionId}, ${name}, ${user.id})
        on conflict do nothing`;
      await recordAudit(user, inspectionId, "results.setting-names", { change: "removal-requested" }, tx);
      return "waiting";
    }
    await tx`delete from setting_names where inspection_id = ${inspectionId} and name = ${name}`;
    await recordAudit(user, inspectionId, "results.setting-names", { change: "removed" }, tx);
    return "removed";
  });
}

/** Names whose removal waits for an inspector's confirmation (still redacted meanwhile). */
export async function removalsWaiting(inspectionId: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select name from setting_name_removals where inspection_id = ${inspectionId} order by name`;
  return rows.map((row) => row.name);
}

/** An inspector's decision on a waiting removal: confirm it (the name shows again) or keep the name. */
export async function decideRemoval(inspectionId: string, name: string, confirm: boolean, user: StaffUser) {
  await sql.begin(async (tx) => {
    const waiting = await tx`
      delete from setting_name_removals where inspection_id = ${inspectionId} and name = ${name}`;
    if (waiting.count === 0) return;
    if (confirm) await tx`delete from setting_names where inspection_id = ${inspectionId} and name = ${name}`;
    await recordAudit(
      user,
      inspectionId,
      "results.setting-names",
      { change: confirm ? "removal-confirmed" : "removal-refused" },
      tx,
    );
  });
}
