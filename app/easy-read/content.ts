import type { PictureName } from "./pictures";

/**
 * What each easy-read screen says, line by line: one idea a line, each line a translation key of the
 * `easyread` namespace, some with a picture. The page shows these lines and the server speaks the same
 * ones, so what is heard is always what is written.
 */
export type Line = { key: string; picture?: PictureName };

export const START_LINES: Line[] = [
  { key: "start.what" },
  { key: "start.inspectors" },
  { key: "start.about" },
  { key: "start.helper", picture: "help" },
  { key: "start.listen", picture: "speaker" },
];

export const TAKE_PART_LINES: Line[] = [
  { key: "takePart.what" },
  { key: "takePart.choice" },
  { key: "takePart.stop" },
  { key: "takePart.skip" },
  { key: "takePart.name" },
  { key: "takePart.anonymous" },
  { key: "takePart.under13", picture: "help" },
];

export const NO_THANKS_LINES: Line[] = [
  { key: "takePart.noThanks" },
  { key: "takePart.nothingKept" },
  { key: "takePart.close" },
];

export const CHECK_LINES: Line[] = [{ key: "check.here" }, { key: "check.change" }];

export const LOST_LINES: Line[] = [{ key: "check.lost" }];

export const SEND_LINES: Line[] = [{ key: "check.cannotChange" }];

export const DONE_LINES: Line[] = [
  { key: "done.sent" },
  { key: "done.read" },
  { key: "done.anonymous" },
  { key: "done.close" },
];

export const SAVE_LINES: Line[] = [{ key: "save.device" }];

export const SAFETY_LINES: Line[] = [
  { key: "safety.tell" },
  { key: "safety.childline", picture: "phone" },
  { key: "safety.danger" },
  { key: "safety.noReply" },
];

export const SWITCH_LINES: Line[] = [{ key: "switch.what" }, { key: "switch.press" }, { key: "switch.own" }];

/** Where an easy-read page stands with the survey's window, for the start page's notices. */
export type StartState = "upcoming" | "open" | "late" | "closed";

/** The texts of lines in the reader's language (`t` is the easyread namespace's). */
export const texts = (lines: Line[], t: (key: string, values?: Record<string, unknown>) => string, values = {}) =>
  lines.map((line) => t(line.key, values));
