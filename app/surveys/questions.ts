import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "~/i18n/languages";
import type { Audience } from "./survey";

/**
 * scale: agree/disagree on five points, with "don't know" apart; choice: one of; multi: any of;
 * text: free text with a limit; faces: an easy-read scale with pictures (young people only);
 * about-you: one of, used to break results down (never shown as a result of its own).
 */
export const QUESTION_KINDS = ["scale", "choice", "multi", "text", "faces", "about-you"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export function kindsFor(audience: Audience): QuestionKind[] {
  return QUESTION_KINDS.filter((kind) => kind !== "faces" || audience === "young-people");
}

export const hasOptions = (kind: QuestionKind) => kind === "choice" || kind === "multi" || kind === "about-you";

/**
 * The answers a kind offers when they are not written by the inspector: their values, the translation
 * key of their words, whether they stand apart (after an "or", and apart in results), whether they
 * count as a positive answer in the focus-area summary (or, for faces, a sad one), and a picture. This
 * is the one place they are listed: answering, "check your answers", the forum's review and results
 * all read them from here.
 */
export interface FixedChoice {
  value: string;
  labelKey: string;
  apart: boolean;
  positive: boolean;
  negative?: boolean;
  picture?: string;
}

const scale = (value: string, positive = false): FixedChoice => ({
  value,
  labelKey: `survey:scale.${value}`,
  apart: value === "dont-know",
  positive,
});
const face = (value: string, mood: "positive" | "negative" | "neither" = "neither"): FixedChoice => ({
  value,
  labelKey: `survey:faces.${value}`,
  apart: false,
  positive: mood === "positive",
  negative: mood === "negative",
  picture: `/faces/${value}.svg`,
});
/** Offered on every face scale and counted apart in results, like parents' "don't know". */
const apartFace = (value: "dont-know" | "dont-understand"): FixedChoice => ({
  value,
  labelKey: `easyread:answers.${value}`,
  apart: true,
  positive: false,
  picture: `/faces/${value}.svg`,
});
const APART_FACES = [apartFace("dont-know"), apartFace("dont-understand")];

const SCALE: FixedChoice[] = [
  scale("strongly-agree", true),
  scale("agree", true),
  scale("neither"),
  scale("disagree"),
  scale("strongly-disagree"),
  scale("dont-know"),
];
/**
 * Graded face scales, very happy to very sad, each face with its word: 4 faces (no middle) or 5. The
 * 3-face scale is kept only so that questions written with it before keep their meaning.
 */
export const FACE_COUNTS = [4, 5] as const;
const FACES: Record<3 | 4 | 5, FixedChoice[]> = {
  3: [face("happy", "positive"), face("okay"), face("sad", "negative"), ...APART_FACES],
  4: [
    face("very-happy", "positive"),
    face("happy", "positive"),
    face("sad", "negative"),
    face("very-sad", "negative"),
    ...APART_FACES,
  ],
  5: [
    face("very-happy", "positive"),
    face("happy", "positive"),
    face("okay"),
    face("sad", "negative"),
    face("very-sad", "negative"),
    ...APART_FACES,
  ],
};

/** The fixed answers of a kind, or null for kinds whose answers the inspector writes (and free text). */
export function fixedChoices(question: Pick<Question, "kind" | "faces">): FixedChoice[] | null {
  if (question.kind === "scale") return SCALE;
  if (question.kind === "faces") return FACES[question.faces ?? 5];
  return null;
}

/** The values a question accepts (none for free text). */
export function choiceValues(question: Pick<Question, "kind" | "options" | "faces">): string[] {
  if (question.kind === "text") return [];
  return (fixedChoices(question) ?? question.options).map((choice) => choice.value);
}

/** One answer as people see it: its value, its words in the reader's language, and how it is shown. */
export interface ChoiceView {
  value: string;
  label: LocalisedText;
  apart: boolean;
  positive: boolean;
  negative?: boolean;
  picture?: string;
}

/** A question's answers in the reader's language (`t` translates the fixed ones). */
export function choicesOf(question: Pick<DisplayQuestion, "kind" | "options" | "faces">, t: (key: string) => string): ChoiceView[] {
  if (question.kind === "text") return [];
  const fixed = fixedChoices(question);
  if (fixed) return fixed.map(({ labelKey, ...choice }) => ({ ...choice, label: { text: t(labelKey) } }));
  return question.options.map((option) => ({ value: option.value, label: option.label, apart: false, positive: false }));
}

export const DEFAULT_CHARACTER_LIMIT = 2000;

/** Text in several languages, keyed by language code; English (en-GB) is always there. */
export type Localised = Partial<Record<string, string>>;

export interface QuestionOption {
  value: string;
  label: Localised;
}

export interface Question {
  id: string;
  position: number;
  kind: QuestionKind;
  text: Localised;
  hint: Localised;
  options: QuestionOption[];
  focusArea: string | null;
  characterLimit: number | null;
  faces: 3 | 4 | 5 | null;
  /** The pictogram beside the question in easy read (app/easy-read/pictures.ts); null: by its kind. */
  picture?: string | null;
}

/**
 * The text in the reader's language, or English when it has not been translated. `lang` is set on a
 * fallback so the page can mark that fragment as English (`lang="en"`) for screen readers.
 */
export function localise(text: Localised, locale: string): { text: string; lang?: string } {
  const translated = text[locale]?.trim();
  if (translated) return { text: translated };
  return { text: text[DEFAULT_LANGUAGE] ?? "", lang: locale === DEFAULT_LANGUAGE ? undefined : "en" };
}

/** The languages in which a question is not yet complete (its text, hint or an option lacks a translation). */
export function missingTranslations(question: Pick<Question, "text" | "hint" | "options">): string[] {
  const needs = (text: Localised, language: string) => Boolean(text[DEFAULT_LANGUAGE]) && !text[language]?.trim();
  return LANGUAGE_CODES.filter(
    (language) =>
      language !== DEFAULT_LANGUAGE &&
      (needs(question.text, language) ||
        needs(question.hint, language) ||
        question.options.some((option) => needs(option.label, language))),
  );
}

/**
 * Options from the one-per-line text an inspector types. An option keeps its value while it stays in
 * the same place, and its translations while its English is unchanged; new lines get new values.
 */
export function optionsFromLines(lines: string[], previous: QuestionOption[]): QuestionOption[] {
  const used = new Set(previous.map((option) => option.value));
  let next = previous.length + 1;
  return lines.map((line, index) => {
    const existing = previous[index];
    if (existing) {
      const unchanged = existing.label[DEFAULT_LANGUAGE] === line;
      return { value: existing.value, label: unchanged ? existing.label : { [DEFAULT_LANGUAGE]: line } };
    }
    while (used.has(`option-${next}`)) next += 1;
    used.add(`option-${next}`);
    return { value: `option-${next}`, label: { [DEFAULT_LANGUAGE]: line } };
  });
}

export interface LocalisedText {
  text: string;
  lang?: string;
}

/** A question as a respondent sees it, in their language (with English where a translation is missing). */
export interface DisplayQuestion {
  id: string;
  kind: QuestionKind;
  text: LocalisedText;
  hint: LocalisedText | null;
  options: Array<{ value: string; label: LocalisedText }>;
  characterLimit: number | null;
  faces: 3 | 4 | 5 | null;
  picture?: string | null;
}

export function displayQuestion(question: Question, locale: string): DisplayQuestion {
  return {
    id: question.id,
    kind: question.kind,
    text: localise(question.text, locale),
    hint: question.hint[DEFAULT_LANGUAGE] ? localise(question.hint, locale) : null,
    options: question.options.map((option) => ({ value: option.value, label: localise(option.label, locale) })),
    characterLimit: question.kind === "text" ? (question.characterLimit ?? DEFAULT_CHARACTER_LIMIT) : null,
    faces: question.faces,
    picture: question.picture ?? null,
  };
}
