import type { Party, Purpose } from "./rules";

/**
 * A consent text exactly as a page shows it: built from the locale files at the time of showing, rendered
 * from this object and nothing else, and stored (with its hash) as a version the first time it is shown.
 */
export const NOTICE_KINDS = ["parent", "young-person", "parent-withdrawal", "young-person-withdrawal"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeSection {
  id: string;
  heading: string;
  /** One paragraph each; in easy read, one idea a line, and `id` names the picture that goes beside it. */
  lines: Array<{ id: string; text: string }>;
}

export interface Notice {
  kind: NoticeKind;
  language: string;
  title: string;
  sections: NoticeSection[];
  /** The questions asked, one per purpose (consent texts only). */
  purposes: Array<{ purpose: Purpose; question: string; hint: string }>;
  yes: string;
  no: string;
  /** The button that acts on it (withdrawal texts only). */
  button: string;
}

/** A stored version of a notice: what a decision record points to. */
export interface NoticeVersion {
  id: string;
  version: number;
  /** SHA-256 of the canonical text, in hex. */
  sha256: string;
  notice: Notice;
}

export const noticeKind = (party: Party, withdrawal = false): NoticeKind =>
  `${party}${withdrawal ? "-withdrawal" : ""}` as NoticeKind;

/** Young people get easy read: short sentences, one idea a line, pictures beside them. */
export const isEasyRead = (kind: NoticeKind) => kind.startsWith("young-person");
