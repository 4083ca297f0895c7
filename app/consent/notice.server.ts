import { createHash } from "node:crypto";
import type { Sql, TransactionSql } from "postgres";
import { sql } from "~/db.server";
import { translations } from "~/i18n/i18next.server";
import type { Notice, NoticeKind, NoticeVersion } from "./notice";
import { PURPOSES } from "./rules";

type Db = Sql<any> | TransactionSql<any>;

const LOCALE_KEYS: Record<NoticeKind, string> = {
  parent: "parent",
  "young-person": "youngPerson",
  "parent-withdrawal": "parentWithdrawal",
  "young-person-withdrawal": "youngPersonWithdrawal",
};

interface LocaleNotice {
  title: string;
  sections: Record<string, { heading: string; lines: Record<string, string> }>;
  purposes?: Record<string, { question: string; hint: string }>;
  yes?: string;
  no?: string;
  button?: string;
}

/** The notice of `kind` in `language` as the locale files have it now. */
export function currentNotice(kind: NoticeKind, language: string): Notice {
  const t = translations.getFixedT(language, "consent");
  const source = t(`notice.${LOCALE_KEYS[kind]}`, { returnObjects: true }) as unknown as LocaleNotice;
  return {
    kind,
    language,
    title: source.title,
    sections: Object.entries(source.sections).map(([id, section]) => ({
      id,
      heading: section.heading,
      lines: Object.entries(section.lines).map(([line, text]) => ({ id: line, text })),
    })),
    purposes: source.purposes
      ? PURPOSES.map((purpose) => ({
          purpose,
          question: source.purposes![purpose]!.question,
          hint: source.purposes![purpose]!.hint,
        }))
      : [],
    yes: source.yes ?? "",
    no: source.no ?? "",
    button: source.button ?? "",
  };
}

/** The exact text, as stored and hashed: the notice object as JSON, in the order it is rendered. */
const canonical = (notice: Notice) => JSON.stringify(notice);
const hashOf = (body: string) => createHash("sha256").update(body).digest();

// A text never changes once stored, so what one process has stored or read need not be asked again.
const known = new Map<string, NoticeVersion>();

/**
 * Stores `notice` as a new version of its kind and language unless this exact text is stored already;
 * returns its version either way. Called whenever a notice is shown, so every text anyone saw is kept.
 */
export async function keepNoticeVersion(notice: Notice, db: Db = sql): Promise<NoticeVersion> {
  const body = canonical(notice);
  const hash = hashOf(body);
  const cached = known.get(hash.toString("hex"));
  if (cached) return cached;
  const store = async (tx: TransactionSql<any>) => {
    // One writer at a time, so two processes showing a new text at once cannot both take the next number.
    await tx`select pg_advisory_xact_lock(hashtext('consent_texts'))`;
    const [existing] = await tx<
      { id: string; version: number }[]
    >`select id, version from consent_texts where sha256 = ${hash}`;
    if (existing) return existing;
    const [added] = await tx<{ id: string; version: number }[]>`
      insert into consent_texts (kind, language, version, sha256, body)
      select ${notice.kind}, ${notice.language}, coalesce(max(version), 0) + 1, ${hash}, ${body}
      from consent_texts where kind = ${notice.kind} and language = ${notice.language}
      returning id, version`;
    return added!;
  };
  const row = "begin" in db ? await (db as Sql<any>).begin(store) : await store(db as TransactionSql<any>);
  const version: NoticeVersion = { id: row.id, version: row.version, sha256: hash.toString("hex"), notice };
  known.set(version.sha256, version);
  return version;
}

/** The notice of `kind` in `language` as it is shown now, stored as a version if it is new. */
export const showNotice = (kind: NoticeKind, language: string, db: Db = sql) =>
  keepNoticeVersion(currentNotice(kind, language), db);

/** A stored version by id and hash (both must match), as a form sends them back. */
export async function findNoticeVersion(id: string, sha256: string, db: Db = sql): Promise<NoticeVersion | undefined> {
  if (!/^\d{1,18}$/.test(id) || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const [row] = await db<{ id: string; version: number; body: string }[]>`
    select id, version, body from consent_texts where id = ${id} and sha256 = ${Buffer.from(sha256, "hex")}`;
  return row ? { id: row.id, version: row.version, sha256, notice: JSON.parse(row.body) as Notice } : undefined;
}
