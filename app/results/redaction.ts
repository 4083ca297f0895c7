import { FIRST_NAMES } from "./first-names";

/**
 * Personal details taken out of free-text comments before anyone reads them, each replaced by a tag
 * such as "[name]". Pure: the same text and lists always give the same result.
 */
export const TAGS = [
  "name",
  "email",
  "phone",
  "postcode",
  "nhs-number",
  "date-of-birth",
  "url",
  "setting",
  "redacted",
] as const;
export type Tag = (typeof TAGS)[number];

/** A comment as a list of plain text and tags, so pages can show the tags in the reader's language. */
export type Segment = string | { tag: Tag };

export interface RedactionLists {
  /** Names of schools and other settings in the area, kept by the local area. */
  settings: string[];
  /** Further phrases an inspector chose to redact. */
  phrases: string[];
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Patterns in the order they are tried: the most specific first, so a URL is not read as a name. */
const PATTERNS: Array<[Tag, RegExp]> = [
  ["email", /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g],
  ["url", /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)]/gi],
  // UK numbers: 0 or +44, then 9 or 10 more digits, allowing spaces, dashes and brackets.
  ["phone", /(?:\+44[\s()-]{0,3}0?|\(?\b0)\d(?:[\s()-]{0,2}\d){8,9}\b/g],
  // NHS numbers: ten digits, usually written 3 3 4.
  ["nhs-number", /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g],
  ["postcode", /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b/gi],
  // Full dates (day, month and year), which in these comments are most often someone's date of birth.
  [
    "date-of-birth",
    new RegExp(
      `\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}\\b|\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
      "gi",
    ),
  ],
];

/** Words that introduce a name (also at the start of a sentence): the capitalised words after them are a name. */
const NAME_CUES =
  /\b(?:[Mm]y (?:son|daughter|child|boy|girl|grandson|granddaughter|foster (?:son|daughter|child))|[Cc]alled|[Nn]amed)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)/gu;
/** A title and the name after it, redacted together. */
const TITLED_NAMES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/gu;

type Span = { start: number; end: number; tag: Tag };

function spans(text: string, lists: RedactionLists): Span[] {
  const found: Span[] = [];
  const add = (regex: RegExp, tag: Tag, group = 0) => {
    for (const match of text.matchAll(regex)) {
      const value = match[group]!;
      const start = match.index! + match[0].indexOf(value);
      found.push({ start, end: start + value.length, tag });
    }
  };
  for (const phrase of lists.phrases.filter((phrase) => phrase.trim()))
    add(new RegExp(escape(phrase.trim()), "gi"), "redacted");
  for (const setting of lists.settings.filter((setting) => setting.trim())) {
    add(new RegExp(`\\b${escape(setting.trim())}\\b`, "gi"), "setting");
  }
  for (const [tag, pattern] of PATTERNS) add(pattern, tag);
  add(TITLED_NAMES, "name");
  add(NAME_CUES, "name", 1);
  // A known first name, and the capitalised word after it (most likely a surname).
  for (const match of text.matchAll(/\b\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/gu)) {
    const [first, second] = match[0].split(/\s+/);
    if (!FIRST_NAMES.has(first!)) continue;
    const length =
      second && !FIRST_NAMES.has(second) && /^\p{Lu}\p{Ll}/u.test(second) ? match[0].length : first!.length;
    found.push({ start: match.index!, end: match.index! + length, tag: "name" });
  }
  // Earliest first; where spans overlap, the first found (the more specific pattern) wins.
  return found
    .map((span, order) => ({ ...span, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order)
    .reduce<Span[]>((kept, span) => {
      const last = kept.at(-1);
      if (!last || span.start >= last.end) kept.push(span);
      else if (span.end > last.end && span.tag === last.tag) last.end = span.end;
      return kept;
    }, []);
}

export function redact(text: string, lists: RedactionLists): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans(text, lists)) {
    if (span.start > at) segments.push(text.slice(at, span.start));
    segments.push({ tag: span.tag });
    at = span.end;
  }
  if (at < text.length) segments.push(text.slice(at));
  return segments;
}

/** The redacted comment as plain text, with tags in English (for exports and tests). */
export const redactedText = (segments: Segment[]) =>
  segments.map((segment) => (typeof segment === "string" ? segment : `[${segment.tag}]`)).join("");
