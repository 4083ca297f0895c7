import { translations } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import type { Answers } from "~/surveys/answers";
import { choicesOf, displayQuestion, type LocalisedText, type Question } from "~/surveys/questions";
import type { Survey } from "~/surveys/survey";
import { SAFETY_LINES, texts, type Line } from "./content";
import { optionPicture, pictureSrc, questionPicture } from "./pictures";
import { speechFor, type SpokenLine } from "./speech.server";
import { switchSettings } from "./switch.server";

/**
 * What every easy-read page's loader adds for its screen: the audio of its lines and of the safety
 * message, and the young person's switch settings (from their own device's cookie).
 */
export const easyReadT = (locale: string) => translations.getFixedT(locale, "easyread");

export async function easyReadPage(
  request: Request,
  inspection: Inspection,
  locale: string,
  spoken: Array<SpokenLine | null | undefined>,
) {
  const t = easyReadT(locale);
  const contact = inspection.safeguardingContact;
  const safetyLines = [t("safety.heading"), ...texts(SAFETY_LINES, t), contact ? t("safety.local", { contact }) : null];
  const [audio, safety, switchMode] = await Promise.all([
    speechFor(locale, spoken),
    speechFor(locale, safetyLines),
    switchSettings(request, inspection.slug),
  ]);
  return { audio: audio.screen, lines: audio.lines, safetyAudio: safety.screen, contact, switchMode };
}

/** The lines of a screen made of a title and line lists, as said aloud. */
export const spokenLines = (
  locale: string,
  title: string,
  lists: Line[][],
  values: Record<string, unknown> = {},
): string[] => {
  const t = easyReadT(locale);
  return [t(title, values), ...lists.flatMap((lines) => texts(lines, t, values))];
};

/**
 * A question as an easy-read screen: its picture, and its answers as cards, each with its picture and
 * its own audio (for hearing one answer at a time). Said aloud: "Question 2 of 9", the question, its
 * hint, that it can be skipped, then the answers, with "or" before "I don't know".
 */
export async function easyReadQuestion(
  request: Request,
  inspection: Inspection,
  question: Question,
  { number, total, locale }: { number: number; total: number; locale: string },
) {
  const t = easyReadT(locale);
  const display = displayQuestion(question, locale);
  const choices = choicesOf(display, t);
  const firstApart = choices.findIndex((choice) => choice.apart);
  const answers: SpokenLine[] = choices.flatMap((choice, index) =>
    index === firstApart ? [t("question.or"), choice.label] : [choice.label],
  );
  const intro: Array<SpokenLine | null> = [
    t("question.progress", { number, total }),
    display.text,
    display.hint,
    t("question.skip"),
  ];
  const page = await easyReadPage(request, inspection, locale, [...intro, ...answers]);
  const clipOf = (index: number) => page.lines[intro.length + index + (firstApart >= 0 && index >= firstApart ? 1 : 0)];
  return {
    ...page,
    caption: t("question.progress", { number, total }),
    picture: pictureSrc(questionPicture(question)),
    cards: choices.map((choice, index) => {
      const picture = optionPicture(choice.value);
      return {
        value: choice.value,
        label: choice.label,
        apart: choice.apart,
        picture: choice.picture ?? (picture ? pictureSrc(picture) : null),
        audio: clipOf(index) ?? null,
      };
    }),
  };
}

export type EasyReadCard = Awaited<ReturnType<typeof easyReadQuestion>>["cards"][number];

/** Where "Back" from the first question goes: for young people, the page where they chose to take part. */
export const firstPage = (base: string, survey: Survey) =>
  survey.audience === "young-people" ? `${base}/take-part` : base;

/** "survey:errors.x" as the easy-read pages say it. */
export function easyReadError(error: string): string {
  if (error === "survey:errors.tooLong") return "easyread:errors.tooLong";
  return "easyread:errors.answer";
}

/** "Check your answers" in easy read: each question with its picture, and the chosen answer's picture. */
export function easyReadAnswers(questions: Question[], answers: Answers | undefined, locale: string) {
  const t = easyReadT(locale);
  return questions.map((question, index) => {
    const display = displayQuestion(question, locale);
    const given = answers?.[question.id];
    const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
    const choices = choicesOf(display, t);
    return {
      number: index + 1,
      question: display.text,
      picture: pictureSrc(questionPicture(question)),
      answers:
        question.kind === "text"
          ? values.map((text) => ({ label: { text } as LocalisedText, picture: null }))
          : values.flatMap((value) => {
              const choice = choices.find((candidate) => candidate.value === value);
              if (!choice) return [];
              const picture = choice.picture ?? (optionPicture(value) ? pictureSrc(optionPicture(value)!) : null);
              return [{ label: choice.label, picture }];
            }),
    };
  });
}

export type EasyReadAnswerRow = ReturnType<typeof easyReadAnswers>[number];
