import type { TransactionSql } from "postgres";
import type { StaffUser } from "~/auth/permissions";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Notice, NoticeVersion } from "./notice";
import { consentUrl, type ValidLink } from "./requests.server";
import {
  decide,
  PURPOSES,
  withdraw,
  type Answers,
  type Capacity,
  type Method,
  type Party,
  type Statuses,
} from "./rules";
import type { Preferences } from "./schemas";

/** A decision record: what proves consent was obtained, and nothing to contact anyone by. */
export interface DecisionRecord {
  id: string;
  receiptId: string;
  caseId: string;
  party: Party;
  capacity: Capacity;
  event: "decision" | "withdrawal";
  statuses: Statuses;
  language: string;
  textId: string;
  textVersion: number;
  /** Hex. */
  textSha256: string;
  method: Method;
  recordedByEmail: string | null;
  decidedAt: Date;
}

type Row = Omit<DecisionRecord, "statuses" | "textSha256"> & Statuses & { textSha256: Buffer };

const COLUMNS = sql`
  id, receipt_id, case_id, party, capacity, event, contact, meet, records, quote, language, text_id, text_version,
  text_sha256, method, recorded_by_email, decided_at`;

const toRecord = ({ contact, meet, records, quote, textSha256, ...row }: Row): DecisionRecord => ({
  ...row,
  statuses: { contact, meet, records, quote },
  textSha256: textSha256.toString("hex"),
});

export async function latestDecision(
  caseId: string,
  party: Party,
  db: TransactionSql | typeof sql = sql,
): Promise<DecisionRecord | undefined> {
  const [row] = await db<Row[]>`
    select ${COLUMNS} from consent_decisions where case_id = ${caseId} and party = ${party} order by id desc limit 1`;
  return row ? toRecord(row) : undefined;
}

export interface NewDecision {
  caseId: string;
  party: Party;
  capacity: Capacity;
  /** Yes or no per purpose, or a withdrawal of everything given. */
  answers: Answers | "withdraw";
  /** The version of the text the person saw. */
  text: NoticeVersion;
  method: Method;
  recordedBy?: StaffUser;
  preferences?: Preferences;
  /**
   * The latest record's id when the form was shown ("" for none): if another record has been made since
   * (a second tap, a second tab), nothing is recorded and "stale" is returned.
   */
  after?: string;
}

/**
 * Appends a decision record (and keeps the person's contact preferences with it, or deletes them on a
 * withdrawal, as they are no longer needed), in one transaction with whatever `alongside` adds.
 */
export async function recordDecision(
  input: NewDecision,
  alongside?: (tx: TransactionSql<any>, record: DecisionRecord) => Promise<void>,
): Promise<DecisionRecord | "stale"> {
  return sql.begin(async (tx) => {
    // Decisions on one case are made one at a time, each against the one before.
    await tx`select id from consent_cases where id = ${input.caseId} for update`;
    const previous = await latestDecision(input.caseId, input.party, tx);
    if (input.after !== undefined && (previous?.id ?? "") !== input.after) return "stale" as const;
    const statuses =
      input.answers === "withdraw" ? withdraw(previous?.statuses) : decide(previous?.statuses, input.answers);
    const [row] = await tx<Row[]>`
      insert into consent_decisions (case_id, party, capacity, event, contact, meet, records, quote, language,
                                     text_id, text_version, text_sha256, method, recorded_by, recorded_by_email)
      values (${input.caseId}, ${input.party}, ${input.capacity}, ${input.answers === "withdraw" ? "withdrawal" : "decision"},
              ${statuses.contact}, ${statuses.meet}, ${statuses.records}, ${statuses.quote}, ${input.text.notice.language},
              ${input.text.id}, ${input.text.version}, ${Buffer.from(input.text.sha256, "hex")}, ${input.method},
              ${input.recordedBy?.id ?? null}, ${input.recordedBy?.email ?? null})
      returning ${COLUMNS}`;
    if (input.answers === "withdraw") {
      await tx`delete from consent_preferences where case_id = ${input.caseId} and party = ${input.party}`;
    } else if (input.preferences) {
      const p = input.preferences;
      await tx`
        insert into consent_preferences (case_id, party, contact_way, best_times, interpreter, bsl, access_needs, note)
        values (${input.caseId}, ${input.party}, ${p.contactWay}, ${p.bestTimes}, ${p.interpreter}, ${p.bsl},
                ${p.accessNeeds}, ${p.note})
        on conflict (case_id, party) do update set
          contact_way = excluded.contact_way, best_times = excluded.best_times, interpreter = excluded.interpreter,
          bsl = excluded.bsl, access_needs = excluded.access_needs, note = excluded.note`;
    }
    const record = toRecord(row!);
    await alongside?.(tx, record);
    return record;
  });
}

/**
 * A decision made online through a link, with a confirmation in the same transaction when the person has
 * an email address: their answers, and the same link to withdraw in one step.
 */
export function decideOnline(
  link: ValidLink,
  locale: string,
  input: Pick<NewDecision, "capacity" | "answers" | "text" | "preferences" | "after">,
) {
  return recordDecision({ ...input, caseId: link.caseId, party: link.party, method: "online" }, async (tx, record) => {
    const [contact] = await tx<{ name: string; email: string | null }[]>`
      select name, email from consent_contacts where case_id = ${link.caseId} and party = ${link.party}`;
    if (!contact?.email) return;
    const mode = link.party === "young-person" ? "easy" : "plain";
    const t = translations.getFixedT(locale, "consent");
    const kind = record.event === "withdrawal" ? "withdrawn" : "confirm";
    const answers = PURPOSES.map((purpose) =>
      t("email.answerLine", {
        purpose: t(`purposeNames.${mode}.${purpose}`),
        answer: t(`yourStatus.${mode}.${record.statuses[purpose]}`),
      }),
    ).join("\n");
    await enqueueEmail(
      tx,
      composeEmail({
        to: contact.email,
        locale,
        namespace: "consent",
        subject: `email.${mode}.${kind}.subject`,
        paragraphs: [`email.${mode}.${kind}.hello`, `email.${mode}.${kind}.body`, `email.${mode}.${kind}.next`],
        link:
          kind === "confirm"
            ? { text: `email.${mode}.confirm.link`, url: `${consentUrl(link.token)}/withdraw` }
            : undefined,
        values: { name: contact.name, answers },
      }),
    );
  });
}

/** Every record of a case, oldest first, each with the exact text the person saw. */
export async function historyOf(caseId: string): Promise<Array<DecisionRecord & { notice: Notice }>> {
  const rows = await sql<Array<Row & { body: string }>>`
    select d.id, d.receipt_id, d.case_id, d.party, d.capacity, d.event, d.contact, d.meet, d.records, d.quote,
           d.language, d.text_id, d.text_version, d.text_sha256, d.method, d.recorded_by_email, d.decided_at, t.body
    from consent_decisions d join consent_texts t on t.id = d.text_id
    where d.case_id = ${caseId} order by d.id`;
  return rows.map(({ body, ...row }) => ({ ...toRecord(row), notice: JSON.parse(body) as Notice }));
}
