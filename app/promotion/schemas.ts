import { z } from "zod";
import { labelProblem, type LabelProblem } from "./channels";

/** The promotion forms, shared by the browser and the server. Messages are translation keys. */

const LABEL_ERRORS: Record<LabelProblem, string> = {
  required: "promotion:errors.labelRequired",
  "too-short": "promotion:errors.labelTooShort",
  "too-long": "promotion:errors.labelTooLong",
  characters: "promotion:errors.labelCharacters",
  personal: "promotion:errors.labelPersonal",
};

export const NewChannelForm = z
  .object({ label: z.string().optional() })
  .superRefine((value, context) => {
    const problem = labelProblem(value.label ?? "");
    if (problem) context.addIssue({ code: "custom", path: ["label"], message: LABEL_ERRORS[problem] });
  })
  .transform((value) => ({ label: value.label!.trim().replace(/\s+/g, " ") }));

export const PREVIOUS_TOTAL_MAX = 1_000_000;

/** The previous inspection's number of responses; a blank field removes it. Commas and spaces are allowed. */
export const PreviousTotalForm = z
  .object({ previousTotal: z.string().optional() })
  .superRefine((value, context) => {
    const digits = (value.previousTotal ?? "").replace(/[\s,]/g, "");
    const problem = (message: string) => context.addIssue({ code: "custom", path: ["previousTotal"], message });
    if (digits !== "" && !/^\d+$/.test(digits)) problem("promotion:errors.previousTotalNumber");
    else if (Number(digits) > PREVIOUS_TOTAL_MAX) problem("promotion:errors.previousTotalTooLarge");
  })
  .transform((value) => {
    const digits = (value.previousTotal ?? "").replace(/[\s,]/g, "");
    return { previousTotal: digits === "" ? null : Number(digits) };
  });
