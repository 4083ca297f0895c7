/**
 * Easy-read rules a machine can check: sentences of at most 15 words, and none of the words that
 * easy-read guidance (and young people who tested it) find hard. The list is ours to grow: add a word
 * whenever a reviewer or a young person stumbles on one.
 */
export const MAX_WORDS = 15;

export const HARD_WORDS = [
  "additional",
  "anonymous",
  "anonymously",
  "appropriate",
  "assessment",
  "confidential",
  "consent",
  "device",
  "disabilities",
  "disability",
  "educational",
  "EHC",
  "eligible",
  "entitled",
  "facilitate",
  "however",
  "identified",
  "immediate",
  "immediately",
  "participate",
  "practitioner",
  "provision",
  "questionnaire",
  "regarding",
  "respondent",
  "safeguarding",
  "SEND",
  "statutory",
  "submit",
  "therefore",
];

/** The sentences of a text: ended by . ? ! (or the end), each line on its own. */
export function sentences(text: string): string[] {
  return text
    .split(/\n|(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export const words = (sentence: string) => sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}{]/u.test(word));

/** What is wrong with a text as easy read, in words a reviewer can act on (empty when nothing is). */
export function readabilityProblems(text: string): string[] {
  const problems: string[] = [];
  for (const sentence of sentences(text)) {
    const count = words(sentence).length;
    if (count > MAX_WORDS) problems.push(`${count} words: "${sentence}"`);
    for (const word of words(sentence)) {
      const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      const hard = HARD_WORDS.find((candidate) =>
        candidate === candidate.toUpperCase() ? bare === candidate : bare.toLowerCase() === candidate.toLowerCase(),
      );
      if (hard) problems.push(`hard word "${hard}": "${sentence}"`);
    }
  }
  return problems;
}
