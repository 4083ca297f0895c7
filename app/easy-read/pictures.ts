import type { QuestionKind } from "~/surveys/questions";

/**
 * The pictograms of the easy-read survey: one per question idea and per answer idea, the same in every
 * language. Most are Lucide icons (lucide-static, ISC licence, copied into public/easy-read with their
 * licence); the faces and "I don't know" / "I don't understand" are drawn in public/faces.
 * Every picture here stands next to its words, so to a screen reader it is decorative (alt="").
 */
export const PICTURES = {
  school: "school",
  health: "stethoscope",
  home: "house",
  friends: "users",
  listen: "ear",
  future: "signpost",
  help: "hand-helping",
  talk: "message-square-text",
  age: "cake",
  question: "circle-help",
  "no-one": "user",
  "parent-carer": "house-heart",
  "someone-else": "user-round-plus",
  yes: "thumbs-up",
  "no-thanks": "hand",
  speaker: "volume-2",
  safe: "shield-check",
  phone: "phone",
  check: "clipboard-check",
  send: "send",
  done: "party-popper",
  switch: "circle-dot",
} as const;

export type PictureName = keyof typeof PICTURES;

export const isPictureName = (value: unknown): value is PictureName =>
  typeof value === "string" && Object.hasOwn(PICTURES, value);

/** The address of a pictogram (served as a static file, cached by browsers). */
export const pictureSrc = (name: PictureName) => `/easy-read/${PICTURES[name]}.svg`;

/** A question's own picture, or one that fits its kind when the inspector chose none. */
export function questionPicture(question: { kind: QuestionKind; picture?: string | null }): PictureName {
  if (isPictureName(question.picture)) return question.picture;
  if (question.kind === "text") return "talk";
  if (question.kind === "about-you") return "question";
  return "question";
}

/**
 * The picture of an answer an inspector wrote (about-you and choice questions), found by its value:
 * the default questions' answers have meaningful values ("no-one", "school"); answers written later
 * get none rather than a wrong one. Fixed answers (faces) carry their own picture.
 */
export function optionPicture(value: string): PictureName | null {
  const byValue: Record<string, PictureName> = {
    "no-one": "no-one",
    "parent-carer": "parent-carer",
    "school-college": "school",
    "someone-else": "someone-else",
  };
  return byValue[value] ?? null;
}
