import { sql } from "~/db.server";
import type { NewCase, Preferences } from "./schemas";
import {
  caseStatuses,
  contactStands,
  PURPOSES,
  type Capacity,
  type Decider,
  type Method,
  type Party,
  type Purpose,
  type Status,
  type Statuses,
} from "./rules";

export interface ConsentCase {
  id: string;
  reference: string;
  decides: Decider;
  createdOn: string;
  callPlannedAt: Date | null;
  callPlannedByEmail: string | null;
}

export interface Contact {
  party: Party;
  name: string;
  childFirstName: string | null;
  email: string | null;
  phone: string | null;
  language: string;
}

export class ReferenceTakenError extends Error {}

/** Adds a tracked case and the contact details of each person who decides, in one transaction. */
export async function addCase(inspectionId: string, input: NewCase, createdBy: string): Promise<string> {
  try {
    return await sql.begin(async (tx) => {
      const [row] = await tx<{ id: string }[]>`
        insert into consent_cases (inspection_id, reference, decides, created_by)
        values (${inspectionId}, ${input.reference}, ${input.decides}, ${createdBy})
        returning id`;
      // The child's first name (for letters) goes with the first person asked: the parent or carer, or
      // the young person when they alone decide.
      for (const [index, contact] of input.contacts.entries()) {
        await tx`
          insert into consent_contacts (case_id, party, name, child_first_name, email, phone, language)
          values (${row!.id}, ${contact.party}, ${contact.name}, ${index === 0 ? input.childFirstName : null},
                  ${contact.email}, ${contact.phone}, ${contact.language})`;
      }
      return row!.id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new ReferenceTakenError(input.reference);
    throw error;
  }
}

const CASE_COLUMNS = sql`
  c.id, c.reference, c.decides, c.created_on, c.call_planned_at, u.email as call_planned_by_email`;

/** A case of this inspection (undefined for another inspection's case: ids are not secrets, roles are per inspection). */
export async function findCase(inspectionId: string, caseId: string | undefined): Promise<ConsentCase | undefined> {
  if (!caseId || !/^\d{1,18}$/.test(caseId)) return undefined;
  const [found] = await sql<ConsentCase[]>`
    select ${CASE_COLUMNS} from consent_cases c left join staff_users u on u.id = c.call_planned_by
    where c.inspection_id = ${inspectionId} and c.id = ${caseId}`;
  return found;
}

export async function contactsOf(caseId: string): Promise<Contact[]> {
  return sql<Contact[]>`
    select party, name, child_first_name, email, phone, language from consent_contacts
    where case_id = ${caseId} order by party`;
}

/** Inspectors' marker that a call with this family is planned (null removes it). */
export async function markCallPlanned(inspectionId: string, caseId: string, staffUserId: string | null) {
  await sql`
    update consent_cases
    set call_planned_at = ${staffUserId ? sql`now()` : null}, call_planned_by = ${staffUserId}
    where inspection_id = ${inspectionId} and id = ${caseId}`;
}

export interface LatestAnswer {
  party: Party;
  capacity: Capacity;
  method: Method;
  recordedByEmail: string | null;
  decidedAt: Date;
  statuses: Statuses;
}

export interface BoardCase extends ConsentCase {
  statuses: Record<Purpose, Status>;
  latest: LatestAnswer[];
  /** When consent to contact was last recorded as withdrawn, while it stays withdrawn. */
  contactWithdrawnAt: Date | null;
  /** Only while consent to contact stands, and only for readers allowed to see them. */
  contacts: Array<Contact & { preferences: Preferences | null }> | null;
}

/**
 * Every tracked case with its current status per purpose (the latest record of each person who decides).
 * `contactDetails`: the reader may see contact details and preferences, which are then given only for
 * cases where consent to contact stands; `notes`: the reader may see the "anything else" box.
 */
export async function consentBoard(
  inspectionId: string,
  { contactDetails, notes }: { contactDetails: boolean; notes: boolean },
): Promise<BoardCase[]> {
  const cases = await sql<ConsentCase[]>`
    select ${CASE_COLUMNS} from consent_cases c left join staff_users u on u.id = c.call_planned_by
    where c.inspection_id = ${inspectionId} order by c.reference`;
  const latest = await sql<Array<LatestAnswer & { caseId: string } & Statuses>>`
    select distinct on (d.case_id, d.party) d.case_id, d.party, d.capacity, d.method, d.recorded_by_email,
           d.decided_at, d.contact, d.meet, d.records, d.quote
    from consent_decisions d join consent_cases c on c.id = d.case_id
    where c.inspection_id = ${inspectionId}
    order by d.case_id, d.party, d.id desc`;
  const board = cases.map((found): BoardCase => {
    const answers = latest
      .filter((row) => row.caseId === found.id)
      .map(({ party, capacity, method, recordedByEmail, decidedAt, ...row }) => ({
        party,
        capacity,
        method,
        recordedByEmail,
        decidedAt,
        statuses: Object.fromEntries(PURPOSES.map((purpose) => [purpose, row[purpose]])) as Statuses,
      }));
    const statuses = caseStatuses(found.decides, Object.fromEntries(answers.map((a) => [a.party, a.statuses])));
    const withdrawals = answers.filter((a) => a.statuses.contact === "withdrawn").map((a) => a.decidedAt.getTime());
    return {
      ...found,
      statuses,
      latest: answers,
      contactWithdrawnAt:
        statuses.contact === "withdrawn" && withdrawals.length ? new Date(Math.max(...withdrawals)) : null,
      contacts: null,
    };
  });

  const reachable = contactDetails
    ? board.filter((entry) => contactStands(entry.statuses)).map((entry) => entry.id)
    : [];
  if (reachable.length) {
    const rows = await sql<Array<Contact & { caseId: string } & Partial<Preferences> & { hasPreferences: boolean }>>`
      select k.case_id, k.party, k.name, k.child_first_name, k.email, k.phone, k.language,
             p.case_id is not null as has_preferences, p.contact_way, p.best_times, p.interpreter, p.bsl,
             p.access_needs, p.note
      from consent_contacts k
      left join consent_preferences p on p.case_id = k.case_id and p.party = k.party
      where k.case_id in ${sql(reachable)}
      order by k.party`;
    for (const entry of board) {
      if (!reachable.includes(entry.id)) continue;
      entry.contacts = rows
        .filter((row) => row.caseId === entry.id)
        .map((row) => ({
          party: row.party,
          name: row.name,
          childFirstName: row.childFirstName,
          email: row.email,
          phone: row.phone,
          language: row.language,
          preferences: row.hasPreferences
            ? {
                contactWay: row.contactWay ?? null,
                bestTimes: row.bestTimes ?? null,
                interpreter: row.interpreter ?? null,
                bsl: row.bsl ?? false,
                accessNeeds: row.accessNeeds ?? null,
                note: notes ? (row.note ?? null) : null,
              }
            : null,
        }));
    }
  }
  return board;
}
