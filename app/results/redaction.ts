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
/**
 * Cues after which a word in lower case is a name too ("my son is called jack", "her name is amira"),
 * unless it is one of the everyday words that follow them ("called back", "named in the plan").
 */
const LOWER_CASE_CUES =
  /\b(?:called|named|(?:his|her|their|(?:my|our) (?:son|daughter|child)'s) name is)\s+(\p{Ll}[\p{L}'-]+)/giu;
const NOT_NAMES = new Set(
  `a an the me us him her them it you back in on at to for by and or but again out up off every about as so
that this because after before twice several many once only all some no not into round over too
about his their our my your its`.split(/\s+/),
);
/** A known first name after "my son", "my daughter"…, in any case ("my son jack"). */
const KIN_CUES =
  /\b(?:my|our) (?:son|daughter|child|boy|girl|grandson|granddaughter)\s+(\p{L}[\p{L}'-]+)/giu;
/** A title and the name after it, redacted together. */
const TITLED_NAMES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/gu;

type Span = { start: number; end: number; tag: Tag };

/** Where spans overlap or touch they become one, tagged by the most specific of them (TAGS' order). */
function merge(found: Span[]): Span[] {
  return [...found]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .reduce<Span[]>((kept, span) => {
      const last = kept.at(-1);
      if (!last || span.start > last.end) kept.push({ ...span });
      else {
        last.end = Math.max(last.end, span.end);
        if (TAGS.indexOf(span.tag) < TAGS.indexOf(last.tag)) last.tag = span.tag;
      }
      return kept;
    }, []);
}

function matches(text: string, regex: RegExp, tag: Tag, group = 0): Span[] {
  return [...text.matchAll(regex)].flatMap((match) => {
    const value = match[group];
    if (!value) return [];
    const start = match.index! + match[0].indexOf(value);
    return [{ start, end: start + value.length, tag }];
  });
}

/** Personal details found by rule: the patterns, and names. */
function automaticSpans(text: string): Span[] {
  const found = PATTERNS.flatMap(([tag, pattern]) => matches(text, pattern, tag));
  found.push(...matches(text, TITLED_NAMES, "name"), ...matches(text, NAME_CUES, "name", 1));
  for (const span of matches(text, LOWER_CASE_CUES, "name", 1))
    if (!NOT_NAMES.has(text.slice(span.start, span.end).toLowerCase())) found.push(span);
  for (const span of matches(text, KIN_CUES, "name", 1)) {
    const word = text.slice(span.start, span.end);
    if (FIRST_NAMES.has(word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())) found.push(span);
  }
  // A known first name, and the capitalised word after it (most likely a surname).
  for (const match of text.matchAll(/\b\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/gu)) {
    const [first, second] = match[0].split(/\s+/);
    if (!FIRST_NAMES.has(first!)) continue;
    const length =
      second && !FIRST_NAMES.has(second) && /^\p{Lu}\p{Ll}/u.test(second) ? match[0].length : first!.length;
    found.push({ start: match.index!, end: match.index! + length, tag: "name" });
  }
  return merge(found);
}

/** Stands for a redacted span in the text lists are matched against; nobody can type it into a list. */
const HIDDEN = "\uE000";

/**
 * Spans of the text that list entries match, where the entries are matched only against what is still
 * visible (each redacted span is one character no entry contains). So an entry can only ever add to a
 * redaction: it can never match, and so never tell anything about, text already taken out.
 */
function listSpans(text: string, redacted: Span[], entries: string[], tag: Tag, wholeWords: boolean): Span[] {
  let visible = "";
  const original: number[] = [];
  let at = 0;
  for (const span of redacted) {
    for (; at < span.start; at += 1) {
      visible += text[at];
      original.push(at);
    }
    visible += HIDDEN;
    original.push(span.start);
    at = span.end;
  }
  for (; at < text.length; at += 1) {
    visible += text[at];
    original.push(at);
  }
  return entries
    .map((entry) => entry.replaceAll(HIDDEN, "").trim())
    .filter(Boolean)
    .flatMap((entry) =>
      matches(visible, new RegExp(wholeWords ? `\\b${escape(entry)}\\b` : escape(entry), "giu"), tag).map((span) => ({
        start: original[span.start]!,
        end: original[span.end - 1]! + 1,
        tag,
      })),
    );
}

function spans(text: string, lists: RedactionLists): Span[] {
  const automatic = automaticSpans(text);
  const withSettings = merge([...automatic, ...listSpans(text, automatic, lists.settings, "setting", true)]);
  return merge([...withSettings, ...listSpans(text, withSettings, lists.phrases, "redacted", false)]);
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
