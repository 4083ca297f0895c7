/**
 * The channels a survey link is shared through, as `?src=CODE` on the link. Every new inspection gets
 * these; responses keep the code only when it is one of the inspection's own.
 */
export const DEFAULT_CHANNELS = ["forum", "school", "council", "health", "social-media"] as const;
export type DefaultChannel = (typeof DEFAULT_CHANNELS)[number];

export const isDefaultChannel = (code: string): code is DefaultChannel =>
  (DEFAULT_CHANNELS as readonly string[]).includes(code);

/** The shape the database allows for a code (db/migrations/0005_responses.sql). */
const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_CODE_LENGTH = 30;

/**
 * A `?src=` value as a channel code, or null. Anything malformed (too long, odd characters, repeated
 * parameters arriving as something else) is dropped here without an error: a mistyped or tampered link
 * must still lead to the survey.
 */
export function parseChannelCode(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toLowerCase();
  return code.length > 0 && code.length <= MAX_CODE_LENGTH && CODE_PATTERN.test(code) ? code : null;
}

/**
 * Codes for the channels staff create: random, from letters and digits that cannot be misread for each
 * other when typed from a poster (no 0/o, 1/l/i). Never derived from the label, which may name a group
 * or a place the link should not reveal. Six characters give 31^6 (about 887 million) codes.
 */
export const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const CODE_LENGTH = 6;

export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError(`A code needs ${CODE_LENGTH} random bytes.`);
  // 256 is not a multiple of 31, so a little bias remains; a code only has to be distinct, not secret.
  return Array.from(bytes.subarray(0, CODE_LENGTH), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
}

/** How many channels one inspection may have: enough for every place, few enough to read at a glance. */
export const MAX_CHANNELS = 40;

export const LABEL_MIN = 2;
export const LABEL_MAX = 60;

export type LabelProblem = "required" | "too-short" | "too-long" | "characters" | "personal";

/**
 * Why a channel label cannot be used, or null. Labels name a place or a group ("GP surgery poster"),
 * never a person: letters in any script, digits, spaces and everyday punctuation only (no "@", so no
 * email address), no long runs of digits (phone or NHS numbers) and no titled names ("Mrs Khan").
 */
export function labelProblem(label: string): LabelProblem | null {
  const text = label.trim();
  if (text.length === 0) return "required";
  if (text.length < LABEL_MIN) return "too-short";
  if (text.length > LABEL_MAX) return "too-long";
  if (!/^[\p{L}\p{M}\p{N} &'’().,:/+#!?-]+$/u.test(text)) return "characters";
  if (/\d(?:[\s().-]*\d){5,}/.test(text)) return "personal";
  if (/(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr)\.?\s+\p{L}/iu.test(text)) return "personal";
  return null;
}

/** The link a channel's QR code, poster and messages carry (`base` is PUBLIC_URL, never the Host header). */
export function channelLink(base: string, slug: string, code: string | null): string {
  return code ? `${base}/s/${slug}?${new URLSearchParams({ src: code })}` : `${base}/s/${slug}`;
}
